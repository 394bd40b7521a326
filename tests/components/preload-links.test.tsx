// Which page a path opens, and the one document listener that starts loading a page's code when the
// pointer rests on (or the keyboard focus reaches) a link to it.
import { fireEvent } from '@testing-library/react'
import { afterEach, describe, expect, test } from 'vitest'
import {
  LedgerDetail,
  pageOfPath,
  preloadLinksOnHover,
  ReportsPage,
  SalesOrderEntry,
  SalesOrderList,
  TrialBalance,
} from '../../admin/src/pages.ts'

afterEach(() => {
  document.body.innerHTML = ''
})

describe('preloading pages', () => {
  test('a path opens its page: lists, records, and the reports that have their own', () => {
    expect(pageOfPath('/sales-orders')).toBe(SalesOrderList)
    expect(pageOfPath('/sales-orders/8c3f0d0e-1111-4222-8333-944455556666')).toBe(SalesOrderEntry)
    expect(pageOfPath('/reports/ledger')).toBe(LedgerDetail)
    expect(pageOfPath('/reports/trial-balance')).toBe(TrialBalance)
    expect(pageOfPath('/reports/balance-sheet')).toBe(ReportsPage)
    expect(pageOfPath('/no/such/page')).toBeUndefined()
  })

  test('pointer over or focus on a link of the app starts its page; links elsewhere do not', () => {
    const seen: string[] = []
    const stop = preloadLinksOnHover((pathname) => seen.push(pathname))
    document.body.innerHTML = `
      <a href="/vouchers/v1"><span id="inside">凭证 记-1</span></a>
      <a id="elsewhere" href="https://elsewhere.test/vouchers/v2">x</a>
      <a id="keyboard" href="/customers/c1">客户</a>
      <span id="plain">no link</span>`
    fireEvent.pointerOver(document.getElementById('inside') as HTMLElement)
    fireEvent.pointerOver(document.getElementById('elsewhere') as HTMLElement)
    fireEvent.pointerOver(document.getElementById('plain') as HTMLElement)
    fireEvent.focusIn(document.getElementById('keyboard') as HTMLElement)
    stop()
    fireEvent.pointerOver(document.getElementById('inside') as HTMLElement)
    expect(seen).toEqual(['/vouchers/v1', '/customers/c1'])
  })
})
