// Pages loaded on first use (route-level code splitting), for a module's named export.
// Unlike a bare React.lazy, a page whose code is already there renders at once: React.lazy always
// suspends on its first render (it learns of the loaded module a microtask later), and React then holds
// the page back for its Suspense throttle (up to 300 ms since the fallback appeared) — the longest single
// wait of a bookmarked list's first load. preload() starts the download without rendering anything.
import { type ComponentType, createElement, lazy, useState } from 'react'

// biome-ignore lint/suspicious/noExplicitAny: the same constraint as React.lazy's own signature
type AnyComponent = ComponentType<any>

export type LazyPage<C extends AnyComponent> = ComponentType<React.ComponentProps<C>> & {
  preload(): Promise<void>
}

export function lazyNamed<K extends string, C extends AnyComponent>(
  load: () => Promise<Record<K, C>>,
  name: K,
): LazyPage<C> {
  let loaded: C | undefined
  let loading: Promise<void> | undefined
  const preload = () => {
    loading ??= load().then(
      (module) => {
        loaded = module[name]
      },
      (error: unknown) => {
        loading = undefined // a failed download (network) is tried again on the next visit
        throw error
      },
    )
    return loading
  }
  const Suspending = lazy(async () => {
    await preload()
    return { default: loaded as C }
  })
  // biome-ignore lint/correctness/noComponentHookFactories: made once per page at module load, as React.lazy
  function Page(props: React.ComponentProps<C>) {
    // Decided once per mounted page: switching from the lazy wrapper to the component later would
    // remount the page and lose its state.
    const [ready] = useState(() => loaded !== undefined)
    return ready ? createElement(loaded as C, props) : createElement(Suspending, props)
  }
  Page.displayName = `Lazy(${name})`
  Page.preload = preload
  return Page as LazyPage<C>
}

/** For modules that export their page as default. */
export function lazyDefault<C extends AnyComponent>(load: () => Promise<{ default: C }>): LazyPage<C> {
  return lazyNamed(load, 'default')
}
