// The approval inbox against a fake PostgREST: adding a signer (加签) sends the chosen colleague and the
// comment to add_approval_signer; the requester withdraws a pending request of 我发起的 (and only a
// pending one), and a refusal of the database is shown in plain words.
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import ApprovalInbox from '../../admin/src/pages/approvals/ApprovalInbox.tsx'
import { fakePostgrest, type Recorded, requests } from './fake-postgrest.ts'
import { renderPage, tenancy } from './render.tsx'

const TASK = '00000000-0000-4000-8000-0000000000a1'
const PENDING = '00000000-0000-4000-8000-0000000000b1'
const DECIDED = '00000000-0000-4000-8000-0000000000b2'
const COLLEAGUE = '00000000-0000-4000-8000-0000000000c1'

const row = (over: Record<string, unknown>) => ({
  box: 'pending',
  task_id: null,
  instance_id: PENDING,
  doc_type: 'general_request',
  doc_id: '00000000-0000-4000-8000-0000000000d1',
  title: '采购笔记本电脑',
  amount: '8000.00',
  requester_id: 'me',
  step_name: '经理审批',
  task_status: null,
  approval_status: 'pending',
  on_behalf_of: null,
  assigned_at: '2026-11-28T02:00:00Z',
  acted_at: null,
  ...over,
})

function fakes(extra: Record<string, unknown> = {}) {
  fakePostgrest({
    ...tenancy([['approvals', 'approve']]),
    'rpc/approval_inbox_counts': [{ pending: 1, done: 0, submitted: 2, copied: 0 }],
    'rpc/approval_inbox': (req: Recorded) =>
      (req.body as { p_box: string }).p_box === 'pending'
        ? [row({ task_id: TASK })]
        : (req.body as { p_box: string }).p_box === 'submitted'
          ? [
              row({ box: 'submitted' }),
              row({ box: 'submitted', instance_id: DECIDED, title: '用印申请', approval_status: 'approved' }),
            ]
          : [],
    memberships: [
      { user_id: COLLEAGUE, display_name: '王会计', email: 'wang@example.test' },
      { user_id: 'me', display_name: '张三', email: 'zhang@example.test' },
    ],
    ...extra,
  })
}

/** The confirm button of the open Popconfirm (rendered outside the table). */
const popoverOk = () =>
  waitFor(() => {
    const ok = document.querySelector<HTMLElement>('.ant-popover .ant-btn-primary')
    if (!ok) throw new Error('no open popconfirm')
    return ok
  })

const rpcCalls = (name: string) => requests.filter((r) => r.path === `rpc/${name}`)

describe('approval inbox', () => {
  test('adds a signer: the chosen colleague and the comment go to add_approval_signer', async () => {
    fakes({ 'POST rpc/add_approval_signer': { status: 200, body: 'pending' } })
    renderPage(<ApprovalInbox />, { path: '/approvals', at: '/approvals' })
    fireEvent.click(await screen.findByTestId(`add_signer-${TASK}`))
    const dialog = await screen.findByRole('dialog')
    // the colleague is required
    fireEvent.click(within(dialog).getByTestId('decision-ok'))
    await waitFor(() =>
      expect(dialog.querySelector('.ant-form-item-has-error')?.textContent).toContain('加签人'),
    )
    expect(rpcCalls('add_approval_signer')).toEqual([])

    fireEvent.mouseDown(within(dialog).getByRole('combobox'))
    fireEvent.click(await screen.findByText('王会计', { selector: '.ant-select-item-option-content' }))
    fireEvent.change(within(dialog).getByLabelText('审批意见'), { target: { value: '请财务复核' } })
    fireEvent.click(within(dialog).getByTestId('decision-ok'))
    await waitFor(() => expect(rpcCalls('add_approval_signer')).toHaveLength(1))
    expect(rpcCalls('add_approval_signer')[0].body).toEqual({
      p_task_id: TASK,
      p_comment: '请财务复核',
      p_user_id: COLLEAGUE,
    })
  })

  test('the requester withdraws a pending request; a decided one offers no withdrawal', async () => {
    fakes({ 'POST rpc/withdraw_approval': { status: 204, body: null } })
    renderPage(<ApprovalInbox />, { path: '/approvals', at: '/approvals' })
    fireEvent.click(await screen.findByTestId('tab-submitted'))
    fireEvent.click(await screen.findByTestId(`withdraw-${PENDING}`))
    expect(screen.queryByTestId(`withdraw-${DECIDED}`)).toBeNull()
    fireEvent.click(await popoverOk())
    await waitFor(() => expect(rpcCalls('withdraw_approval')).toHaveLength(1))
    expect(rpcCalls('withdraw_approval')[0].body).toEqual({ p_instance_id: PENDING })
  })

  test('a refused withdrawal is shown in plain words', async () => {
    fakes({
      'POST rpc/withdraw_approval': {
        status: 400,
        body: {
          code: 'TR511',
          message: 'an approver has already acted: it can no longer be withdrawn',
          hint: 'instance_id',
          details: null,
        },
      },
    })
    renderPage(<ApprovalInbox />, { path: '/approvals', at: '/approvals' })
    fireEvent.click(await screen.findByTestId('tab-submitted'))
    fireEvent.click(await screen.findByTestId(`withdraw-${PENDING}`))
    fireEvent.click(await popoverOk())
    await waitFor(() => expect(rpcCalls('withdraw_approval')).toHaveLength(1))
    expect(await screen.findByText('已有审批人处理过，不能再撤回')).toBeTruthy()
  })
})
