// Bank (银行对账): pick a bank account, upload a statement file (CSV, XLSX, CAMT.053, MT940, OFX) to the
// bank-import function. A CSV/XLSX layout seen for the first time comes back as a preview with the
// proposed role of each column: the person checks or changes it and confirms, which imports the file
// and saves the layout for this account. Below: the statements of the account with what is reconciled.
import { InboxOutlined } from '@ant-design/icons'
import { useGo, useNotification, useTranslate } from '@refinedev/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Card, Modal, Progress, Select, Space, Switch, Table, Tag, Typography, Upload } from 'antd'
import { useEffect, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { money } from '../../components/Money.tsx'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { useMyPermissions } from '../../tenancy/useMyPermissions.ts'
import {
  BANK_KEY,
  type PreviewLine,
  type Reconciliation,
  reconciliation,
  type UploadAnswer,
  uploadStatement,
  useBankAccounts,
} from './api.ts'
import { type DateOrder, mappingOf, mappingProblems, ROLES, type Role, rolesOf } from './mapping.ts'

type StatementRow = {
  id: string
  file_name: string
  format: string
  period_start: string | null
  period_end: string | null
  line_count: number
  imported_count: number
  skipped_count: number
  created_at: string
  rec: Reconciliation | null
}

type Preview = Extract<UploadAnswer, { preview: true }> & { file: File }

export function reconciliationTag(rec: Reconciliation | null, translate: (k: string) => string) {
  if (!rec || rec.lines === 0) return <Tag>{translate('bank.status.empty')}</Tag>
  if (rec.unreconciled_count === 0) return <Tag color="green">{translate('bank.status.done')}</Tag>
  if (rec.reconciled_count === 0) return <Tag color="orange">{translate('bank.status.open')}</Tag>
  return <Tag color="blue">{translate('bank.status.partial')}</Tag>
}

export function BankPage() {
  const translate = useTranslate()
  const supabase = useSupabase()
  const queryClient = useQueryClient()
  const go = useGo()
  const { open } = useNotification()
  const { can } = useMyPermissions()
  const accounts = useBankAccounts()
  const [params, setParams] = useSearchParams()
  const accountId = params.get('account') ?? undefined
  const setAccount = (v: string) => setParams({ account: v }, { replace: true })
  useEffect(() => {
    if (!accountId && accounts.data?.[0]) setAccount(accounts.data[0].id)
  })
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [roles, setRoles] = useState<Array<Role | undefined>>([])
  const [dateOrder, setDateOrder] = useState<DateOrder>('YMD')
  const [invertSign, setInvertSign] = useState(false)

  const statements = useQuery({
    queryKey: [...BANK_KEY, 'statements', accountId],
    enabled: Boolean(accountId),
    queryFn: async (): Promise<StatementRow[]> => {
      const { data, error } = await supabase
        .from('bank_statements')
        .select(
          'id, file_name, format, period_start, period_end, line_count, imported_count, skipped_count, created_at',
        )
        .eq('bank_account_id', accountId as string)
        .order('created_at', { ascending: false })
        .limit(50)
      if (error) throw error
      const rows = (data ?? []) as Omit<StatementRow, 'rec'>[]
      const recs = await Promise.all(rows.map((r) => reconciliation(supabase, r.id)))
      return rows.map((r, i) => ({ ...r, rec: recs[i] }))
    },
  })

  const imported = async (answer: Extract<UploadAnswer, { result: unknown }>) => {
    const r = answer.result
    open?.({
      type: 'success',
      message: translate(r.duplicate_file ? 'bank.duplicateFile' : 'bank.imported', {
        imported: r.imported,
        skipped: r.skipped,
      }),
      key: 'bank-imported',
    })
    await queryClient.invalidateQueries({ queryKey: BANK_KEY })
    go({ to: `/bank/statements/${r.statement_id}` })
  }

  const send = async (file: File, confirm: boolean) => {
    if (!accountId) return
    setBusy(true)
    setFailure(null)
    const { data, error } = await uploadStatement(supabase, {
      bankAccountId: accountId,
      file,
      ...(confirm ? { confirm: true, mapping: { columns: mappingOf(roles), dateOrder, invertSign } } : {}),
    })
    setBusy(false)
    if (error || !data) {
      setFailure(error?.message ?? 'error')
      return
    }
    if (data.preview) {
      setPreview({ ...data, file })
      setRoles(rolesOf(data.mapping.headers, data.mapping.columns))
      setDateOrder(data.mapping.dateOrder)
      setInvertSign(data.mapping.invertSign)
      return
    }
    setPreview(null)
    await imported(data)
  }

  const problems = preview ? mappingProblems(roles) : []

  return (
    <Card
      title={translate('bank.title')}
      extra={
        <Space>
          <Select
            style={{ minWidth: 260 }}
            value={accountId}
            onChange={setAccount}
            loading={accounts.isLoading}
            placeholder={translate('bank.account')}
            data-testid="bank-account"
            options={(accounts.data ?? []).map((a) => ({
              value: a.id,
              label: `${a.name} ${a.account_number}${a.active ? '' : ` (${translate('bank.inactive')})`}`,
            }))}
          />
          <Link to="/data/bank_accounts">{translate('bank.manageAccounts')}</Link>
        </Space>
      }
    >
      {accounts.isSuccess && accounts.data.length === 0 && (
        <Alert type="info" showIcon message={translate('bank.noAccounts')} style={{ marginBottom: 16 }} />
      )}
      {accountId && can('bank_statements', 'create') && (
        <Upload.Dragger
          accept=".csv,.txt,.xlsx,.xml,.sta,.mt940,.940,.942,.ofx,.qfx"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void send(file, false)
            return false
          }}
          data-testid="bank-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{translate('bank.uploadHint')}</p>
          <p className="ant-upload-hint">{translate('bank.uploadFormats')}</p>
        </Upload.Dragger>
      )}
      {failure && (
        <Alert type="error" showIcon message={failure} style={{ marginTop: 16 }} data-testid="bank-error" />
      )}

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {translate('bank.statements')}
      </Typography.Title>
      <Table<StatementRow>
        data-testid="bank-statements"
        size="small"
        rowKey="id"
        loading={statements.isLoading}
        dataSource={statements.data ?? []}
        pagination={false}
        onRow={(r) => ({
          onClick: () => go({ to: `/bank/statements/${r.id}` }),
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: translate('bank.fields.file'), dataIndex: 'file_name' },
          { title: translate('bank.fields.format'), dataIndex: 'format', width: 80 },
          {
            title: translate('bank.fields.period'),
            key: 'period',
            render: (_: unknown, r) => (r.period_start ? `${r.period_start} ~ ${r.period_end}` : ''),
          },
          { title: translate('bank.fields.lines'), dataIndex: 'imported_count', align: 'right', width: 80 },
          {
            title: translate('bank.fields.reconciled'),
            key: 'progress',
            width: 200,
            render: (_: unknown, r) =>
              r.rec && r.rec.lines > 0 ? (
                <Progress
                  size="small"
                  percent={Math.round((100 * r.rec.reconciled_count) / r.rec.lines)}
                  format={() => `${r.rec?.reconciled_count}/${r.rec?.lines}`}
                />
              ) : null,
          },
          {
            title: translate('bank.fields.unreconciledSum'),
            key: 'open',
            align: 'right',
            render: (_: unknown, r) => money(r.rec?.unreconciled_sum),
          },
          {
            title: translate('bank.fields.status'),
            key: 'status',
            render: (_: unknown, r) => reconciliationTag(r.rec, translate),
          },
        ]}
      />

      <Modal
        open={Boolean(preview)}
        width={1000}
        title={translate('bank.mapping.title')}
        okText={translate('bank.mapping.confirm')}
        cancelText={translate('bank.mapping.cancel')}
        okButtonProps={{
          disabled: problems.length > 0,
          loading: busy,
          ...({ 'data-testid': 'mapping-confirm' } as Record<string, string>),
        }}
        onOk={() => preview && send(preview.file, true)}
        onCancel={() => setPreview(null)}
        destroyOnHidden
      >
        {preview && (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="mapping-preview">
            <Typography.Text>
              {translate('bank.mapping.intro', {
                file: preview.file.name,
                format: preview.format.toUpperCase(),
                lines: preview.line_count,
                total: money(preview.total),
              })}
            </Typography.Text>
            <Table
              size="small"
              pagination={false}
              rowKey="index"
              scroll={{ x: true }}
              dataSource={preview.mapping.headers.map((h, index) => ({ h, index }))}
              columns={[
                { title: translate('bank.mapping.column'), dataIndex: 'h' },
                {
                  title: translate('bank.mapping.role'),
                  key: 'role',
                  render: (_: unknown, r: { index: number }) => (
                    <Select
                      allowClear
                      size="small"
                      style={{ width: 200 }}
                      value={roles[r.index]}
                      placeholder={translate('bank.mapping.ignore')}
                      data-testid={`role-${r.index}`}
                      onChange={(v?: Role) => setRoles((rs) => rs.map((x, i) => (i === r.index ? v : x)))}
                      options={ROLES.map((role) => ({ value: role, label: translate(`bank.roles.${role}`) }))}
                    />
                  ),
                },
              ]}
            />
            <Space>
              {translate('bank.mapping.dateOrder')}
              <Select
                size="small"
                value={dateOrder}
                onChange={setDateOrder}
                options={['YMD', 'DMY', 'MDY'].map((v) => ({ value: v, label: v }))}
              />
              {translate('bank.mapping.invertSign')}
              <Switch size="small" checked={invertSign} onChange={setInvertSign} />
            </Space>
            {problems.length > 0 && (
              <Alert
                type="warning"
                showIcon
                message={problems
                  .map((p) =>
                    p.startsWith('twice:')
                      ? translate('bank.mapping.problems.twice', {
                          role: translate(`bank.roles.${p.slice(6)}`),
                        })
                      : translate(`bank.mapping.problems.${p}`),
                  )
                  .join('；')}
              />
            )}
            <Typography.Text type="secondary">{translate('bank.mapping.sample')}</Typography.Text>
            <Table<PreviewLine>
              size="small"
              pagination={false}
              rowKey={(_, i) => String(i)}
              dataSource={preview.lines}
              columns={[
                { title: translate('bank.fields.date'), dataIndex: 'date', width: 110 },
                {
                  title: translate('bank.fields.amount'),
                  dataIndex: 'amount',
                  align: 'right',
                  render: (v: string) => money(v),
                },
                { title: translate('bank.fields.counterparty'), dataIndex: 'counterparty_name' },
                { title: translate('bank.fields.memo'), dataIndex: 'memo' },
              ]}
            />
          </Space>
        )}
      </Modal>
    </Card>
  )
}

export default BankPage
