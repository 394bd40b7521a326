// Sider title: logo + "Troika" (text hidden when the sider is collapsed).
import { ThemedTitle } from '@refinedev/antd'
import type { TitleProps } from '@refinedev/core'
import { Logo } from './Logo.tsx'

export function AppTitle({ collapsed }: TitleProps) {
  return <ThemedTitle collapsed={collapsed} text="Troika" icon={<Logo />} />
}
