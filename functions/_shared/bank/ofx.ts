// OFX statements, both v1 (SGML: leaf elements are not closed) and v2 (XML). One tolerant tag reader
// builds the same tree for both.

import { canonicalAmount, normDecimal } from './decimal.ts'
import { clean, isoDate } from './text.ts'
import { type Budget, fail, NO_BUDGET, type ParseWarning, type RawLine, type RawStatement } from './types.ts'
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

/**
 * A lazy path: no path string, and no sibling counting, per element while reading. The first time a
 * path is asked for under a parent, that parent numbers all its children in one pass.
 */
class TreeNode implements Node {
  text = ''
  /** leaves share one empty list: an OFX file is mostly leaves */
  children: TreeNode[] = NO_CHILDREN
  /** position among the parent's children of the same name, 1-based; 0 until numbered */
  private index = 0
  private cachedPath?: string
  constructor(
    readonly name: string,
    public line: number,
    private readonly parent: TreeNode | null,
  ) {}
  private numberChildren(): void {
    const counts = new Map<string, number>()
    for (const c of this.children) {
      const n = (counts.get(c.name) ?? 0) + 1
      counts.set(c.name, n)
      c.index = n
    }
  }
  get path(): string {
    if (this.cachedPath === undefined) {
      const parent = this.parent
      if (!parent) this.cachedPath = ''
      else {
        if (this.index === 0) parent.numberChildren()
        this.cachedPath = `${parent.path}/${this.name}[${this.index}]`
      }
    }
    return this.cachedPath
  }
}

/** [A-Za-z0-9_.] */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46
}

/**
 * Tag names are few and repeat thousands of times: each is made once (upper-cased) and found again by
 * comparing it in place, so reading a tag allocates no string and names compare by identity. Buckets
 * by first character and length; [raw, name, raw, name, …]; at most 8 names a bucket (a file of
 * made-up names falls back to slicing, and the table stays small across requests).
 */
const NAMES = new Map<number, string[]>()

function tagName(src: string, a: number, b: number): string {
  const len = b - a
  const key = src.charCodeAt(a) * 256 + Math.min(len, 255)
  const bucket = NAMES.get(key)
  if (bucket) {
    for (let i = 0; i < bucket.length; i += 2) {
      const raw = bucket[i]
      if (raw.length === len && src.startsWith(raw, a)) return bucket[i + 1]
    }
  }
  const raw = src.slice(a, b)
  let name = raw
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i)
    if (c >= 97 && c <= 122) {
      name = raw.toUpperCase()
      break
    }
  }
  if (!bucket) NAMES.set(key, [raw, name])
  else if (bucket.length < 16) bucket.push(raw, name)
  return name
}

/** The markup found by nextMarkup (one object reused: the reader takes its fields at once). */
const found = { start: 0, end: 0, name: null as string | null, closing: false }

/**
 * The next markup at or after `from`: a tag <NAME …>, </NAME>, a processing instruction <?…?> or a
 * comment <!--…-->. A '<' that starts none of these is text. Hand-written scanning instead of a global
 * regex: no match arrays, a third of the time on large files.
 */
function nextMarkup(src: string, from: number): typeof found | null {
  for (let lt = src.indexOf('<', from); lt >= 0; lt = src.indexOf('<', lt + 1)) {
    const c = src.charCodeAt(lt + 1)
    if (c === 63) {
      const e = src.indexOf('?>', lt + 2)
      const gt = src.indexOf('>', lt + 2)
      if (e >= 0 && gt === e + 1) return markup(lt, e + 2, null, false)
      continue
    }
    if (c === 33 && src.startsWith('!--', lt + 1)) {
      const e = src.indexOf('-->', lt + 4)
      if (e >= 0) return markup(lt, e + 3, null, false)
      continue
    }
    const closing = c === 47
    const nameStart = closing ? lt + 2 : lt + 1
    let k = nameStart
    while (k < src.length && isNameChar(src.charCodeAt(k))) k++
    if (k === nameStart) continue
    // the usual <NAME> needs no search for its '>'
    const gt = src.charCodeAt(k) === 62 ? k : src.indexOf('>', k)
    if (gt < 0) return null
    return markup(lt, gt + 1, tagName(src, nameStart, k), closing)
  }
  return null
}

function markup(start: number, end: number, name: string | null, closing: boolean): typeof found {
  found.start = start
  found.end = end
  found.name = name
  found.closing = closing
  return found
}

