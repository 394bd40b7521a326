// Matching bank lines (智能记账): the pure scorer (functions/_shared/bank/match.ts), then through the stack:
// suggestions from the bank-match function, confirm_bank_line posting receipts, payments, vouchers and
// transfers through the ledger engine (idempotent), learned rules, and the reconciliation of a statement.
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  cents,
  dice,
  type MatchInput,
  type MatchOpenItem,
  normalizeName,
  suggest,
} from '../functions/_shared/bank/match.ts'
import { ledgerCompany, ledgerViolations, mustPost, shanghaiToday } from './helpers/ledger.ts'
import { stackInfo, superuserDb } from './helpers/stack.ts'

const item = (over: Partial<MatchOpenItem>): MatchOpenItem => ({
  id: 'oi',
  party_id: 'p1',
  party_name: '上海客户甲有限公司',
  kind: 'invoice',
  outstanding: '1130.00',
  doc_date: '2026-03-01',
  due_date: '2026-03-31',
  number: 'SI-202603-0001',
  ...over,
})
const input = (over: Partial<MatchInput>): MatchInput => ({
  lines: [],
  open_items: [],
  bank_accounts: [],
  rules: [],
  ...over,
})
const line = (amount: string, extra: object = {}) => ({
  id: `l${amount}`,
  bank_account_id: 'b1',
  date: '2026-03-05',
  amount,
  counterparty_name: '上海客户甲有限公司',
  counterparty_account: '6222000000000001',
  memo: null,
  ...extra,
})

