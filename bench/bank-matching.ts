// Matching statement lines against open items (functions/_shared/bank/match.ts) at two sizes: 1,000
// lines × 1,000 items and 10,000 × 10,000. The scorer indexes items by amount, name bigrams and number,
// so ten times the data must cost at most 15 times the time (a pairwise scan would cost 100 times).
// Run: `npm run bench:bank-matching` (env ROUNDS, default 31). Exits 1 when time(10k) > 15 × time(1k).
//
// How it measures, on a shared 2-core machine whose load comes and goes:
// - The 1k baseline is ten DIFFERENT 1k worlds matched one after the other (the same amount of data as
//   the 10k world), timed together and divided by ten. Matching the same 1k world over and over would
//   find all of it in the CPU cache from the run before, which no request does, and the comparison
//   would then measure the cache size, not the algorithm.
// - Warm-up first (the JIT), then rounds; each round times the ten 1k worlds and the 10k world back to
//   back, the order alternating between rounds, so both see the same load.
// - Wall time (the time the limit is about) and CPU time of the process (process.cpuUsage: the time it
//   ran, which other processes taking the cores do not inflate, but which counts the garbage
//   collector's helper threads too) are recorded; the medians over the rounds are printed with their
//   ratios, and the limit is checked on the wall-time ratio.
import { type MatchInput, suggest } from '../functions/_shared/bank/match.ts'
import { median } from './setup.ts'

const surnames = ['上海', '北京', '深圳', '杭州', '南京', '成都', '武汉', '苏州', '广州', '天津']
const trades = ['贸易', '科技', '电子', '物流', '建材', '食品', '服装', '机械', '化工', '印刷']

/** n lines and n open items; offset makes worlds of the same size differ (names, amounts, numbers). */
function world(n: number, offset = 0): MatchInput {
  const open_items = []
  const lines = []
  for (let x = 0; x < n; x++) {
    const i = x + offset
    const party = `${surnames[i % 10]}${trades[Math.floor(i / 10) % 10]}${i}号有限公司`
    const cents = 10_000 + ((i * 7919) % 5_000_000)
    const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
    const receivable = i % 2 === 0
    open_items.push({
      id: `oi${i}`,
      party_id: `p${i}`,
      party_name: party,
      kind: receivable ? 'invoice' : 'bill',
      outstanding: receivable ? amount : `-${amount}`,
      doc_date: '2026-03-01',
      due_date: '2026-03-31',
      number: `SI-202603-${String(i).padStart(5, '0')}`,
    })
    // most lines pay an item (some with the number in the memo, some partially), a few are noise
    const j = (x * 31) % n
    const k = i % 10
    const target = open_items.length > j ? open_items[j] : null
    lines.push({
      id: `l${i}`,
      bank_account_id: 'b1',
      date: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`,
      amount: k === 9 ? '12.34' : (target?.outstanding ?? amount),
      counterparty_name: k === 8 ? '某某' : (target?.party_name ?? party),
      counterparty_account: null,
      memo: k < 3 && target ? `货款 ${target.number}` : '货款',
    })
  }
  return { lines, open_items, bank_accounts: [], rules: [] }
}

const rounds = Number(process.env.ROUNDS ?? 31)
const smalls = Array.from({ length: 10 }, (_, i) => world(1_000, i * 1_000))
const large = world(10_000)

const cpuMs = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
/** Wall and CPU milliseconds of matching the worlds, divided by `per`. */
function time(worlds: MatchInput[], per: number): [number, number] {
  const c0 = cpuMs()
  const t0 = performance.now()
  for (const w of worlds) suggest(w)
  return [(performance.now() - t0) / per, (cpuMs() - c0) / per]
}

for (let i = 0; i < 3; i++) {
  time(smalls, 10)
  time([large], 1)
}
const wall1: number[] = []
const cpu1: number[] = []
const wall10: number[] = []
const cpu10: number[] = []
for (let r = 0; r < rounds; r++) {
  let s: [number, number]
  let l: [number, number]
  if (r % 2) {
    l = time([large], 1)
    s = time(smalls, 10)
  } else {
    s = time(smalls, 10)
    l = time([large], 1)
  }
  wall1.push(s[0])
  cpu1.push(s[1])
  wall10.push(l[0])
  cpu10.push(l[1])
}
const out = suggest(large)
const withSuggestion = out.filter((l) => l.suggestions.length > 0).length
const w1 = median(wall1)
const w10 = median(wall10)
const c1 = median(cpu1)
const c10 = median(cpu10)
const f = (x: number) => x.toFixed(1).padStart(7)
console.log(`rounds: ${rounds} (after 3 warm-up rounds); medians`)
console.log(`                         wall ms   cpu ms`)
console.log(`1k lines × 1k items:    ${f(w1)}  ${f(c1)}   (10 different 1k worlds, per world)`)
console.log(`10k lines × 10k items:  ${f(w10)}  ${f(c10)}`)
console.log(`ratio 10k / 1k:         ${f(w10 / w1)}  ${f(c10 / c1)}   (limit ×15, checked on wall)`)
console.log(
  `fastest round: 1k ${Math.min(...wall1).toFixed(1)} ms, 10k ${Math.min(...wall10).toFixed(1)} ms wall`,
)
console.log(`lines with a suggestion at 10k: ${withSuggestion} of ${out.length}`)
if (w10 > 15 * w1) {
  console.log('FAIL: matching grows faster than allowed')
  process.exitCode = 1
}