export function buildTree(src: string, firstLine = 1, from = 0, budget: Budget = NO_BUDGET): Node {
  const root = new TreeNode('#root', firstLine, null)
  const stack: TreeNode[] = [root]
  let last = from
  let line = firstLine
  let leafOpen: TreeNode | null = null
  for (let m = nextMarkup(src, last); m; m = nextMarkup(src, last)) {
    budget.tick(line)
    const mStart = m.start
    const mEnd = m.end
    const name = m.name
    const closing = m.closing
    // text between tags: sliced only when there is some (most gaps are empty or whitespace), and
    // sliced once, already trimmed
    let k = last
    while (k < mStart && src.charCodeAt(k) <= 32) {
      if (src.charCodeAt(k) === 10) line++
      k++
    }
    if (k < mStart) {
      let e = mStart
      for (
        let c = src.charCodeAt(e - 1);
        e > k && (c === 32 || (c >= 9 && c <= 13));
        c = src.charCodeAt(e - 1)
      )
        e--
      for (let i = k; i < mStart; i++) if (src.charCodeAt(i) === 10) line++
      const top = stack[stack.length - 1]
      if (top !== root) {
        const t = decodeEntities(trimUnicode(src.slice(k, e)))
        top.text = top.text ? top.text + t : t
        leafOpen = top
      }
    }
    last = mEnd
    if (!name) continue
    if (closing) {
      let i = stack.length - 1
      while (i > 0 && stack[i].name !== name) i--
      if (i > 0) while (stack.length > i) stack.pop()
      leafOpen = null
    } else {
      // an SGML leaf (<TRNAMT>-12.00) ends where the next tag starts
      if (leafOpen && leafOpen === stack[stack.length - 1]) stack.pop()
      leafOpen = null
      const parent = stack[stack.length - 1]
      const node = new TreeNode(name, line, parent)
      if (parent.children === NO_CHILDREN) parent.children = []
      parent.children.push(node)
      if (src.charCodeAt(mEnd - 2) !== 47) stack.push(node)
    }
  }
  return root
}

/** trim() for what the ASCII pass left: only when a non-ASCII space could remain at either end. */
function trimUnicode(t: string): string {
  return t.charCodeAt(0) > 127 || t.charCodeAt(t.length - 1) > 127 ? t.trim() : t
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
  const iso = yyyymmdd(raw)
  if (!iso) fail((n as Node).line, field, `"${raw}" is not an OFX date`, (n as Node).path)
  return iso
}

/** ISO dates of yyyymmdd numbers already seen (a statement has few distinct days); bounded. */
const ISO = new Map<number, string | null>()

/** The date in the first 8 characters (yyyymmdd…), null when they are not digits or not a date. */
function yyyymmdd(raw: string): string | null {
  if (raw.length < 8) return null
  let n = 0
  for (let i = 0; i < 8; i++) {
    const c = raw.charCodeAt(i) - 48
    if (c < 0 || c > 9) return null
    n = n * 10 + c
  }
  let iso = ISO.get(n)
  if (iso === undefined) {
    iso = isoDate(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100)
    if (ISO.size > 4096) ISO.clear()
    ISO.set(n, iso)
  }
  return iso
}

function ofxAmount(n: Node | undefined, parent: Node, field: string): string {
  if (!n) fail(parent.line, field, `<${field}> is missing`, `${parent.path}/${field}`)
  const node = n as Node
  const plain = canonicalAmount(node.text)
  if (plain !== null) return plain
  let s = node.text.trim().replace(/^([+-]?)[$€£¥]/, '$1')
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '')
  else if (/^[+-]?\d+,\d+$/.test(s)) s = s.replace(',', '.')
  const v = normDecimal(s)
  if (v === null) fail(node.line, field, `"${node.text.trim()}" is not an amount`, node.path)
  return v as string
}

export function parseOfx(
  text: string,
  budget: Budget = NO_BUDGET,
): { statements: RawStatement[]; warnings: ParseWarning[] } {
  const warnings: ParseWarning[] = []
  const start = text.search(/<OFX>/i)
  if (start < 0) fail(1, 'OFX', 'no <OFX> element found')
  const headerLines = text.slice(0, start).split(/\r\n|\r|\n/).length - 1
  const tree = buildTree(text, headerLines + 1, start, budget)
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
