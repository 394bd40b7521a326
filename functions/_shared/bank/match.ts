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

/**
 * One pass over the name: 1 = a character outside ASCII lower-case letters, digits and CJK ideographs
 * (punctuation, spaces, symbols, anything else), 2 = an ASCII upper-case letter, 3 = both.
 */
function scan(s: string): number {
  let flags = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x4e00 && c <= 0x9fff)) continue
    flags |= c >= 0x41 && c <= 0x5a ? 2 : 1
    if (flags === 3) break
  }
  return flags
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
/** Last characters of the suffixes: a name ending otherwise has none (skips the endsWith loop). */
const SUFFIX_ENDS = new Set(SUFFIXES.map((x) => x.charCodeAt(x.length - 1)))

/** Same normalisation as public.normalize_counterparty in SQL (suffixes stripped by endsWith, no regex). */
export function normalizeName(name: string | null | undefined): string {
  if (!name) return ''
  let s = name
  const flags = scan(s)
  // anything but ASCII letters may change case (Latin-1, Greek…): lower-case unless it is plain CJK/ASCII
  if (flags !== 0) {
    s = s.toLowerCase()
    if (flags & 1) s = s.replace(PUNCT, '')
  }
  for (let again = true; again; ) {
    again = false
    if (s.length === 0 || !SUFFIX_ENDS.has(s.charCodeAt(s.length - 1))) break
    for (const x of SUFFIXES) {
      if (s.endsWith(x)) {
        s = s.slice(0, s.length - x.length)
        again = true
        break
      }
    }
  }
  return s
}

/** True when the string has a surrogate pair (a character outside the BMP): bigrams then go by code point. */
function hasSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdfff) return true
  }
  return false
}

export function bigrams(s: string): string[] {
  if (hasSurrogate(s)) {
    const chars = [...s]
    if (chars.length < 2) return chars.length ? [chars[0]] : []
    const out: string[] = []
    for (let i = 0; i < chars.length - 1; i++) out.push(chars[i] + chars[i + 1])
    return out
  }
  if (s.length < 2) return s.length ? [s] : []
  const out: string[] = new Array(s.length - 1)
  for (let i = 0; i < s.length - 1; i++) out[i] = s.slice(i, i + 2)
  return out
}

/**
 * The bigrams of a name as Map keys, in the order of bigrams(): a pair of ASCII or CJK characters as one
 * small integer (no string per bigram: the index of 10,000 names would make 80,000 of them), any other
 * bigram as its text. One key per bigram and one bigram per key, so counting keys counts bigrams.
 */
type GramKey = number | string
const CJK = 0x4e00
const SPAN = 128 + 0x9fff - CJK + 1
/** ASCII → itself, CJK ideograph → 128 + offset, else −1 (the pair then keys by its text). */
const compact = (c: number) => (c < 128 ? c : c >= CJK && c <= 0x9fff ? 128 + c - CJK : -1)

function gramKeys(s: string, out: GramKey[]): GramKey[] {
  out.length = 0
  if (s.length < 2 || hasSurrogate(s)) {
    for (const g of bigrams(s)) out.push(g)
    return out
  }
  let a = compact(s.charCodeAt(0))
  for (let i = 0; i < s.length - 1; i++) {
    const b = compact(s.charCodeAt(i + 1))
    out.push(a >= 0 && b >= 0 ? a * SPAN + b : s.slice(i, i + 2))
    a = b
  }
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

/**
 * Cents as a number while that is exact (|x| ≤ 2^53 − 1), as a bigint beyond: one canonical form per
 * value, so === is exact equality, and < > between a number and a bigint compare exactly (ECMAScript
 * compares the mathematical values). Same result as cents(), without a RegExp or a BigInt per call.
 */
type Amount = number | bigint
function amountOf(amount: string): Amount {
  const s = amount.trim()
  let i = 0
  let neg = false
  if (s.charCodeAt(0) === 0x2d || s.charCodeAt(0) === 0x2b) {
    neg = s.charCodeAt(0) === 0x2d
    i = 1
  }
  let v = 0
  let digits = 0
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i) - 0x30
    if (c < 0 || c > 9) break
    v = v * 10 + c
    if (v > 0) digits++
  }
  let frac = 0
  if (i < s.length) {
    if (s.charCodeAt(i) !== 0x2e) return 0
    i++
    let k = 0
    for (; i < s.length; i++, k++) {
      const c = s.charCodeAt(i) - 0x30
      if (c < 0 || c > 9) return 0
      if (k < 2) frac = frac * 10 + c
    }
    if (k === 1) frac *= 10
  }
  if (digits > 13) {
    // too many digits for a double to hold the cents exactly
    const b = cents(amount)
    return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b
  }
  const units = v * 100 + frac
  return neg ? -units : units
}

