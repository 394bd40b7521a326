// Suggestions for bank statement lines (智能记账): open receivables and payables, transfers between the
// company's own accounts, and rules (counterparty or memo keyword → how to book). Pure module.
//
// No pairwise scan: open items are indexed once by amount in cents, by party, by the bigrams of the
// party's normalised name and by document number; each line looks up its candidates in those maps, so
// the work grows with lines + items (bigrams shared by too many parties are ignored, like stop words).
// Score (0–100) = amount (exact 50, partial 20) + name similarity (bigram Dice × 25) + document number
// in the memo (20) + date proximity (≤ 5). Every suggestion says why, in Chinese and English.

export interface MatchLine {
  id: string
  bank_account_id: string
  date: string
  /** signed decimal string, receipts positive */
  amount: string
  counterparty_name: string | null
  counterparty_account: string | null
  reference?: string | null
  memo: string | null
}

export interface MatchOpenItem {
  id: string
  party_id: string
  party_name: string
  kind: string
  /** signed decimal string, debit positive: receivables +, payables − */
  outstanding: string
  doc_date: string
  due_date: string
  number: string | null
}

export interface MatchBankAccount {
  id: string
  name: string
  account_number: string
  account_id: string
}

export interface MatchRule {
  id: string
  counterparty: string | null
  keyword: string | null
  direction: 'in' | 'out' | 'any'
  kind: 'receipt' | 'payment' | 'voucher'
  account_id: string | null
  party_id: string | null
  department_id: string | null
  project_id: string | null
  hits: number
}

export interface Suggestion {
  kind: 'receipt' | 'payment' | 'voucher' | 'transfer'
  score: number
  reasons: string[]
  open_item_id?: string
  party_id?: string
  account_id?: string
  department_id?: string | null
  project_id?: string | null
  rule_id?: string
  other_bank_account_id?: string
  other_line_id?: string
}

export interface LineSuggestions {
  line_id: string
  suggestions: Suggestion[]
}

export interface MatchInput {
  lines: MatchLine[]
  /** open lines of other own accounts, only to find the other side of a transfer */
  other_lines?: MatchLine[]
  open_items: MatchOpenItem[]
  bank_accounts: MatchBankAccount[]
  rules: MatchRule[]
}

const PUNCT = /[\s\p{P}\p{S}]+/gu

/** Cheap pre-check: any character outside letters and digits of ASCII and CJK ideographs? */
function mayHavePunct(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x4e00 && c <= 0x9fff)) continue
    return true
  }
  return false
}

const SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '分公司',
  '公司',
  'coltd',
  'co',
  'ltd',
  'limited',
  'inc',
  'gmbh',
  'llc',
]

/** Same normalisation as public.normalize_counterparty in SQL (suffixes stripped by endsWith, no regex). */
export function normalizeName(name: string | null | undefined): string {
  if (!name) return ''
  let s = name.toLowerCase()
  if (mayHavePunct(s)) s = s.replace(PUNCT, '')
  for (let again = true; again; ) {
    again = false
    for (const x of SUFFIXES) {
      if (s.length > 0 && s.endsWith(x)) {
        s = s.slice(0, s.length - x.length)
        again = true
        break
      }
    }
  }
  return s
}

export function bigrams(s: string): string[] {
  const chars = [...s]
  if (chars.length < 2) return chars.length ? [chars[0]] : []
  const out: string[] = []
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i] + chars[i + 1])
  return out
}

/** Sørensen–Dice on bigram multisets: 1 for equal names, 0 for nothing in common. */
export function dice(a: string, b: string): number {
  if (!a || !b) return 0
  if (a === b) return 1
  const x = bigrams(a)
  const y = bigrams(b)
  const counts = new Map<string, number>()
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1)
  let common = 0
  for (const g of y) {
    const c = counts.get(g)
    if (c) {
      common++
      counts.set(g, c - 1)
    }
  }
  return (2 * common) / (x.length + y.length)
}

/** Decimal string → integer cents (exact for up to 2 decimals; more are cut, never rounded through floats). */
export function cents(amount: string): bigint {
  const m = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(amount.trim())
  if (!m) return 0n
  const units = BigInt(`${m[2] || '0'}${(`${m[3] ?? ''}00`).slice(0, 2)}`)
  return m[1] === '-' ? -units : units
}

const DAY = 86_400_000
/** Day number of an ISO date (yyyy-mm-dd…), without Date.parse. */
function dayNo(iso: string): number {
  return Math.round(
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY,
  )
}
const days = (a: string, b: string) => Math.abs(dayNo(a) - dayNo(b))
const compactAccount = (s: string | null | undefined) => (s ?? '').replace(/[\s-]/g, '').toUpperCase()

