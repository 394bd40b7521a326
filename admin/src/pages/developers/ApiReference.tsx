// 开放接口 (API): what an integration needs, from the database's own api_reference() — how to exchange
// an API key for a token, the webhook headers and signature, realtime, the event catalog — plus a worked
// supabase-js example. The full guide is docs/API.md in the repository; the REST resources and RPCs are
// PostgREST's OpenAPI at /rest/v1/ with the same comments the generated screens use.
import { useTranslate } from '@refinedev/core'
import { useQuery } from '@tanstack/react-query'
import { Alert, Card, Descriptions, Spin, Typography } from 'antd'
import { readableDbError } from '../../lib/db-error.ts'
import { useSupabase } from '../../providers/supabaseContext.tsx'

const EXAMPLE = `import { createClient } from '@supabase/supabase-js'

// 1. exchange the API key for a short-lived token (10 minutes)
const res = await fetch(\`\${SUPABASE_URL}/functions/v1/api-token\`, {
  method: 'POST',
  headers: { apikey: ANON_KEY, 'content-type': 'application/json' },
  body: JSON.stringify({ api_key: process.env.TROIKA_API_KEY }),
})
const { access_token } = await res.json()

// 2. use REST, RPC and realtime as a member with the key's role
const troika = createClient(SUPABASE_URL, ANON_KEY, {
  global: { headers: { Authorization: \`Bearer \${access_token}\` } },
})
const { data, error } = await troika.rpc('post_document', {
  p_doc_type: 'sales_invoice',
  p_idempotency_key: crypto.randomUUID(),
  p_document: { customer_id, lines: [{ quantity: '1', unit_price: '113.00', tax_code: 'VAT13' }] },
})`

function show(value: unknown) {
  if (typeof value === 'string') return <Typography.Text code>{value}</Typography.Text>
  return <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(value, null, 2)}</pre>
}

export default function ApiReference() {
  const t = useTranslate()
  const supabase = useSupabase()
  const ref = useQuery({
    queryKey: ['troika', 'api_reference'],
    queryFn: async () => {
      const { data, error } = await supabase.rpc('api_reference')
      if (error) throw error
      return data as Record<string, unknown>
    },
  })
  return (
    <Card title={t('api_reference.title')} data-testid="api-reference">
      <Typography.Paragraph>{t('api_reference.intro')}</Typography.Paragraph>
      {ref.isLoading && <Spin />}
      {ref.error && (
        <Alert type="error" message={readableDbError(ref.error as never, (k, p) => t(k, p)).message} />
      )}
      {ref.data && (
        <Descriptions column={1} bordered size="small">
          {Object.entries(ref.data).map(([key, value]) => (
            <Descriptions.Item key={key} label={key}>
              {show(value)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('api_reference.example')}
      </Typography.Title>
      <pre data-testid="api-example" style={{ background: '#f6f6f6', padding: 12, overflowX: 'auto' }}>
        {EXAMPLE}
      </pre>
    </Card>
  )
}
