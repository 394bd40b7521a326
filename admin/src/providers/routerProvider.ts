// Refine's react-router provider with one change: which resource and action the current path belongs
// to is worked out once per path, not once per component. Refine asks in every hook that reads the
// route (each row's show/edit/delete button among them), and its matcher splits and compares every
// route of every resource: with one generated resource per table (several hundred routes), a list
// of ten rows spent most of its first render there (profiled in bench:admin's Chromium).
import {
  matchResourceFromRoute,
  QS_PARSE_DEPTH,
  ResourceContext,
  type ResourceProps,
  type RouterProvider,
} from '@refinedev/core'
import routerProvider from '@refinedev/react-router'
import qs from 'qs'
import { useCallback, useContext, useMemo } from 'react'
import { matchPath, useLocation, useParams } from 'react-router'

type Match = ReturnType<typeof matchResourceFromRoute>

// Keyed by the resources array (a new array when the schema or language changes), then by path.
const matches = new WeakMap<ResourceProps[], Map<string, Match>>()

function matchOnce(pathname: string, resources: ResourceProps[]): Match {
  let byPath = matches.get(resources)
  if (!byPath) {
    byPath = new Map()
    matches.set(resources, byPath)
  }
  let match = byPath.get(pathname)
  if (!match) {
    match = matchResourceFromRoute(pathname, resources)
    byPath.set(pathname, match)
  }
  return match
}

// As refine's: "5" becomes 5, anything else stays as it is.
const toNumber = (value: unknown) =>
  typeof value === 'string' && `${Number(value)}` === value ? Number(value) : value

function useParse() {
  let params: Record<string, string | undefined> = useParams()
  const { pathname, search } = useLocation()
  const { resources } = useContext(ResourceContext)
  const { resource, action, matchedRoute } = useMemo(
    () => matchOnce(pathname, resources),
    [pathname, resources],
  )
  if (Object.keys(params).length === 0 && matchedRoute) {
    params = matchPath(matchedRoute, pathname)?.params ?? {}
  }
  return useCallback(() => {
    const combined: Record<string, unknown> = {
      ...params,
      ...qs.parse(search, { ignoreQueryPrefix: true, depth: QS_PARSE_DEPTH }),
    }
    return {
      ...(resource && { resource }),
      ...(action && { action }),
      ...(params.id && { id: decodeURIComponent(params.id) }),
      pathname,
      params: {
        ...combined,
        currentPage: toNumber(combined.currentPage),
        pageSize: toNumber(combined.pageSize),
        to: typeof combined.to === 'string' ? decodeURIComponent(combined.to) : undefined,
      },
    }
  }, [pathname, search, params, resource, action])
}

export const cachedRouterProvider = { ...routerProvider, parse: useParse } as RouterProvider
