// OFX statements, both v1 (SGML: leaf elements are not closed) and v2 (XML). One tolerant tag reader
// builds the same tree for both.

import { normDecimal } from './decimal.ts'
import { clean, isoDate } from './text.ts'
import { fail, type ParseWarning, type RawLine, type RawStatement } from './types.ts'
import { decodeEntities } from './xml.ts'

interface Node {
  name: string
  text: string
  children: Node[]
  line: number
  path: string
}

function buildTree(src: string): Node {
  const root: Node = { name: '#root', text: '', children: [], line: 1, path: '' }
  const stack: Node[] = [root]
  const re = /<(\/?)([A-Za-z0-9_.]+)[^>]*>|<\?[^>]*\?>|<!--[\s\S]*?-->/g
  let last = 0
  let line = 1
  let leafOpen: Node | null = null
  const counts = new Map<string, number>()
  const countLines = (a: number, b: number) => {
    for (let i = a; i < b; i++) if (src.charCodeAt(i) === 10) line++
  }
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const between = src.slice(last, m.index)
    countLines(last, m.index)
    last = m.index + m[0].length
    const top = stack[stack.length - 1]
    if (between.trim() && top !== root) {
      top.text += decodeEntities(between.trim())
      leafOpen = top
    }
    if (!m[2]) continue
    const name = m[2].toUpperCase()
    if (m[1]) {
      const i = stack.map((n) => n.name).lastIndexOf(name)
      if (i > 0) stack.length = i
      leafOpen = null
    } else {
      // an SGML leaf (<TRNAMT>-12.00) ends where the next tag starts
      if (leafOpen && leafOpen === stack[stack.length - 1]) stack.pop()
      leafOpen = null
      const parent = stack[stack.length - 1]
      const key = `${parent.path}/${name}`
      const n = (counts.get(key) ?? 0) + 1
      counts.set(key, n)
      const node: Node = { name, text: '', children: [], line, path: `${parent.path}/${name}[${n}]` }
      parent.children.push(node)
      if (!m[0].endsWith('/>')) stack.push(node)
    }
  }
  return root
}

function kid(n: Node | undefined, name: string): Node | undefined {
  return n?.children.find((c) => c.name === name)
}

function txt(n: Node | undefined, ...names: string[]): string | null {
  let cur = n
  for (const name of names) cur = kid(cur, name)
  const t = cur?.text.trim()
  return t ? t : null
}

function all(n: Node, name: string, out: Node[] = []): Node[] {
  for (const c of n.children) {
    if (c.name === name) out.push(c)
    else all(c, name, out)
  }
  return out
}

function ofxDate(n: Node | undefined, field: string, required: boolean): string | null {
  const raw = n?.text.trim()
  if (!raw) {
    if (required && n) fail(n.line, field, `${field} is empty`, n.path)
    return null
  }
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(raw)
  const iso = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null
  if (!iso) fail((n as Node).line, field, `"${raw}" is not an OFX date`, (n as Node).path)
  return iso
}

function ofxAmount(n: Node | undefined, parent: Node, field: string): string {
  if (!n) fail(parent.line, field, `<${field}> is missing`, `${parent.path}/${field}`)
  const node = n as Node
  let s = node.text.trim().replace(/^([+-]?)[$€£¥]/, '$1')
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '')
  else if (/^[+-]?\d+,\d+$/.test(s)) s = s.replace(',', '.')
  const v = normDecimal(s)
  if (v === null) fail(node.line, field, `"${node.text.trim()}" is not an amount`, node.path)
  return v as string
}

export function parseOfx(text: string): { statements: RawStatement[]; warnings: ParseWarning[] } {
  const warnings: ParseWarning[] = []
  const start = text.search(/<OFX>/i)
  if (start < 0) fail(1, 'OFX', 'no <OFX> element found')
  const headerLines = text.slice(0, start).split(/\r\n|\r|\n/).length - 1
  const tree = buildTree(text.slice(start))
  const shift = (n: Node) => {
    n.line += headerLines
    for (const c of n.children) shift(c)
  }
  shift(tree)
  const ofx = kid(tree, 'OFX')
  if (!ofx) fail(1, 'OFX', 'no <OFX> element found')
  const stmts = [...all(ofx as Node, 'STMTRS'), ...all(ofx as Node, 'CCSTMTRS')]
  if (!stmts.length) {
    const status = [...all(ofx as Node, 'STATUS')].find((s) => txt(s, 'CODE') && txt(s, 'CODE') !== '0')
    if (status) {
      fail(
        status.line,
        'STATUS',
        `the bank returned an error instead of a statement: code ${txt(status, 'CODE')} ${txt(status, 'MESSAGE') ?? txt(status, 'SEVERITY') ?? ''}`.trim(),
        status.path,
      )
    }
    const what = all(ofx as Node, 'ACCTINFORS').length ? 'an account list' : 'no STMTRS'
    fail((ofx as Node).line, 'STMTRS', `the file contains ${what}, not a statement`, (ofx as Node).path)
  }
  const statements: RawStatement[] = []
  for (const st of stmts) {
    const from = kid(st, 'BANKACCTFROM') ?? kid(st, 'CCACCTFROM')
    const currency = txt(st, 'CURDEF')?.toUpperCase() ?? null
    const ledger = kid(st, 'LEDGERBAL')
    const s: RawStatement = {
      accountId: txt(from, 'ACCTID'),
      currency,
      statementId: null,
      openingBalance: null,
      openingDate: null,
      // an empty <BALAMT></BALAMT> (seen in v1.02 files) states no balance
      closingBalance: txt(ledger, 'BALAMT')
        ? ofxAmount(kid(ledger, 'BALAMT'), ledger as Node, 'BALAMT')
        : null,
      closingDate: ledger ? ofxDate(kid(ledger, 'DTASOF'), 'DTASOF', false) : null,
      lines: [],
    }
    for (const t of all(st, 'STMTTRN')) {
      const posted = kid(t, 'DTPOSTED')
      if (!posted) fail(t.line, 'DTPOSTED', '<DTPOSTED> is missing', `${t.path}/DTPOSTED`)
      const date = ofxDate(posted, 'DTPOSTED', true) as string
      const name = txt(t, 'NAME') ?? txt(t, 'PAYEE', 'NAME')
      const memo = [txt(t, 'MEMO'), txt(t, 'CHECKNUM') ? `check ${txt(t, 'CHECKNUM')}` : null]
        .filter(Boolean)
        .join(' | ')
      const trnCur = txt(t, 'CURRENCY', 'CURSYM') ?? txt(t, 'ORIGCURRENCY', 'CURSYM')
      const line: RawLine = {
        date,
        valueDate: ofxDate(kid(t, 'DTAVAIL'), 'DTAVAIL', false),
        amount: ofxAmount(kid(t, 'TRNAMT'), t, 'TRNAMT'),
        currency: trnCur?.toUpperCase() ?? currency,
        counterpartyName: clean(name),
        counterpartyAccount: txt(t, 'BANKACCTTO', 'ACCTID') ?? txt(t, 'CCACCTTO', 'ACCTID'),
        reference: txt(t, 'FITID'),
        memo: clean(memo),
        balanceAfter: null,
        status: 'booked',
        sourceLine: t.line,
        sourcePath: t.path,
      }
      s.lines.push(line)
    }
    statements.push(s)
  }
  return { statements, warnings }
}