describe('the scorer (pure)', () => {
  it('normalises names and compares them by bigrams', () => {
    expect(normalizeName(' 上海客户甲 有限公司 ')).toBe('上海客户甲')
    expect(normalizeName('ACME Co., Ltd.')).toBe('acme')
    expect(dice('上海客户甲', '上海客户甲')).toBe(1)
    expect(dice('上海客户甲', '上海客户乙')).toBeCloseTo(0.75)
    expect(dice('上海客户甲', '北京供应商')).toBe(0)
    expect(cents('-1,0'.replace(',', '.'))).toBe(-100n)
    expect(cents('12.345')).toBe(1234n)
  })

  it('ranks the open item with the same amount, name and number first, and says why', () => {
    const out = suggest(
      input({
        lines: [line('1130.00', { memo: '货款 SI-202603-0001' })],
        open_items: [
          item({ id: 'right' }),
          item({ id: 'same-amount-other-party', party_id: 'p2', party_name: '北京无关公司', number: null }),
          item({ id: 'payable', party_id: 'p3', outstanding: '-1130.00', number: null }),
        ],
      }),
    )
    const [first, second] = out[0].suggestions
    expect(first).toMatchObject({ kind: 'receipt', open_item_id: 'right', party_id: 'p1', score: 100 })
    expect(first.reasons.join(' ')).toMatch(/金额一致.*amount matches/)
    expect(first.reasons.join(' ')).toMatch(/SI-202603-0001/)
    expect(second).toMatchObject({ open_item_id: 'same-amount-other-party' })
    expect(second.score).toBeLessThan(60)
    expect(out[0].suggestions.some((s) => s.open_item_id === 'payable')).toBe(false)
  })

  it('suggests partial settlement only with a name or number, payables for payments', () => {
    const out = suggest(
      input({
        lines: [
          line('500.00'),
          line('-226.00', { counterparty_name: '杭州供应商乙', counterparty_account: null }),
          line('77.00', { counterparty_name: '谁也不是' }),
        ],
        open_items: [
          item({ id: 'ar' }),
          item({
            id: 'ap',
            party_id: 'p9',
            party_name: '杭州供应商乙有限公司',
            outstanding: '-226.00',
            number: 'PI-1',
          }),
        ],
      }),
    )
    expect(out[0].suggestions[0]).toMatchObject({ kind: 'receipt', open_item_id: 'ar' })
    expect(out[0].suggestions[0].reasons[0]).toMatch(/partial/)
    expect(out[1].suggestions[0]).toMatchObject({ kind: 'payment', open_item_id: 'ap', score: 80 })
    expect(out[2].suggestions).toEqual([])
  })

  it('recognises transfers between own accounts and applies rules', () => {
    const out = suggest(
      input({
        lines: [
          line('-1000.00', { counterparty_account: '6222 0000 2222', counterparty_name: '本公司' }),
          {
            ...line('1000.00', { counterparty_account: '6222 0000 1111' }),
            id: 'twin',
            bank_account_id: 'b2',
          },
          line('-5.50', { counterparty_name: null, counterparty_account: null, memo: '跨行手续费' }),
        ],
        bank_accounts: [
          { id: 'b1', name: '基本户', account_number: '622200001111', account_id: 'a1' },
          { id: 'b2', name: '一般户', account_number: '622200002222', account_id: 'a2' },
        ],
        rules: [
          {
            id: 'r1',
            counterparty: null,
            keyword: '手续费',
            direction: 'out',
            kind: 'voucher',
            account_id: 'fee',
            party_id: null,
            department_id: null,
            project_id: null,
            hits: 3,
          },
        ],
      }),
    )
    expect(out[0].suggestions[0]).toMatchObject({
      kind: 'transfer',
      account_id: 'a2',
      other_line_id: 'twin',
      score: 95,
    })
    expect(out[1].suggestions[0]).toMatchObject({ kind: 'transfer', account_id: 'a1' })
    expect(out[2].suggestions[0]).toMatchObject({ kind: 'voucher', account_id: 'fee', rule_id: 'r1' })
  })

  it('compares amounts beyond 2^53 cents exactly, and names outside the BMP or with Latin letters', () => {
    const out = suggest(
      input({
        lines: [
          line('99999999999999999.98', { counterparty_name: '𠀀𠀁贸易' }),
          line('-1130.00', { counterparty_name: 'MÜLLER GmbH' }),
        ],
        open_items: [
          item({
            id: 'huge',
            party_id: 'p9',
            party_name: '𠀀𠀁贸易有限公司',
            outstanding: '99999999999999999.99',
          }),
          item({
            id: 'huge-1c',
            party_id: 'p9',
            party_name: '𠀀𠀁贸易有限公司',
            outstanding: '99999999999999999.98',
          }),
          item({ id: 'muller', party_id: 'p8', party_name: 'Müller', outstanding: '-1130.00', number: null }),
        ],
      }),
    )
    // one cent apart beyond 2^53 cents (a double would make them equal): exact for one, partial for the other
    expect(out[0].suggestions.map((x) => [x.open_item_id, x.score])).toEqual([
      ['huge-1c', 80],
      ['huge', 50],
    ])
    expect(out[0].suggestions[1].reasons[0]).toMatch(/partial/)
    expect(out[1].suggestions[0]).toMatchObject({ open_item_id: 'muller', kind: 'payment', score: 80 })
  })

  it('does not look at every pair: a line with no key in common costs nothing per item', () => {
    const items = Array.from({ length: 20000 }, (_, i) =>
      item({
        id: `i${i}`,
        party_id: `p${i}`,
        party_name: `公司${i}号`,
        outstanding: `${i + 1}.00`,
        number: null,
      }),
    )
    const t0 = performance.now()
    const out = suggest(
      input({ lines: [line('999999.00', { counterparty_name: 'zzz' })], open_items: items }),
    )
    expect(out[0].suggestions).toEqual([])
    expect(performance.now() - t0).toBeLessThan(2000)
  })
})