/** Day number of an ISO date (yyyy-mm-dd…) from its digits, like Date.UTC(y, m − 1, d) / day; NaN if not digits. */
function dayNo(iso: string): number {
  const d = (i: number) => iso.charCodeAt(i) - 0x30
  for (const i of DATE_DIGITS) {
    const c = d(i)
    if (!(c >= 0 && c <= 9)) return Number.NaN
  }
  let y = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3)
  const m = d(5) * 10 + d(6)
  const day = d(8) * 10 + d(9)
  if (m < 1 || m > 12) {
    return Math.round(Date.UTC(y, m - 1, day) / 86_400_000)
  }
  // days from 1970-01-01 (proleptic Gregorian), day overflow carried on like Date.UTC
  if (m <= 2) y -= 1
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (m + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}
const DATE_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9]
const days = (a: string, b: string) => Math.abs(dayNo(a) - dayNo(b))
const compactAccount = (s: string | null | undefined) => (s ?? '').replace(/[\s-]/g, '').toUpperCase()

/** The date reason for each gap of 0–30 days, made once (the same text on thousands of suggestions). */
const DATE_REASONS = Array.from({ length: 31 }, (_, gap) => `日期接近 (${gap} 天) / date within ${gap} days`)

/** A bigram shared by more parties than this says nothing about which one is meant. */
const MAX_POSTINGS = 30
/** Suggestions kept per line. */
const TOP = 5

/**
 * Upper-case of a memo, skipping the copy when nothing would change (ASCII upper case, digits,
 * punctuation and CJK ideographs have no lower case).
 */
function upper(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (
      (c >= 0x61 && c <= 0x7a) ||
      (c > 0x7f && !(c >= 0x3000 && c <= 0x9fff) && !(c >= 0xff01 && c <= 0xff20))
    )
      return s.toUpperCase()
  }
  return s
}

