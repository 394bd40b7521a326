// Form fields shared by the sign-in and sign-up forms.
import { useTranslate } from '@refinedev/core'
import { Form, type FormInstance, Input } from 'antd'
import { useEffect } from 'react'

export const PASSWORD_MIN = 6

export function EmailItem() {
  const translate = useTranslate()
  return (
    <Form.Item
      name="email"
      label={translate('pages.login.fields.email')}
      rules={[
        { required: true, message: translate('pages.auth.validation.emailRequired') },
        { type: 'email', message: translate('pages.auth.validation.emailInvalid') },
      ]}
    >
      <Input autoComplete="email" inputMode="email" />
    </Form.Item>
  )
}

export function PasswordItem({ minLength, autoComplete }: { minLength?: number; autoComplete: string }) {
  const translate = useTranslate()
  return (
    <Form.Item
      name="password"
      label={translate('pages.login.fields.password')}
      rules={[
        { required: true, message: translate('pages.auth.validation.passwordRequired') },
        ...(minLength
          ? [
              {
                min: minLength,
                message: translate('pages.auth.validation.passwordTooShort', { min: minLength }),
              },
            ]
          : []),
      ]}
    >
      <Input.Password autoComplete={autoComplete} />
    </Form.Item>
  )
}

/** Validation messages are made when a field is checked: re-check the failing ones after a language switch. */
export function useRevalidateOnLocaleChange(form: FormInstance) {
  const translate = useTranslate()
  useEffect(() => {
    if (!translate) return // the effect's trigger: translate changes with the language
    const failing = form
      .getFieldsError()
      .filter((f) => f.errors.length > 0)
      .map((f) => f.name)
    if (failing.length > 0) form.validateFields(failing).catch(() => {})
  }, [form, translate])
}