/** A bigram shared by more parties than this says nothing about which one is meant. */
const MAX_POSTINGS = 30
/** Suggestions kept per line. */
const TOP = 5

interface Item {
  oi: MatchOpenItem
  cents: bigint
  docDay: number
  dueDay: number
  /** the line that last took it as a candidate (dedupes candidates without a Map per line) */
  stamp: number
}

interface Party {
  id: string
  name: string
  norm: string
  items: Item[]
}

/** A Map key for an amount: a number while exact (hashing a small number is cheapest), else text. */
const amountKey = (c: bigint): number | string =>
  c > -9007199254740991n && c < 9007199254740991n ? Number(c) : `c${c}`

export function suggest(input: MatchInput): LineSuggestions[] {
  // ── indexes, built once ──
  const byCents = new Map<number | string, Item[]>()
  const parties = new Map<string, Party>()
  const byNumber = new Map<string, Item>()
  for (const oi of input.open_items) {
    const it: Item = {
      oi,
      cents: cents(oi.outstanding),
      docDay: dayNo(oi.doc_date),
      dueDay: dayNo(oi.due_date),
      stamp: -1,
    }
    const key = amountKey(it.cents)
    const list = byCents.get(key)
    if (list) list.push(it)
    else byCents.set(key, [it])
    let p = parties.get(oi.party_id)
    if (!p) {
      p = { id: oi.party_id, name: oi.party_name, norm: normalizeName(oi.party_name), items: [] }
      parties.set(oi.party_id, p)
    }
    p.items.push(it)
    if (oi.number && oi.number.length >= 4) byNumber.set(oi.number.toUpperCase(), it)
  }
  const byNorm = new Map<string, Party>()
  for (const p of parties.values()) if (p.norm) byNorm.set(p.norm, p)
  // bigram postings, built the first time a counterparty is not found by its exact name
  let byBigram: Map<string, Party[]> | null = null
  const bigramIndex = (): Map<string, Party[]> => {
    if (byBigram) return byBigram
    byBigram = new Map()
    for (const p of parties.values()) {
      if (!p.norm) continue
      for (const g of new Set(bigrams(p.norm))) {
        const list = byBigram.get(g)
        if (list) list.push(p)
        else byBigram.set(g, [p])
      }
    }
    return byBigram
  }
  const ownAccounts = new Map<string, MatchBankAccount>()
  for (const b of input.bank_accounts) ownAccounts.set(compactAccount(b.account_number), b)
  const rulesByName = new Map<string, MatchRule[]>()
  const keywordRules: MatchRule[] = []
  for (const r of input.rules) {
    if (r.counterparty) {
      const list = rulesByName.get(r.counterparty)
      if (list) list.push(r)
      else rulesByName.set(r.counterparty, [r])
    } else if (r.keyword) keywordRules.push(r)
  }
  // own-account transfers: the other side's open line, by account and amount
  const openLinesBy = new Map<string, MatchLine[]>()
  for (const l of [...input.lines, ...(input.other_lines ?? [])]) {
    const k = `${l.bank_account_id}|${cents(l.amount)}`
    const list = openLinesBy.get(k)
    if (list) list.push(l)
    else openLinesBy.set(k, [l])
  }
  const numberPattern = /[A-Z]{1,6}[-_]?\d{4,}(?:[-_]\d+)*/g
  const hasDigits = /\d{4}/

  return input.lines.map((line, lineNo) => {
    const out: Suggestion[] = []
    const day = dayNo(line.date)
    const c = cents(line.amount)
    const inflow = c > 0n
    const norm = normalizeName(line.counterparty_name)
    const memo = line.memo ? line.memo.toUpperCase() : ''

    // 1. transfers between own accounts
    const other =
      ownAccounts.size && line.counterparty_account
        ? ownAccounts.get(compactAccount(line.counterparty_account))
        : undefined
    if (other && other.id !== line.bank_account_id) {
      const twin = (openLinesBy.get(`${other.id}|${-c}`) ?? []).find((l) => days(l.date, line.date) <= 3)
      out.push({
        kind: 'transfer',
        score: twin ? 95 : 80,
        account_id: other.account_id,
        other_bank_account_id: other.id,
        ...(twin ? { other_line_id: twin.id } : {}),
        reasons: [
          `对方账号是本公司账户「${other.name}」/ the counterparty account is our own account "${other.name}"`,
          ...(twin
            ? [`该账户有金额相反的流水 / the other account has the opposite line on ${twin.date}`]
            : []),
        ],
      })
    }

    // 2. open items: candidates by amount, by party name, by document number in the memo
    const candidates: Item[] = []
    const take = (it: Item) => {
      if (it.stamp === lineNo) return
      it.stamp = lineNo
      candidates.push(it)
    }
    for (const it of byCents.get(amountKey(c)) ?? []) take(it)
    const nameParties = new Map<string, number>()
    if (norm) {
      const exact = byNorm.get(norm)
      if (exact) nameParties.set(exact.id, 1)
      else {
        // parties sharing bigrams with the name; Dice only for those sharing enough of them
        const grams = new Set(bigrams(norm))
        const shared = new Map<Party, number>()
        const index = bigramIndex()
        for (const g of grams) {
          const list = index.get(g)
          if (!list || list.length > MAX_POSTINGS) continue
          for (const p of list) shared.set(p, (shared.get(p) ?? 0) + 1)
        }
        const need = grams.size > 1 ? 2 : 1
        for (const [p, n] of shared) {
          if (n < need) continue
          const s = dice(norm, p.norm)
          if (s >= 0.5) nameParties.set(p.id, s)
        }
      }
      for (const pid of nameParties.keys()) {
        for (const it of (parties.get(pid) as Party).items) take(it)
      }
    }
    const numbers: string[] = []
    numberPattern.lastIndex = 0
    for (let m = hasDigits.test(memo) ? numberPattern.exec(memo) : null; m; m = numberPattern.exec(memo)) {
      const it = byNumber.get(m[0])
      if (it) {
        numbers.push(it.oi.id)
        take(it)
      }
    }

    for (const { oi, cents: oc, docDay, dueDay } of candidates) {
      if (oc === 0n || oc > 0n !== inflow) continue
      const reasons: string[] = []
      let score = 0
      if (oc === c) {
        score += 50
        reasons.push(`金额一致 ${oi.outstanding} / amount matches exactly`)
      } else if ((inflow && c < oc) || (!inflow && c > oc)) {
        if (!nameParties.has(oi.party_id) && !numbers.includes(oi.id)) continue
        score += 20
        reasons.push(`部分核销 ${line.amount} / ${oi.outstanding} / partial settlement`)
      } else if (!numbers.includes(oi.id)) continue
      const sim = nameParties.get(oi.party_id) ?? (norm ? dice(norm, normalizeName(oi.party_name)) : 0)
      if (sim > 0) {
        score += Math.round(sim * 25)
        reasons.push(
          sim === 1
            ? `对方户名与「${oi.party_name}」一致 / counterparty is ${oi.party_name}`
            : `对方户名与「${oi.party_name}」相似 ${Math.round(sim * 100)}% / counterparty name ${Math.round(sim * 100)}% similar`,
        )
      }
      if (numbers.includes(oi.id)) {
        score += 20
        reasons.push(`摘要含单号 ${oi.number} / the memo names document ${oi.number}`)
      }
      const gap = Math.min(Math.abs(day - dueDay), Math.abs(day - docDay))
      if (gap <= 30) {
        score += gap <= 7 ? 5 : 2
        reasons.push(`日期接近 (${gap} 天) / date within ${gap} days`)
      }
      out.push({
        kind: inflow ? 'receipt' : 'payment',
        score: Math.min(score, 100),
        open_item_id: oi.id,
        party_id: oi.party_id,
        reasons,
      })
    }

    // 3. rules: the counterparty, else keywords in the memo
    const direction = inflow ? 'in' : 'out'
    for (const r of rulesByName.get(norm) ?? []) {
      if (r.direction !== 'any' && r.direction !== direction) continue
      if (r.kind === 'receipt' && !inflow) continue
      if (r.kind === 'payment' && inflow) continue
      out.push(
        ruleSuggestion(
          r,
          60 + Math.min(r.hits, 10) * 2,
          `规则: 对方户名 / rule: counterparty "${r.counterparty}" (${r.hits}×)`,
        ),
      )
    }
    for (const r of keywordRules) {
      if (r.direction !== 'any' && r.direction !== direction) continue
      if (!memo.includes((r.keyword as string).toUpperCase())) continue
      out.push(
        ruleSuggestion(
          r,
          55 + Math.min(r.hits, 10),
          `规则: 摘要含「${r.keyword}」/ rule: memo contains "${r.keyword}"`,
        ),
      )
    }

    out.sort((a, b) => b.score - a.score)
    return { line_id: line.id, suggestions: out.slice(0, TOP) }
  })
}

function ruleSuggestion(r: MatchRule, score: number, reason: string): Suggestion {
  return {
    kind: r.kind,
    score: Math.min(score, 100),
    rule_id: r.id,
    ...(r.party_id ? { party_id: r.party_id } : {}),
    ...(r.account_id ? { account_id: r.account_id } : {}),
    department_id: r.department_id,
    project_id: r.project_id,
    reasons: [reason],
  }
}
