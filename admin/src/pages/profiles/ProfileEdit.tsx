// Edit display name and language; saving a language also switches the UI to it.
import { Edit, useForm } from '@refinedev/antd'
import { useTranslate } from '@refinedev/core'
import { Form, Input, Select } from 'antd'
import { isLocale, LOCALES, localeStore } from '../../i18n/locale.ts'
import { DISPLAY_NAME_MAX, type Profile } from './types.ts'

type ProfileValues = Pick<Profile, 'display_name' | 'locale'>

export function ProfileEdit() {
  const translate = useTranslate()
  const { formProps, saveButtonProps, formLoading } = useForm<Profile, never, ProfileValues>({
    redirect: 'show',
    onMutationSuccess: (_data, values) => {
      if (isLocale(values.locale)) localeStore.set(values.locale)
    },
  })

  const onFinish = (values: ProfileValues) =>
    formProps.onFinish?.({ ...values, display_name: values.display_name?.trim() ?? '' })

  return (
    <Edit saveButtonProps={saveButtonProps} isLoading={formLoading}>
      <Form {...formProps} onFinish={onFinish} layout="vertical" style={{ maxWidth: 480 }}>
        <Form.Item
          name="display_name"
          label={translate('profiles.fields.display_name')}
          rules={[
            {
              max: DISPLAY_NAME_MAX,
              message: translate('profiles.validation.displayNameTooLong', { max: DISPLAY_NAME_MAX }),
            },
          ]}
        >
          <Input allowClear />
        </Form.Item>
        <Form.Item name="locale" label={translate('profiles.fields.locale')} rules={[{ required: true }]}>
          <Select options={LOCALES.map((l) => ({ value: l, label: translate(`language.${l}`) }))} />
        </Form.Item>
      </Form>
    </Edit>
  )
}
