// The 统一社会信用代码 field, checked in the browser as it is typed (GB 32100 check character); the
// database checks it again on save.
import { useTranslate } from '@refinedev/core'
import { Form, Input } from 'antd'
import type { RuleObject } from 'antd/es/form'
import { CREDIT_CODE_LENGTH, creditCodeProblem, normalizeCreditCode } from '../../lib/credit-code.ts'

export function CreditCodeItem() {
  const translate = useTranslate()
  const value: string | undefined = Form.useWatch('credit_code', Form.useFormInstance())
  const check = (whileTyping: boolean) => (_: RuleObject, value: string | undefined) => {
    const problem = creditCodeProblem(value ?? '')
    // While typing, a code that is merely not finished yet is not an error.
    const unfinished = problem === 'empty' || problem === 'length'
    if (!problem || (whileTyping && unfinished)) return Promise.resolve()
    return Promise.reject(new Error(translate(`onboarding.creditCode.${problem}`)))
  }
  return (
    <Form.Item
      name="credit_code"
      label={translate('tenants.fields.credit_code')}
      extra={translate('onboarding.creditCode.help')}
      normalize={(v: string) => normalizeCreditCode(v ?? '')}
      // A tick only for a complete code: an unfinished one is not "valid" yet.
      hasFeedback={value?.length === CREDIT_CODE_LENGTH}
      validateFirst
      validateTrigger={['onChange', 'onBlur']}
      rules={[
        { validator: check(true), validateTrigger: 'onChange' },
        { validator: check(false), validateTrigger: 'onBlur' },
      ]}
    >
      <Input
        maxLength={CREDIT_CODE_LENGTH}
        showCount
        autoComplete="off"
        spellCheck={false}
        placeholder={translate('onboarding.placeholders.credit_code')}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}
      />
    </Form.Item>
  )
}
