// The books' calendar: dates are days in Asia/Shanghai (the database dates documents the same way), so
// "today" must not be the browser's UTC date, which is yesterday's until 08:00 in China. And how every
// screen writes a date or a moment: the same in both languages, whatever the browser's own locale.
import dayjs from 'dayjs'

export const DATE_FORMAT = 'YYYY-MM-DD'
export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm'

/** A moment (timestamptz) as the screens show it, in the browser's time zone; '' for none. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format(DATE_TIME_FORMAT) : ''
}

/** A moment's day, as the screens show it; '' for none. */
export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format(DATE_FORMAT) : ''
}

/** Today in Shanghai, yyyy-mm-dd. */
export function shanghaiToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
}
