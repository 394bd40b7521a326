// ISO 20022 CAMT.053 statements (also reads camt.052 reports and camt.054 notifications, which share
// the entry structure): several Stmt per file, OPBD/CLBD balances, Ntry with details.

import { normDecimal } from './decimal.ts'
import { clean } from './text.ts'
import { type Budget, fail, NO_BUDGET, type ParseWarning, type RawLine, type RawStatement } from './types.ts'
import { child, children, descendants, parseXml, textAt, type XmlNode } from './xml.ts'

const CONTAINERS: Record<string, string> = {
  BkToCstmrStmt: 'Stmt',
  BkToCstmrAcctRpt: 'Rpt',
  BkToCstmrDbtCdtNtfctn: 'Ntfctn',
}

function need(n: XmlNode | undefined, parent: XmlNode, name: string): XmlNode {
  if (!n) fail(parent.line, name, `<${name}> is missing in <${parent.name}>`, `${parent.path}/${name}`)
  return n as XmlNode
}

function isoOf(n: XmlNode | undefined): string | null {
  if (!n) return null
  const t = textAt(n, 'Dt') ?? textAt(n, 'DtTm')
  if (!t) return null
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t)
  if (!m) fail(n.line, n.name, `"${t}" is not an ISO date`, n.path)
  return (m as RegExpExecArray).slice(1, 4).join('-')
}

function signedAmount(entry: XmlNode): { amount: string; currency: string | null } {
  const amt = need(child(entry, 'Amt'), entry, 'Amt')
  const v = normDecimal(amt.text.trim())
  if (v === null || v.startsWith('-'))
    fail(amt.line, 'Amt', `"${amt.text.trim()}" is not an amount`, amt.path)
  const ind = need(child(entry, 'CdtDbtInd'), entry, 'CdtDbtInd')
  const d = ind.text.trim()
  if (d !== 'CRDT' && d !== 'DBIT') fail(ind.line, 'CdtDbtInd', `"${d}" is neither CRDT nor DBIT`, ind.path)
  const amount = d === 'DBIT' && !/^0\.0+$/.test(v as string) ? `-${v}` : (v as string)
  return { amount, currency: amt.attrs.Ccy ?? null }
}

function accountOf(n: XmlNode | undefined): string | null {
  const id = child(n, 'Id')
  return textAt(id, 'IBAN') ?? textAt(id, 'Othr', 'Id') ?? textAt(id, 'BBAN') ?? null
}

function partyName(n: XmlNode | undefined): string | null {
  return textAt(n, 'Nm') ?? textAt(n, 'Pty', 'Nm') ?? textAt(n, 'Agt', 'FinInstnId', 'Nm') ?? null
}

function details(entry: XmlNode, credit: boolean) {
  const txs = descendants(entry, 'TxDtls')
  const memo: string[] = []
  let name: string | null = null
  let account: string | null = null
  let ref: string | null = null
  for (const tx of txs) {
    const parties = child(tx, 'RltdPties')
    const other = credit ? 'Dbtr' : 'Cdtr'
    name =
      name ??
      partyName(child(parties, other)) ??
      partyName(child(parties, credit ? 'UltmtDbtr' : 'UltmtCdtr'))
    account = account ?? accountOf(child(parties, `${other}Acct`))
    ref = ref ?? textAt(tx, 'Refs', 'AcctSvcrRef')
    const rmt = child(tx, 'RmtInf')
    for (const u of children(rmt, 'Ustrd')) if (u.text.trim()) memo.push(u.text.trim())
    for (const s of children(rmt, 'Strd')) {
      const r = textAt(s, 'CdtrRefInf', 'Ref')
      if (r) memo.push(r)
      for (const a of children(s, 'AddtlRmtInf')) if (a.text.trim()) memo.push(a.text.trim())
    }
    const e2e = textAt(tx, 'Refs', 'EndToEndId')
    if (e2e && e2e !== 'NOTPROVIDED' && !memo.length) memo.push(e2e)
    const addtl = textAt(tx, 'AddtlTxInf')
    if (addtl) memo.push(addtl)
  }
  const addtlNtry = textAt(entry, 'AddtlNtryInf')
  if (addtlNtry && !memo.includes(addtlNtry)) memo.push(addtlNtry)
  return { name: clean(name), account: clean(account), ref, memo: clean(memo.join(' | ')) }
}

