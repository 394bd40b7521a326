// The books' calendar: dates are days in Asia/Shanghai (the database dates documents the same way), so
// "today" must not be the browser's UTC date, which is yesterday's until 08:00 in China.

/** Today in Shanghai, yyyy-mm-dd. */
export function shanghaiToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
}
