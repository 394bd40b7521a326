// Guesses the statement format from the first bytes. Markers are all ASCII, so a Latin-1 view works
// for every encoding except UTF-16, which is sniffed separately.

import { looksBinary, sniffText } from './text.ts'
import type { StatementFormat } from './types.ts'

export type Detected = StatementFormat | 'xls' | 'binary' | 'empty'

export function detectFormat(bytes: Uint8Array): Detected {
  if (bytes.length === 0) return 'empty'
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx'
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls'
  let head = sniffText(bytes)
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[1] === 0 && bytes[0] !== 0)) {
    head = new TextDecoder('utf-16le').decode(bytes.subarray(0, 8192))
  } else if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0 && bytes[1] !== 0)) {
    head = new TextDecoder('utf-16be').decode(bytes.subarray(0, 8192))
  } else if (looksBinary(bytes)) {
    return 'binary'
  }
  head = head.replace(/^\uFEFF|^\u00ef\u00bb\u00bf/, '')
  const trimmed = head.trimStart()
  if (!trimmed) return 'empty'
  if (/OFXHEADER\s*:|<OFX>|<\?OFX\s/i.test(head)) return 'ofx'
  if (/<(\w+:)?(Document|BkToCstmrStmt|BkToCstmrAcctRpt|BkToCstmrDbtCdtNtfctn)\b/.test(head)) return 'camt'
  if (trimmed.startsWith('<')) return 'camt'
  if (/^\{1:/.test(trimmed) || /^:(20|25|28C|60F|60M|61|86|62F):/m.test(head)) return 'mt940'
  return 'csv'
}
