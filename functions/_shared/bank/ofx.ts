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
  /** element path for error messages, e.g. /OFX[1]/BANKMSGSRSV1[1]/…/STMTTRN[2]; built only when asked for */
  readonly path: string
}

const NO_CHILDREN: TreeNode[] = []

/** Per-parent sibling counters and a lazy path: no path string per element while reading. */
class TreeNode implements Node {
  text = ''
  /** leaves share one empty list: an OFX file is mostly leaves */
  children: TreeNode[] = NO_CHILDREN
  /** [name, count, name, count, …]: few distinct child names, cheaper than a Map per element */
  private counts?: Array<string | number>
  private cachedPath?: string
  constructor(
    readonly name: string,
    public line: number,
    private readonly parent: TreeNode | null,
    private readonly index: number,
  ) {}
  nextIndex(name: string): number {
    this.counts ??= []
    const c = this.counts
    for (let i = 0; i < c.length; i += 2) {
      if (c[i] === name) {
        c[i + 1] = (c[i + 1] as number) + 1
        return c[i + 1] as number
      }
    }
    c.push(name, 1)
    return 1
  }
  get path(): string {
    if (this.cachedPath === undefined)
      this.cachedPath = this.parent ? `${this.parent.path}/${this.name}[${this.index}]` : ''
    return this.cachedPath
  }
}

/** [A-Za-z0-9_.] */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46
}

/**
 * The next markup at or after `from`: a tag <NAME …>, </NAME>, a processing instruction <?…?> or a
 * comment <!--…-->. A '<' that starts none of these is text. Hand-written scanning instead of a global
 * regex: no match arrays, a third of the time on large files.
 */
function nextMarkup(
  src: string,
  from: number,
): { start: number; end: number; name: string | null; closing: boolean } | null {
  for (let lt = src.indexOf('<', from); lt >= 0; lt = src.indexOf('<', lt + 1)) {
    const c = src.charCodeAt(lt + 1)
    if (c === 63) {
      const e = src.indexOf('?>', lt + 2)
      const gt = src.indexOf('>', lt + 2)
      if (e >= 0 && gt === e + 1) return { start: lt, end: e + 2, name: null, closing: false }
      continue
    }
    if (c === 33 && src.startsWith('!--', lt + 1)) {
      const e = src.indexOf('-->', lt + 4)
      if (e >= 0) return { start: lt, end: e + 3, name: null, closing: false }
      continue
    }
    const closing = c === 47
    const nameStart = closing ? lt + 2 : lt + 1
    let k = nameStart
    while (k < src.length && isNameChar(src.charCodeAt(k))) k++
    if (k === nameStart) continue
    const gt = src.indexOf('>', k)
    if (gt < 0) return null
    return { start: lt, end: gt + 1, name: src.slice(nameStart, k), closing }
  }
  return null
}

export function buildTree(src: string, firstLine = 1): Node {
  const root = new TreeNode('#root', firstLine, null, 0)
  const stack: TreeNode[] = [root]
  let last = 0
  let line = firstLine
  let leafOpen: TreeNode | null = null
  const countLines = (a: number, b: number) => {
    for (let i = a; i < b; i++) if (src.charCodeAt(i) === 10) line++
  }
  for (let m = nextMarkup(src, 0); m; m = nextMarkup(src, last)) {
    // text between tags: sliced only when there is some (most gaps are empty or whitespace)
    let k = last
    while (k < m.start && src.charCodeAt(k) <= 32) {
      if (src.charCodeAt(k) === 10) line++
      k++
    }
    const hasText = k < m.start
    if (hasText) countLines(k, m.start)
    const top = stack[stack.length - 1]
    if (hasText && top !== root) {
      top.text += decodeEntities(src.slice(k, m.start).trim())
      leafOpen = top
    }
    last = m.end
    if (!m.name) continue
    let name = m.name
    for (let i = 0; i < name.length; i++) {
      const c = name.charCodeAt(i)
      if (c >= 97 && c <= 122) {
        name = name.toUpperCase()
        break
      }
    }
    if (m.closing) {
      let i = stack.length - 1
      while (i > 0 && stack[i].name !== name) i--
      if (i > 0) while (stack.length > i) stack.pop()
      leafOpen = null
    } else {
      // an SGML leaf (<TRNAMT>-12.00) ends where the next tag starts
      if (leafOpen && leafOpen === stack[stack.length - 1]) stack.pop()
      leafOpen = null
      const parent = stack[stack.length - 1]
      const node = new TreeNode(name, line, parent, parent.nextIndex(name))
      if (parent.children === NO_CHILDREN) parent.children = []
      parent.children.push(node)
      if (src.charCodeAt(m.end - 2) !== 47) stack.push(node)
    }
  }
  return root
}

function kid(n: Node | undefined, name: string): Node | undefined {
  if (!n) return undefined
  for (const c of n.children) if (c.name === name) return c
  return undefined
}

/** Text of the child `a` (or grandchild a/b), trimmed; null when empty. No rest array: called per field. */
function txt(n: Node | undefined, a: string, b?: string): string | null {
  let cur = kid(n, a)
  if (b !== undefined) cur = kid(cur, b)
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
  const tree = buildTree(text.slice(start), headerLines + 1)
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
      const memoText = txt(t, 'MEMO')
      const check = txt(t, 'CHECKNUM')
      const memo = check ? (memoText ? `${memoText} | check ${check}` : `check ${check}`) : (memoText ?? '')
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
