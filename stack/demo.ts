/** The password of every demo login that seeds/ creates (tests/demo-seed.test.ts checks they agree). */
export const demoPassword = 'troika-demo-2026'
