// The admin's antd theme. One definition for the app (App.tsx) and for the build step that renders
// every antd component's styles into a static CSS file (admin/build/antd-styles.ts): both must compute
// the same design token, or the file's styles would not be recognised and would be generated again.
import type { ThemeConfig } from 'antd'

// Refine's "Blue" theme.
export const THEME: ThemeConfig = { token: { colorPrimary: '#1677FF' } }