describe('confirming through the stack', () => {
  let db: pg.Client
  let co: Awaited<ReturnType<typeof ledgerCompany>>
  let bank1: string
  let bank2: string
  let ledger1: string
  let statementId: string
  let invoice: { number: string; document_id: string; total: number | null }
  let lines: Record<string, string>
  const today = shanghaiToday()

  beforeAll(async () => {
    db = await superuserDb()
    co = await ledgerCompany(db, 'bankmatch')
    const t = co.tenantId
    await db.query(`update public.parties set name = '上海客户乙有限公司' where id = $1`, [co.customerId])
    const parent = await db.query(`select id from public.accounts where tenant_id = $1 and code = '1002'`, [
      t,
    ])
    await db.query(
      `insert into public.accounts (tenant_id, code, name, parent_id, type, direction)
       values ($1, '100202', '一般户', $2, 'asset', 'debit')`,
      [t, parent.rows[0].id],
    )
    const acct = async (code: string) =>
      (await db.query('select id from public.accounts where tenant_id = $1 and code = $2', [t, code])).rows[0]
        .id
    ledger1 = await acct('100201')
    const mk = async (name: string, number: string, account: string) => {
      const { data, error } = await co.accountant.db
        .from('bank_accounts')
        .insert({ tenant_id: t, name, account_number: number, account_id: account })
        .select('id')
        .single()
      if (error) throw new Error(error.message)
      return data.id
    }
    bank1 = await mk('基本户', '6222 0000 1111', ledger1)
    bank2 = await mk('一般户', '6222 0000 2222', await acct('100202'))

    const stock = await mustPost(co.warehouse.db, 'purchase_receipt', `bm-gr-${t}`, {
      date: today,
      supplier_id: co.supplierId,
      lines: [{ item_id: co.items[0], quantity: '10', unit_cost: '50' }],
    })
    const receiptLine = (
      await db.query('select id from public.ledger_document_lines where document_id = $1', [
        stock.document_id,
      ])
    ).rows[0].id
    const inv = await mustPost(co.accountant.db, 'sales_invoice', `bm-si-${t}`, {
      date: today,
      customer_id: co.customerId,
      lines: [{ item_id: co.items[0], quantity: '2', unit_price: '565' }],
    })
    invoice = { number: inv.number, document_id: inv.document_id, total: inv.total }
    await mustPost(co.accountant.db, 'supplier_bill', `bm-pi-${t}`, {
      date: today,
      supplier_id: co.supplierId,
      lines: [{ receipt_line_id: receiptLine, quantity: '10', unit_price: '56.5' }],
    })
    const l = (
      key: string,
      amount: string,
      name: string | null,
      account: string | null,
      memo: string | null,
    ) => ({
      date: today,
      amount,
      counterparty_name: name,
      counterparty_account: account,
      memo,
      dedupe_key: key,
    })
    const imported = await co.cashier.db.rpc('import_bank_statement', {
      p_bank_account_id: bank1,
      p_statement: { file_name: 'm.csv', file_hash: '00000000000000b1', format: 'csv' },
      p_lines: [
        l('k1', '1130.00', '上海客户乙有限公司', '6222000000000001', `货款 ${inv.number}`),
        l('k2', '-565.00', '供应商甲', null, '采购款'),
        l('k3', '-5.50', null, null, '汇款手续费'),
        l('k4', '-1000.00', '本公司', '6222 0000 2222', '调拨'),
        l('k5', '300.00', '上海客户乙有限公司', null, '预付'),
      ],
    })
    expect(imported.error).toBeNull()
    statementId = (imported.data as { statement_id: string }).statement_id
    const other = await co.cashier.db.rpc('import_bank_statement', {
      p_bank_account_id: bank2,
      p_statement: { file_name: 'n.csv', file_hash: '00000000000000b2', format: 'csv' },
      p_lines: [l('k1', '1000.00', '本公司', '6222 0000 1111', '调拨')],
    })
    expect(other.error).toBeNull()
    const rows = await db.query(
      'select dedupe_key, bank_account_id, id from public.bank_statement_lines where tenant_id = $1',
      [t],
    )
    lines = Object.fromEntries(
      rows.rows.map((r) => [`${r.bank_account_id === bank1 ? 'a' : 'b'}${r.dedupe_key}`, r.id]),
    )
  }, 120_000)

  afterAll(async () => {
    await db?.end()
  })

  type Suggested = {
    line_id: string
    suggestions: Array<Record<string, unknown> & { score: number; reasons: string[] }>
  }
  async function suggestions(statement?: string): Promise<Suggested[]> {
    const res = await fetch(
      `${stackInfo().apiUrl}/functions/v1/bank-match${statement ? `?statement_id=${statement}` : ''}`,
      {
        headers: {
          apikey: stackInfo().anonKey,
          Authorization: `Bearer ${co.cashier.session.access_token}`,
          'x-tenant-id': co.tenantId,
        },
      },
    )
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(200)
    return body.lines
  }

  it('suggests the invoice for the receipt, the bill for the payment, the transfer with its twin', async () => {
    const out = await suggestions(statementId)
    const by = Object.fromEntries(out.map((s) => [s.line_id, s.suggestions]))
    expect(by[lines.ak1][0]).toMatchObject({ kind: 'receipt', party_id: co.customerId })
    expect(by[lines.ak1][0].score).toBeGreaterThanOrEqual(90)
    expect(by[lines.ak1][0].reasons.join(' ')).toContain(invoice.number)
    expect(by[lines.ak2][0]).toMatchObject({ kind: 'payment', party_id: co.supplierId })
    expect(by[lines.ak4][0]).toMatchObject({ kind: 'transfer', other_line_id: lines.bk1 })
    expect(by[lines.ak3]).toEqual([])
  }, 120_000)

  it('posts the receipt once, settles the invoice, reconciles the line and learns the counterparty', async () => {
    const [s] = (await suggestions(statementId)).filter((x) => x.line_id === lines.ak1)
    const args = {
      p_line_id: lines.ak1,
      p_kind: 'receipt',
      p_open_item_id: s.suggestions[0].open_item_id as string,
    }
    const refused = await co.sales.db.rpc('confirm_bank_line', args)
    expect(refused.error?.code).toBe('TR104')
    const first = await co.cashier.db.rpc('confirm_bank_line', args)
    expect(first.error).toBeNull()
    const again = await co.cashier.db.rpc('confirm_bank_line', args)
    expect(again.data).toMatchObject({
      document_id: (first.data as { document_id: string }).document_id,
      repeated: true,
    })
    const wrongKind = await co.cashier.db.rpc('confirm_bank_line', { ...args, p_kind: 'voucher' })
    expect(wrongKind.error).toMatchObject({ code: 'TR832' })
    const docs = await db.query(
      `select count(*) from public.ledger_documents where tenant_id = $1 and doc_type = 'customer_receipt'`,
      [co.tenantId],
    )
    expect(docs.rows[0].count).toBe('1')
    const oi = await db.query('select outstanding from public.open_items where id = $1', [
      args.p_open_item_id,
    ])
    expect(oi.rows[0].outstanding).toBe('0.00')
    const ln = await db.query(
      'select status, matched_document_id from public.bank_statement_lines where id = $1',
      [lines.ak1],
    )
    expect(ln.rows[0]).toMatchObject({
      status: 'reconciled',
      matched_document_id: (first.data as { document_id: string }).document_id,
    })
    const rule = await co.cashier.db
      .from('matching_rules')
      .select('counterparty, kind, party_id, hits, learned')
    expect(rule.data).toEqual([
      { counterparty: '上海客户乙', kind: 'receipt', party_id: co.customerId, hits: 1, learned: true },
    ])
    // the next line of the same counterparty: the learned rule suggests a receipt from that customer
    const [next] = (await suggestions(statementId)).filter((x) => x.line_id === lines.ak5)
    expect(next.suggestions.find((x) => x.rule_id)).toMatchObject({
      kind: 'receipt',
      party_id: co.customerId,
    })
    const prepay = await co.cashier.db.rpc('confirm_bank_line', {
      p_line_id: lines.ak5,
      p_kind: 'receipt',
      p_party_id: co.customerId,
    })
    expect(prepay.error).toBeNull()
  })

  it('refuses confirmations that do not fit the line', async () => {
    const wrongWay = await co.cashier.db.rpc('confirm_bank_line', {
      p_line_id: lines.ak2,
      p_kind: 'receipt',
      p_party_id: co.customerId,
    })
    expect(wrongWay.error).toMatchObject({ code: 'TR831', hint: 'kind' })
    const noParty = await co.cashier.db.rpc('confirm_bank_line', { p_line_id: lines.ak2, p_kind: 'payment' })
    expect(noParty.error).toMatchObject({ code: 'TR831', hint: 'party_id' })
    const unknown = await co.cashier.db.rpc('confirm_bank_line', {
      p_line_id: '00000000-0000-4000-8000-000000000000',
      p_kind: 'payment',
    })
    expect(unknown.error).toMatchObject({ code: 'TR830' })
  })

  it('pays the supplier, books the fee as a voucher, and the transfer once for both lines', async () => {
    const [s] = (await suggestions(statementId)).filter((x) => x.line_id === lines.ak2)
    const paid = await co.cashier.db.rpc('confirm_bank_line', {
      p_line_id: lines.ak2,
      p_kind: 'payment',
      p_open_item_id: s.suggestions[0].open_item_id as string,
    })
    expect(paid.error).toBeNull()
    const fee = (
      await db.query(
        `select id from public.accounts where tenant_id = $1 and code like '5603%' and name = '手续费'`,
        [co.tenantId],
      )
    ).rows[0].id
    const cashier = await co.cashier.db.rpc('confirm_bank_line', {
      p_line_id: lines.ak3,
      p_kind: 'voucher',
      p_account_id: fee,
    })
    expect(cashier.error?.code).toBe('TR104')
    const booked = await co.accountant.db.rpc('confirm_bank_line', {
      p_line_id: lines.ak3,
      p_kind: 'voucher',
      p_account_id: fee,
    })
    expect(booked.error).toBeNull()
    const v = await db.query(
      `select l.account_id, l.debit, l.credit from public.voucher_lines l where l.voucher_id = $1 order by line_no`,
      [(booked.data as { voucher_id: string }).voucher_id],
    )
    expect(v.rows).toEqual([
      { account_id: ledger1, debit: '0.00', credit: '5.50' },
      { account_id: fee, debit: '5.50', credit: '0.00' },
    ])
    const transfer = await co.accountant.db.rpc('confirm_bank_line', {
      p_line_id: lines.ak4,
      p_kind: 'transfer',
      p_other_line_id: lines.bk1,
    })
    expect(transfer.error).toBeNull()
    const both = await db.query(
      'select distinct status, matched_voucher_id from public.bank_statement_lines where id = any($1)',
      [[lines.ak4, lines.bk1]],
    )
    expect(both.rows).toEqual([
      { status: 'reconciled', matched_voucher_id: (transfer.data as { voucher_id: string }).voucher_id },
    ])
    expect(await ledgerViolations(db, co.tenantId)).toEqual([])
  })

  it('lets people edit the rules through the API, within their rights', async () => {
    const fee = await db.query(
      `select id from public.accounts where tenant_id = $1 and code like '5603%' and name = '手续费'`,
      [co.tenantId],
    )
    const learned = await co.cashier.db
      .from('matching_rules')
      .select('id')
      .eq('counterparty', '上海客户乙')
      .single()
    expect(learned.error).toBeNull()
    // the cashier narrows the learned rule to receipts
    const narrowed = await co.cashier.db
      .from('matching_rules')
      .update({ direction: 'in' })
      .eq('id', learned.data?.id as string)
      .select('direction, kind, party_id')
    expect(narrowed.error).toBeNull()
    expect(narrowed.data).toEqual([{ direction: 'in', kind: 'receipt', party_id: co.customerId }])
    // the accountant adds a keyword rule; a voucher rule needs its account
    const added = await co.accountant.db
      .from('matching_rules')
      .insert({
        tenant_id: co.tenantId,
        keyword: '利息',
        direction: 'in',
        kind: 'voucher',
        account_id: fee.rows[0].id,
      })
      .select('id')
      .single()
    expect(added.error).toBeNull()
    const noAccount = await co.accountant.db
      .from('matching_rules')
      .insert({ tenant_id: co.tenantId, keyword: '杂费', kind: 'voucher' })
    expect(noAccount.error?.code).toBe('23514')
    // the cashier may not delete (read, create, update), the accountant may
    const cashierDelete = await co.cashier.db
      .from('matching_rules')
      .delete()
      .eq('id', added.data?.id as string)
      .select('id')
    expect(cashierDelete.error?.code ?? (cashierDelete.data ?? []).length).not.toBe(1)
    const accountantDelete = await co.accountant.db
      .from('matching_rules')
      .delete()
      .eq('id', added.data?.id as string)
      .select('id')
    expect(accountantDelete.data).toHaveLength(1)
    const sales = await co.sales.db.from('matching_rules').select('id')
    expect(sales.data ?? []).toEqual([])
  })

  it('shows what is left of the statement, and the bank account in the books', async () => {
    const { data, error } = await co.cashier.db.rpc('bank_reconciliation', { p_statement_id: statementId })
    expect(error).toBeNull()
    expect(data?.[0]).toMatchObject({
      lines: 5,
      reconciled_count: 5,
      unreconciled_count: 0,
      reconciled_sum: -140.5,
      book_balance: -140.5,
    })
    const sales = await co.sales.db.rpc('bank_reconciliation', { p_statement_id: statementId })
    expect(sales.error?.code).toBe('TR104')
  })
})
