// Approval inbox (审批中心): the person's pending / done / submitted / copied approvals with counts,
// and the decisions on a pending task — approve, reject, return to an earlier step, transfer to a
// colleague, add a signer (加签) — each with a comment; every row unfolds into its timeline, and the
// requester may withdraw a request nobody has acted on yet. The database decides who may act
// (approval_act, withdraw_approval); its refusals (TR5xx) are shown in plain words.
import { useTranslate } from '@refinedev/core'
import { useQueryClient } from '@tanstack/react-query'
import {
  Badge,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
} from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { money } from '../../components/Money.tsx'
import { formatDateTime } from '../../lib/dates.ts'
import { useDbAction } from '../../lib/useDbError.ts'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { DASHBOARD_KEY } from '../dashboard/keys.ts'
import { ApprovalTimeline, useMemberNames } from './ApprovalTimeline.tsx'
import { APPROVALS_KEY, BOXES, type Box, type InboxRow, useApprovalCounts, useInbox } from './useApprovals.ts'

type Decision = 'approve' | 'reject' | 'return' | 'transfer' | 'add_signer'
const DECISIONS: Decision[] = ['approve', 'reject', 'return', 'transfer', 'add_signer']
const RPC: Record<Decision, string> = {
  approve: 'approve_task',
  reject: 'reject_task',
  return: 'return_task',
  transfer: 'transfer_task',
  add_signer: 'add_approval_signer',
}
/** The decisions that name a colleague, and the argument that carries them. */
const PERSON_ARG: Partial<Record<Decision, string>> = { transfer: 'p_to_user_id', add_signer: 'p_user_id' }

const DOC_PATHS: Record<string, string> = {
  sales_order: '/sales-orders',
  purchase_order: '/purchase-orders',
  supplier_payment: '/payment-requests',
}

