// Parsing speed of our bank parsers (functions/_shared/bank) against the npm parsers mt940-js and ofx-js
// on the same files, in one run: the public MT940 and OFX samples (each parser's rejects counted), and
// large synthetic statements (5,000 transactions) where the timings mean something. Ours do more per
// file (encoding detection, balance check, de-duplication keys), and must still be at least as fast.
// Run: `npm run bench:bank-parsers` (env ROUNDS, default 200 for the samples; BATCHES, default 20).
// Both sides run in alternating batches after a warm-up; the medians are printed, and ×r is the median
// of the per-batch ratios theirs / ours (r ≥ 1: ours at least as fast). Exits 1 if r < 1 on a set.
// The files only one side reads are listed with the other side's reason (balance checks that fail in
// the public samples are refused on purpose: issue 7 makes opening + lines ≠ closing an error).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { read as readMt940 } from 'mt940-js'
import { parseSync as parseOfx } from 'ofx-js'
import { parseStatement } from '../functions/_shared/bank/index.ts'
import { median } from './setup.ts'

const root = resolve(import.meta.dirname, '../../shared/fixtures/bank')
const ownFixtures = resolve(import.meta.dirname, '../tests/fixtures/bank')
const rounds = Number(process.env.ROUNDS ?? 200)
const batches = Number(process.env.BATCHES ?? 20)

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? walk(p) : [p]
  })
}

type Theirs = (bytes: Uint8Array) => Promise<unknown>
const theirs: Record<'mt940' | 'ofx', Theirs> = {
  mt940: (b) => readMt940(Buffer.from(b)),
  ofx: async (b) => {
    const r = parseOfx(new TextDecoder('latin1').decode(b))
    if (!r?.OFX) throw new Error('no OFX element')
    return r
  },
}

/** null when the parser read the file, else why not (our first error, or their exception). */
async function refusal(f: () => Promise<unknown>): Promise<string | null> {
  try {
    const r = await f()
    if (r && typeof r === 'object' && 'ok' in r && r.ok === false && 'errors' in r) {
      const e = (r.errors as { field: string; message: string }[])[0]
      return `${e.field}: ${e.message}`.slice(0, 110)
    }
    return null
  } catch (e) {
    return (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 110)
  }
}

async function batch(
  files: Uint8Array[],
  f: (b: Uint8Array) => Promise<unknown>,
  n: number,
): Promise<number> {
  const t0 = performance.now()
  for (let i = 0; i < n; i++) for (const b of files) await f(b).catch(() => {})
  return performance.now() - t0
}

/**
 * Both parsers in alternating batches (the machine is shared: load comes and goes), which one goes
 * first alternating too. Returns the median batch of each, scaled to n rounds, and the median of the
 * per-batch ratios theirs / ours (neighbouring batches see about the same load, so their ratio is
 * steadier than either time).
 */
async function race(
  files: Uint8Array[],
  a: (b: Uint8Array) => Promise<unknown>,
  b: (b: Uint8Array) => Promise<unknown>,
  n: number,
): Promise<{ ours: number; theirs: number; ratio: number }> {
  const per = Math.max(1, Math.round(n / batches))
  for (let i = 0; i < 2; i++) {
    await batch(files, a, per) // warm-up (the JIT)
    await batch(files, b, per)
  }
  const as: number[] = []
  const bs: number[] = []
  const ratios: number[] = []
  for (let i = 0; i < batches; i++) {
    let ta: number
    let tb: number
    if (i % 2) {
      tb = await batch(files, b, per)
      ta = await batch(files, a, per)
    } else {
      ta = await batch(files, a, per)
      tb = await batch(files, b, per)
    }
    as.push(ta)
    bs.push(tb)
    ratios.push(tb / ta)
  }
  const scale = n / per
  return { ours: median(as) * scale, theirs: median(bs) * scale, ratio: median(ratios) }
}

