// Matching statement lines against open items (functions/_shared/bank/match.ts) at two sizes: 1,000
// lines × 1,000 items and 10,000 × 10,000. The scorer indexes items by amount, name bigrams and number,
// so ten times the data must cost at most 15 times the time (a pairwise scan would cost 100 times).
// Run: `npm run bench:bank-matching`. Best of alternating runs; exits 1 when time(10k) > 15 × time(1k).
import { type MatchInput, suggest } from '../functions/_shared/bank/match.ts'

const surnames = ['上海', '北京', '深圳', '杭州', '南京', '成都', '武汉', '苏州', '广州', '天津']
const trades = ['贸易', '科技', '电子', '物流', '建材', '食品', '服装', '机械', '化工', '印刷']

function world(n: number): MatchInput {
  const open_items = []
  const lines = []
  for (let i = 0; i < n; i++) {
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
    const j = (i * 31) % n
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

function once(input: MatchInput): number {
  const t0 = performance.now()
  suggest(input)
  return performance.now() - t0
}

// The two sizes in alternating runs (the machine is shared and its load changes), best run of each.
const small = world(1_000)
const large = world(10_000)
for (let i = 0; i < 5; i++) once(small) // warm-up
once(large)
let t1 = Number.POSITIVE_INFINITY
let t10 = Number.POSITIVE_INFINITY
for (let r = 0; r < 9; r++) {
  for (let i = 0; i < 3; i++) t1 = Math.min(t1, once(small))
  t10 = Math.min(t10, once(large))
}
const out = suggest(large)
const withSuggestion = out.filter((l) => l.suggestions.length > 0).length
console.log(`1k lines × 1k items:   ${t1.toFixed(1)} ms`)
console.log(`10k lines × 10k items: ${t10.toFixed(1)} ms  (×${(t10 / t1).toFixed(1)}, limit ×15)`)
console.log(`lines with a suggestion at 10k: ${withSuggestion} of ${out.length}`)
if (t10 > 15 * t1) {
  console.log('FAIL: matching grows faster than allowed')
  process.exitCode = 1
}