export function parseCamt(
  text: string,
  budget: Budget = NO_BUDGET,
): { statements: RawStatement[]; warnings: ParseWarning[] } {
  const warnings: ParseWarning[] = []
  const doc = parseXml(text, budget)
  const body = doc.children.find((c) => CONTAINERS[c.name])
  if (doc.name !== 'Document' || !body) {
    fail(doc.line, doc.name, 'not a CAMT document (expected Document/BkToCstmrStmt)', doc.path)
  }
  const b = body as XmlNode
  const stmts = children(b, CONTAINERS[b.name])
  if (!stmts.length) fail(b.line, CONTAINERS[b.name], `no <${CONTAINERS[b.name]}> in the file`, b.path)
  const statements: RawStatement[] = []
  for (const st of stmts) {
    const acct = child(st, 'Acct')
    const currency = textAt(acct, 'Ccy')
    const s: RawStatement = {
      accountId: accountOf(acct),
      currency,
      statementId: textAt(st, 'Id'),
      openingBalance: null,
      openingDate: null,
      closingBalance: null,
      closingDate: null,
      lines: [],
    }
    for (const bal of children(st, 'Bal')) {
      const code = textAt(bal, 'Tp', 'CdOrPrtry', 'Cd') ?? textAt(bal, 'Tp', 'CdOrPrtry', 'Prtry')
      const { amount, currency: ccy } = signedAmount(bal)
      if (code === 'OPBD' || (code === 'PRCD' && s.openingBalance === null)) {
        s.openingBalance = amount
        s.openingDate = isoOf(child(bal, 'Dt'))
        s.currency = s.currency ?? ccy
      } else if (code === 'CLBD') {
        s.closingBalance = amount
        s.closingDate = isoOf(child(bal, 'Dt'))
        s.currency = s.currency ?? ccy
      }
    }
    for (const e of children(st, 'Ntry')) {
      budget.tick(e.line)
      const { amount, currency: ccy } = signedAmount(e)
      const stsNode = child(e, 'Sts')
      const sts = (textAt(stsNode, 'Cd') ?? stsNode?.text.trim() ?? 'BOOK').toUpperCase()
      let date = isoOf(child(e, 'BookgDt')) ?? isoOf(child(e, 'ValDt'))
      if (!date) {
        // camt.054 notifications may carry no entry dates: the notification's creation date applies
        const created = textAt(st, 'CreDtTm') ?? textAt(b, 'GrpHdr', 'CreDtTm')
        date = created && /^\d{4}-\d{2}-\d{2}/.test(created) ? created.slice(0, 10) : null
        if (!date)
          fail(e.line, 'BookgDt', 'entry has neither a booking nor a value date', `${e.path}/BookgDt`)
        warnings.push({
          line: e.line,
          path: e.path,
          field: 'BookgDt',
          message: `no entry date; ${date} taken from CreDtTm`,
        })
      }
      const d = details(e, !amount.startsWith('-'))
      const line: RawLine = {
        date: date as string,
        valueDate: isoOf(child(e, 'ValDt')),
        amount,
        currency: ccy ?? s.currency,
        counterpartyName: d.name,
        counterpartyAccount: d.account,
        reference: textAt(e, 'AcctSvcrRef') ?? d.ref ?? textAt(e, 'NtryRef'),
        memo: d.memo,
        balanceAfter: null,
        status: sts === 'BOOK' ? 'booked' : 'pending',
        sourceLine: e.line,
        sourcePath: e.path,
      }
      if (ccy && s.currency && ccy !== s.currency) {
        warnings.push({
          line: e.line,
          path: e.path,
          field: 'Amt',
          message: `entry in ${ccy}, account in ${s.currency}`,
        })
      }
      s.lines.push(line)
    }
    statements.push(s)
  }
  return { statements, warnings }
}
