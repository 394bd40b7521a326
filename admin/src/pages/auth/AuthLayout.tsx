// Frame of the sign-in, sign-up and onboarding pages: centred card with the logo, language switch in the corner.
import { Card, Flex, Layout, Typography, theme } from 'antd'
import type { ReactNode } from 'react'
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx'
import { Logo } from '../../components/Logo.tsx'

type AuthLayoutProps = {
  title: string
  children: ReactNode
  maxWidth?: number
  intro?: ReactNode
  /** When signed in, the language choice is also saved to the profile. */
  userId?: string
}

export function AuthLayout({ title, children, maxWidth = 400, intro, userId }: AuthLayoutProps) {
  const { token } = theme.useToken()
  return (
    <Layout style={{ minHeight: '100vh', background: token.colorBgLayout }}>
      <Flex justify="flex-end" style={{ padding: 16 }}>
        <LanguageSwitch userId={userId} />
      </Flex>
      <Flex vertical align="center" style={{ padding: '6vh 16px' }}>
        <Flex align="center" gap={8} style={{ color: token.colorPrimary, marginBottom: 24 }}>
          <Logo size={32} />
          <Typography.Title level={2} style={{ margin: 0 }}>
            Troika
          </Typography.Title>
        </Flex>
        <Card style={{ width: '100%', maxWidth }}>
          <Typography.Title level={4} style={{ marginTop: 0, textAlign: 'center' }}>
            {title}
          </Typography.Title>
          {intro && (
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
              {intro}
            </Typography.Paragraph>
          )}
          {children}
        </Card>
      </Flex>
    </Layout>
  )
}
