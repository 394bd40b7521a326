// How the admin writes dates and moments: one format in both languages, not the browser's locale.
import { describe, expect, test } from 'vitest'
import { formatDate, formatDateTime, shanghaiToday } from '../../admin/src/lib/dates.ts'

describe('dates on screen', () => {
  test('a moment as year-month-day hours:minutes, its day as year-month-day', () => {
    expect(formatDateTime('2026-11-29T05:23:33.123+00:00')).toMatch(/^2026-11-(29|28|30) \d{2}:23$/)
    expect(formatDate('2026-11-29T12:00:00Z')).toBe('2026-11-29')
  })

  test('nothing for no value', () => {
    expect(formatDateTime(null)).toBe('')
    expect(formatDate(undefined)).toBe('')
  })

  test('today in Shanghai as year-month-day', () => {
    expect(shanghaiToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })
})