function syntheticMt940(n: number): Uint8Array {
  const lines = [':20:BENCH', ':25:DE00123456780000001234', ':28C:00001/001', ':60F:C260101EUR1000,00']
  let cents = 100000
  for (let i = 0; i < n; i++) {
    const amount = 100 + (i % 997)
    const credit = i % 3 !== 0
    cents += credit ? amount : -amount
    const day = String(1 + (i % 28)).padStart(2, '0')
    lines.push(
      `:61:2601${day}01${day}${credit ? 'C' : 'D'}${Math.floor(amount / 100)},${String(amount % 100).padStart(2, '0')}NTRFREF${i}//BANK${i}`,
      `:86:/NAME/Kunde ${i} GmbH/IBAN/DE0012345678${String(i).padStart(10, '0')}/REMI/Rechnung ${i}/`,
    )
  }
  const sign = cents >= 0 ? 'C' : 'D'
  const abs = Math.abs(cents)
  lines.push(`:62F:${sign}260131EUR${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`)
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`)
}

function syntheticOfx(n: number): Uint8Array {
  const tx: string[] = []
  for (let i = 0; i < n; i++) {
    const amount = ((i % 3 === 0 ? -1 : 1) * (100 + (i % 997))) / 100
    tx.push(
      `<STMTTRN><TRNTYPE>${amount < 0 ? 'DEBIT' : 'CREDIT'}</TRNTYPE><DTPOSTED>202601${String(1 + (i % 28)).padStart(2, '0')}120000</DTPOSTED><TRNAMT>${amount.toFixed(2)}</TRNAMT><FITID>F${i}</FITID><NAME>Payee ${i}</NAME><MEMO>Invoice ${i}</MEMO></STMTTRN>`,
    )
  }
  const body = `OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\nENCODING:USASCII\r\nCHARSET:1252\r\nCOMPRESSION:NONE\r\nOLDFILEUID:NONE\r\nNEWFILEUID:NONE\r\n\r\n<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS><DTSERVER>20260131</DTSERVER><LANGUAGE>ENG</LANGUAGE></SONRS></SIGNONMSGSRSV1><BANKMSGSRSV1><STMTTRNRS><TRNUID>1</TRNUID><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS><STMTRS><CURDEF>USD</CURDEF><BANKACCTFROM><BANKID>1</BANKID><ACCTID>12345</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM><BANKTRANLIST><DTSTART>20260101</DTSTART><DTEND>20260131</DTEND>${tx.join('')}</BANKTRANLIST><LEDGERBAL><BALAMT>0</BALAMT><DTASOF>20260131</DTASOF></LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`
  return new TextEncoder().encode(body)
}

let slower = false
const rows: string[] = []
for (const kind of ['mt940', 'ofx'] as const) {
  const pattern = kind === 'mt940' ? /\.(sta|txt|940|mt940)$/i : /\.(ofx|qfx)$/i
  // the public samples, then our own quirk fixtures (tests/fixtures/bank)
  const files = [
    ...walk(join(root, kind)).map((f) => ({ name: relative(root, f), path: f })),
    ...walk(ownFixtures).map((f) => ({ name: `troika/${relative(ownFixtures, f)}`, path: f })),
  ]
    .filter((f) => pattern.test(f.path))
    .map((f) => ({ name: f.name, bytes: new Uint8Array(readFileSync(f.path)) }))
  const oursOk: string[] = []
  const theirsOk: string[] = []
  const both: Uint8Array[] = []
  const onlyOurs: string[] = []
  const onlyTheirs: string[] = []
  for (const f of files) {
    const a = await refusal(() => parseStatement(f.bytes))
    const b = await refusal(() => theirs[kind](f.bytes))
    if (a === null) oursOk.push(f.name)
    if (b === null) theirsOk.push(f.name)
    if (a === null && b === null) both.push(f.bytes)
    if (a === null && b !== null) onlyOurs.push(`${f.name}  (theirs: ${b})`)
    if (a !== null && b === null) onlyTheirs.push(`${f.name}  (ours refuses: ${a})`)
  }
  const big = kind === 'mt940' ? syntheticMt940(5000) : syntheticOfx(5000)
  const bigOurs = await parseStatement(big)
  if (!bigOurs.ok)
    throw new Error(`our ${kind} parser refused the synthetic file: ${JSON.stringify(bigOurs.errors)}`)
  for (const [label, set, n] of [
    [`${both.length} samples both parse × ${rounds}`, both, rounds],
    ['synthetic 5,000 transactions × 25', [big], 25],
  ] as const) {
    const r = await race([...set], (b) => parseStatement(b), theirs[kind], n)
    if (r.ratio < 1) slower = true
    rows.push(
      `${kind.padEnd(6)} ${label.padEnd(40)} ours ${r.ours.toFixed(1).padStart(8)} ms   ${kind === 'mt940' ? 'mt940-js' : 'ofx-js  '} ${r.theirs.toFixed(1).padStart(8)} ms   ×${r.ratio.toFixed(2)}`,
    )
  }
  rows.push(
    `${kind.padEnd(6)} files: ${files.length}; ours parse ${oursOk.length}, ${kind === 'mt940' ? 'mt940-js' : 'ofx-js'} ${theirsOk.length}`,
    `       read only by ours:${onlyOurs.map((n) => `\n         ${n}`).join('') || ' —'}`,
    `       read only by theirs:${onlyTheirs.map((n) => `\n         ${n}`).join('') || ' —'}`,
  )
}
console.log(rows.join('\n'))
if (slower) {
  console.log('FAIL: our parser was slower on a set')
  process.exitCode = 1
}
