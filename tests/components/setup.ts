// Component tests (jsdom): the browser APIs antd and ECharts expect that jsdom lacks, the fake PostgREST
// (msw) around every test, and a clean DOM after each.
import { cleanup } from '@testing-library/react'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { loadMessages } from '../../admin/src/i18n/catalog.ts'
import { server } from './fake-postgrest.ts'

// The app loads the language in use before it renders; the tests use both.
await Promise.all([loadMessages('zh-CN'), loadMessages('en')])

if (!window.matchMedia)
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList
if (!('ResizeObserver' in window))
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
// ECharts measures label text on a canvas 2D context, which jsdom lacks: a stub that measures by length
HTMLCanvasElement.prototype.getContext = function getContext() {
  return { measureText: (text: string) => ({ width: text.length * 6 }), font: '' }
} as unknown as HTMLCanvasElement['getContext']
// jsdom does not implement styles of pseudo-elements (antd asks for the scrollbar's)
const computed = window.getComputedStyle.bind(window)
window.getComputedStyle = (el: Element) => computed(el)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  cleanup()
  server.resetHandlers()
})
afterAll(() => server.close())