function DecisionModal({
  row,
  decision,
  onClose,
}: {
  row: InboxRow
  decision: Decision
  onClose: () => void
}) {
  const translate = useTranslate()
  const supabase = useSupabase()
  const queryClient = useQueryClient()
  const run = useDbAction()
  const [form] = Form.useForm()
  const [busy, setBusy] = useState(false)
  const members = useMemberNames()
  const personArg = PERSON_ARG[decision]

  const submit = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    setBusy(true)
    const args: Record<string, unknown> = { p_task_id: row.task_id, p_comment: values.comment || null }
    if (decision === 'return') args.p_to_position = values.to_position
    if (personArg) args[personArg] = values.to_user_id
    const done = await run(supabase.rpc(RPC[decision], args), `approvals.done.${decision}`)
    setBusy(false)
    if (!done) return
    void queryClient.invalidateQueries({ queryKey: APPROVALS_KEY })
    void queryClient.invalidateQueries({ queryKey: DASHBOARD_KEY })
    onClose()
  }

  return (
    <Modal
      open
      title={`${translate(`approvals.actions.${decision}`)} · ${row.title}`}
      okText={translate(`approvals.actions.${decision}`)}
      cancelText={translate('buttons.cancel')}
      okButtonProps={{ danger: decision === 'reject', loading: busy, 'data-testid': 'decision-ok' } as never}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="decision-form">
        {decision === 'return' && (
          <Form.Item
            name="to_position"
            label={translate('approvals.fields.toPosition')}
            rules={[{ required: true }]}
            initialValue={1}
          >
            <InputNumber min={1} precision={0} />
          </Form.Item>
        )}
        {personArg && (
          <Form.Item
            name="to_user_id"
            label={translate(decision === 'transfer' ? 'approvals.fields.toUser' : 'approvals.fields.signer')}
            rules={[{ required: true }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              data-testid="decision-person"
              options={[...(members.data ?? new Map<string, string>())].map(([value, label]) => ({
                value,
                label,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="comment" label={translate('approvals.fields.comment')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/** The requester takes back a request no approver has acted on yet (the database checks both). */
function WithdrawButton({ row }: { row: InboxRow }) {
  const translate = useTranslate()
  const supabase = useSupabase()
  const queryClient = useQueryClient()
  const run = useDbAction()
  const [busy, setBusy] = useState(false)
  const withdraw = async () => {
    setBusy(true)
    const done = await run(
      supabase.rpc('withdraw_approval', { p_instance_id: row.instance_id }),
      'approvals.done.withdraw',
    )
    setBusy(false)
    if (!done) return
    void queryClient.invalidateQueries({ queryKey: APPROVALS_KEY })
    void queryClient.invalidateQueries({ queryKey: DASHBOARD_KEY })
  }
  return (
    <Popconfirm
      title={translate('approvals.withdrawConfirm')}
      onConfirm={withdraw}
      okText={translate('approvals.actions.withdraw')}
      cancelText={translate('buttons.cancel')}
    >
      <Button size="small" loading={busy} data-testid={`withdraw-${row.instance_id}`}>
        {translate('approvals.actions.withdraw')}
      </Button>
    </Popconfirm>
  )
}

function BoxTable({ box }: { box: Box }) {
  const translate = useTranslate()
  const { data, isLoading } = useInbox(box)
  const [acting, setActing] = useState<{ row: InboxRow; decision: Decision } | null>(null)
  const statusColor: Record<string, string> = {
    pending: 'processing',
    approved: 'success',
    rejected: 'error',
    returned: 'warning',
    withdrawn: 'default',
  }
  return (
    <>
      <Table<InboxRow>
        data-testid={`inbox-${box}`}
        size="small"
        loading={isLoading}
        rowKey={(r) => r.task_id ?? r.instance_id}
        dataSource={data ?? []}
        pagination={{ pageSize: 20 }}
        expandable={{ expandedRowRender: (r) => <ApprovalTimeline instanceId={r.instance_id} /> }}
        columns={[
          {
            title: translate('approvals.columns.title'),
            dataIndex: 'title',
            // Orders open on their entry screen (approvers may read what waits for them).
            render: (v: string, r: InboxRow) => {
              const text = v || translate(`approvals.docTypes.${r.doc_type}`, r.doc_type)
              const path = DOC_PATHS[r.doc_type]
              return path ? <Link to={`${path}/${r.doc_id}`}>{text}</Link> : text
            },
          },
          {
            title: translate('approvals.columns.docType'),
            dataIndex: 'doc_type',
            render: (v: string) => translate(`approvals.docTypes.${v}`, v),
          },
          {
            title: translate('approvals.columns.amount'),
            dataIndex: 'amount',
            align: 'right',
            render: (v: string | null) => money(v),
          },
          { title: translate('approvals.columns.step'), dataIndex: 'step_name' },
          {
            title: translate('approvals.columns.status'),
            dataIndex: 'approval_status',
            render: (v: string) => (
              <Tag color={statusColor[v] ?? 'default'}>{translate(`approvals.statuses.${v}`, v)}</Tag>
            ),
          },
          {
            title: translate('approvals.columns.assignedAt'),
            dataIndex: 'assigned_at',
            render: formatDateTime,
          },
          ...(box === 'pending'
            ? [
                {
                  title: translate('table.actions'),
                  key: 'actions',
                  render: (_: unknown, row: InboxRow) => (
                    <Space size="small" wrap>
                      {DECISIONS.map((decision) => (
                        <Button
                          key={decision}
                          size="small"
                          type={decision === 'approve' ? 'primary' : 'default'}
                          danger={decision === 'reject'}
                          data-testid={`${decision}-${row.task_id}`}
                          onClick={() => setActing({ row, decision })}
                        >
                          {translate(`approvals.actions.${decision}`)}
                        </Button>
                      ))}
                    </Space>
                  ),
                },
              ]
            : [
                {
                  title: translate('approvals.columns.actedAt'),
                  dataIndex: 'acted_at',
                  render: formatDateTime,
                },
              ]),
          ...(box === 'submitted'
            ? [
                {
                  title: translate('table.actions'),
                  key: 'actions',
                  render: (_: unknown, row: InboxRow) =>
                    row.approval_status === 'pending' && <WithdrawButton row={row} />,
                },
              ]
            : []),
        ]}
      />
      {acting && (
        <DecisionModal row={acting.row} decision={acting.decision} onClose={() => setActing(null)} />
      )}
    </>
  )
}

export function ApprovalInbox() {
  const translate = useTranslate()
  const { data: counts } = useApprovalCounts()
  const [box, setBox] = useState<Box>('pending')
  return (
    <Card title={translate('approvals.title')} data-testid="approval-inbox">
      <Tabs
        activeKey={box}
        onChange={(k) => setBox(k as Box)}
        destroyOnHidden
        items={BOXES.map((b) => ({
          key: b,
          label: (
            <span data-testid={`tab-${b}`}>
              {translate(`approvals.boxes.${b}`)}{' '}
              <Badge
                count={counts?.[b] ?? 0}
                showZero
                size="small"
                color={b === 'pending' ? undefined : '#bfbfbf'}
                data-testid={`count-${b}`}
              />
            </span>
          ),
          children: <BoxTable box={b} />,
        }))}
      />
    </Card>
  )
}

export default ApprovalInbox