export function suggest(input: MatchInput): LineSuggestions[] {
  // ── indexes, built once ──
  // Open items and parties are numbered; the indexes hold those numbers, and items with the same
  // amount (or of the same party) are chained through arrays of next numbers. Few objects, so little
  // for the garbage collector to copy, and a compact working set when there are many items.
  const items = input.open_items
  const n = items.length
  // per-item numbers in typed arrays: outside the JS heap, so the garbage collector never copies them
  const amounts: Amount[] = new Array(n)
  const docDays = new Float64Array(n)
  const dueDays = new Float64Array(n)
  const itemParty = new Int32Array(n)
  const partyIndex = new Map<string, number>()
  const partyNames: string[] = []
  const partyNorms: string[] = []
  // document numbers: only those some memo names are indexed. The memos are read first for the tokens
  // that look like numbers; an item's number is then looked up among them (a small map), instead of
  // every item's number going into a map as large as the open items.
  const numberPattern = /[A-Z]{1,6}[-_]?\d{4,}(?:[-_]\d+)*/g
  const hasDigits = /\d{4}/
  const byNumber = new Map<string, number>()
  for (const l of input.lines) {
    const memo = l.memo ? upper(l.memo) : ''
    if (memo.length < 4 || !hasDigits.test(memo)) continue
    numberPattern.lastIndex = 0
    for (let m = numberPattern.exec(memo); m; m = numberPattern.exec(memo)) byNumber.set(m[0], -1)
  }
  // items share few distinct dates: their day numbers once per date
  const dayOf = new Map<string, number>()
  const itemDay = (iso: string): number => {
    let d = dayOf.get(iso)
    if (d === undefined) {
      d = dayNo(iso)
      dayOf.set(iso, d)
    }
    return d
  }
  for (let k = 0; k < n; k++) {
    const oi = items[k]
    amounts[k] = amountOf(oi.outstanding)
    docDays[k] = itemDay(oi.doc_date)
    dueDays[k] = itemDay(oi.due_date)
    let p = partyIndex.get(oi.party_id)
    if (p === undefined) {
      p = partyNames.length
      partyIndex.set(oi.party_id, p)
      partyNames.push(oi.party_name)
      partyNorms.push(normalizeName(oi.party_name))
    }
    itemParty[k] = p
    if (byNumber.size && oi.number && oi.number.length >= 4) {
      // the last item with a number wins, as when every number was indexed
      const u = upper(oi.number)
      if (byNumber.has(u)) byNumber.set(u, k)
    }
  }
  const parties = partyNames.length
  // chains in input order: built backwards, each item put in front of the later ones
  const byAmount = new Map<Amount, number>()
  const nextSameAmount = new Int32Array(n)
  const partyFirst = new Int32Array(parties).fill(-1)
  const nextOfParty = new Int32Array(n)
  for (let k = n - 1; k >= 0; k--) {
    nextSameAmount[k] = byAmount.get(amounts[k]) ?? -1
    byAmount.set(amounts[k], k)
    const p = itemParty[k]
    nextOfParty[k] = partyFirst[p]
    partyFirst[p] = k
  }
  const byNorm = new Map<string, number>()
  for (let p = 0; p < parties; p++) if (partyNorms[p]) byNorm.set(partyNorms[p], p)
  // bigram postings (party numbers), built the first time a counterparty is not found by its exact name
  let byBigram: Map<GramKey, number[]> | null = null
  const keys: GramKey[] = []
  const bigramIndex = (): Map<GramKey, number[]> => {
    if (byBigram) return byBigram
    byBigram = new Map()
    for (let p = 0; p < parties; p++) {
      if (!partyNorms[p]) continue
      for (const g of gramKeys(partyNorms[p], keys)) {
        const list = byBigram.get(g)
        if (!list) byBigram.set(g, [p])
        // a party once per bigram (parties come in order: a repeat is the last one); a list past
        // MAX_POSTINGS is never read, so it stops growing there
        else if (list[list.length - 1] !== p && list.length <= MAX_POSTINGS) list.push(p)
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
  // own-account transfers: the other side's open line, by account and amount (built on first use)
  let openLinesBy: Map<string, Map<Amount, MatchLine[]>> | null = null
  const twinsOf = (account: string, amount: Amount): MatchLine[] => {
    if (!openLinesBy) {
      openLinesBy = new Map()
      for (const src of [input.lines, input.other_lines ?? []]) {
        for (const l of src) {
          let byAcc = openLinesBy.get(l.bank_account_id)
          if (!byAcc) {
            byAcc = new Map()
            openLinesBy.set(l.bank_account_id, byAcc)
          }
          const a = amountOf(l.amount)
          const list = byAcc.get(a)
          if (list) list.push(l)
          else byAcc.set(a, [l])
        }
      }
    }
    return openLinesBy.get(account)?.get(amount) ?? []
  }
  // per-line state without per-line allocation: stamps say "taken by line i" (candidates, named
  // parties, parties sharing bigrams), and the scratch lists are emptied, not replaced
  const itemStamp = new Int32Array(n).fill(-1)
  const partyStamp = new Int32Array(parties).fill(-1)
  const partySim = new Float64Array(parties)
  const sharedStamp = new Int32Array(parties).fill(-1)
  const sharedCount = new Int32Array(parties)
  const candidates: number[] = []
  const named: number[] = []
  const sharing: number[] = []
  const numbers: string[] = []
  const result: LineSuggestions[] = new Array(input.lines.length)
  const found: Suggestion[] = []
  const reasons: string[] = []

  for (let lineNo = 0; lineNo < input.lines.length; lineNo++) {
    const line = input.lines[lineNo]
    // suggestions gather in a scratch list; the line keeps an exact-size copy of the best TOP. The
    // scratch lists are filled through counters (no per-line array, and no length resets)
    let nOut = 0
    const day = dayNo(line.date)
    const c = amountOf(line.amount)
    const inflow = c > 0
    const norm = normalizeName(line.counterparty_name)
    const memo = line.memo ? upper(line.memo) : ''

    // 1. transfers between own accounts
    const other =
      ownAccounts.size && line.counterparty_account
        ? ownAccounts.get(compactAccount(line.counterparty_account))
        : undefined
    if (other && other.id !== line.bank_account_id) {
      const twin = twinsOf(other.id, -c).find((l) => days(l.date, line.date) <= 3)
      found[nOut++] = {
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
      }
    }

    // 2. open items: candidates by amount, by party name, by document number in the memo
    let nc = 0
    let nn = 0
    let nnum = 0
    for (let k = byAmount.get(c) ?? -1; k >= 0; k = nextSameAmount[k]) {
      if (itemStamp[k] === lineNo) continue
      itemStamp[k] = lineNo
      candidates[nc++] = k
    }
    if (norm) {
      const exact = byNorm.get(norm)
      if (exact !== undefined) {
        partyStamp[exact] = lineNo
        partySim[exact] = 1
        named[nn++] = exact
      } else {
        // parties sharing bigrams with the name; Dice only for those sharing enough of them
        const grams = new Set(gramKeys(norm, keys))
        let nsh = 0
        const index = bigramIndex()
        for (const g of grams) {
          const list = index.get(g)
          if (!list || list.length > MAX_POSTINGS) continue
          for (const p of list) {
            if (sharedStamp[p] !== lineNo) {
              sharedStamp[p] = lineNo
              sharedCount[p] = 0
              sharing[nsh++] = p
            }
            sharedCount[p]++
          }
        }
        const need = grams.size > 1 ? 2 : 1
        for (let si = 0; si < nsh; si++) {
          const p = sharing[si]
          if (sharedCount[p] < need) continue
          const s = dice(norm, partyNorms[p])
          if (s >= 0.5) {
            partyStamp[p] = lineNo
            partySim[p] = s
            named[nn++] = p
          }
        }
      }
      for (let ni = 0; ni < nn; ni++) {
        const p = named[ni]
        for (let k = partyFirst[p]; k >= 0; k = nextOfParty[k]) {
          if (itemStamp[k] === lineNo) continue
          itemStamp[k] = lineNo
          candidates[nc++] = k
        }
      }
    }
    if (memo.length >= 4 && hasDigits.test(memo)) {
      numberPattern.lastIndex = 0
      for (let m = numberPattern.exec(memo); m; m = numberPattern.exec(memo)) {
        const k = byNumber.get(m[0])
        if (k !== undefined && k >= 0) {
          numbers[nnum++] = items[k].id
          if (itemStamp[k] !== lineNo) {
            itemStamp[k] = lineNo
            candidates[nc++] = k
          }
        }
      }
    }

    for (let ci = 0; ci < nc; ci++) {
      const k = candidates[ci]
      const oc = amounts[k]
      if (oc === 0 || oc > 0 !== inflow) continue
      const oi = items[k]
      const p = itemParty[k]
      let nr = 0
      const isNamed = nn > 0 && partyStamp[p] === lineNo
      const inMemo = nnum > 0 && includes(numbers, nnum, oi.id)
      let score = 0
      if (oc === c) {
        score += 50
        reasons[nr++] = `金额一致 ${oi.outstanding} / amount matches exactly`
      } else if ((inflow && c < oc) || (!inflow && c > oc)) {
        if (!isNamed && !inMemo) continue
        score += 20
        reasons[nr++] = `部分核销 ${line.amount} / ${oi.outstanding} / partial settlement`
      } else if (!inMemo) continue
      const sim = isNamed
        ? partySim[p]
        : norm
          ? dice(norm, oi.party_name === partyNames[p] ? partyNorms[p] : normalizeName(oi.party_name))
          : 0
      if (sim > 0) {
        score += Math.round(sim * 25)
        reasons[nr++] =
          sim === 1
            ? `对方户名与「${oi.party_name}」一致 / counterparty is ${oi.party_name}`
            : `对方户名与「${oi.party_name}」相似 ${Math.round(sim * 100)}% / counterparty name ${Math.round(sim * 100)}% similar`
      }
      if (inMemo) {
        score += 20
        reasons[nr++] = `摘要含单号 ${oi.number} / the memo names document ${oi.number}`
      }
      const gap = Math.min(Math.abs(day - dueDays[k]), Math.abs(day - docDays[k]))
      if (gap <= 30) {
        score += gap <= 7 ? 5 : 2
        reasons[nr++] = DATE_REASONS[gap] ?? `日期接近 (${gap} 天) / date within ${gap} days`
      }
      found[nOut++] = {
        kind: inflow ? 'receipt' : 'payment',
        score: Math.min(score, 100),
        open_item_id: oi.id,
        party_id: oi.party_id,
        // an exact-size copy (a growing array would keep spare room on every suggestion)
        reasons: reasons.slice(0, nr),
      }
    }

    // 3. rules: the counterparty, else keywords in the memo
    const direction = inflow ? 'in' : 'out'
    const byName = rulesByName.size ? rulesByName.get(norm) : undefined
    if (byName) {
      for (const r of byName) {
        if (r.direction !== 'any' && r.direction !== direction) continue
        if (r.kind === 'receipt' && !inflow) continue
        if (r.kind === 'payment' && inflow) continue
        found[nOut++] = ruleSuggestion(
          r,
          60 + Math.min(r.hits, 10) * 2,
          `规则: 对方户名 / rule: counterparty "${r.counterparty}" (${r.hits}×)`,
        )
      }
    }
    for (const r of keywordRules) {
      if (r.direction !== 'any' && r.direction !== direction) continue
      if (!memo.includes((r.keyword as string).toUpperCase())) continue
      found[nOut++] = ruleSuggestion(
        r,
        55 + Math.min(r.hits, 10),
        `规则: 摘要含「${r.keyword}」/ rule: memo contains "${r.keyword}"`,
      )
    }

    // the best TOP in score order (stable: equal scores keep the order they were found in)
    let best: Suggestion[] = []
    if (nOut > 0) {
      best = found.slice(0, nOut)
      if (nOut > 1) best.sort((a, b) => b.score - a.score)
      if (nOut > TOP) best.length = TOP
    }
    result[lineNo] = { line_id: line.id, suggestions: best }
  }
  return result
}

/** Is s among the first n of list? */
function includes(list: string[], n: number, s: string): boolean {
  for (let i = 0; i < n; i++) if (list[i] === s) return true
  return false
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
