// Decimal strings (numeric columns are read as text) formatted with string operations only: money never
// passes through a JS float. Pure.

const DECIMAL = /^(-)?(\d*)(?:\.(\d*))?$/

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** Adds one to a string of digits ("0999" → "1000"). */
function increment(digits: string): string {
  const out = [...digits]
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1)
      return out.join('')
    }
    out[i] = '0'
  }
  return `1${out.join('')}`
}

/** "1234.565" → "1,234.57" (half away from zero); anything else is returned as it is. */
export function formatMoney(value: string | null | undefined, scale = 2): string {
  if (value === null || value === undefined || value === '') return ''
  const m = DECIMAL.exec(value.trim())
  if (!m) return value
  const [, sign = '', int = '', frac = ''] = m
  const padded = frac.padEnd(scale + 1, '0')
  let units = `${int || '0'}${padded.slice(0, scale)}`
  if (Number(padded[scale]) >= 5) units = increment(units)
  units = units.padStart(scale + 1, '0')
  const whole = units.slice(0, units.length - scale).replace(/^0+(?=\d)/, '')
  const cents = units.slice(units.length - scale)
  const zero = /^0*$/.test(whole + cents)
  return `${zero ? '' : sign}${groupThousands(whole)}${scale > 0 ? `.${cents}` : ''}`
}

/** "12.5000" → "12.5": a quantity or rate without its trailing zeros. */
export function trimDecimal(value: string | null | undefined): string {
  if (value === null || value === undefined) return ''
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value
}

export const isDecimalString = (value: string) => DECIMAL.test(value.trim()) && /\d/.test(value)
