// Prints the CSS of every antd component under the admin's theme, with the map that tells antd's
// runtime which styles the file already holds (run by admin/build/antd-styles.ts).
// NODE_ENV must be "production" before antd's style engine loads: it names the style hashes after it,
// and the browser build is a production build.
import { extractStyle } from '@ant-design/static-style-extract'
import { ConfigProvider } from 'antd'
import { createElement, type ReactElement } from 'react'
import { THEME } from '../src/theme.ts'

if (process.env.NODE_ENV !== 'production') throw new Error('run with NODE_ENV=production')
const css = extractStyle((node: ReactElement) => createElement(ConfigProvider, { theme: THEME }, node))
process.stdout.write(css)
