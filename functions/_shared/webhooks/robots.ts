// Ready-made senders for the group robots of DingTalk (钉钉自定义机器人) and WeCom (企业微信群机器人):
// an event becomes a markdown message in their webhook formats. Both answer HTTP 200 with
// {"errcode": 0, "errmsg": "ok"} on success and a non-zero errcode otherwise (also with HTTP 200).
// DingTalk robots with 加签 (signing) need `timestamp` and `sign` query parameters: the base64
// HMAC-SHA256 of "<timestamp ms>\n<secret>" keyed with the secret (SEC…), URL-encoded.
import { hmacSha256, toBase64 } from './signature.ts'

export interface WebhookEvent {
  id: string
  type: string
  created_at: string
  tenant_id: string
  data: Record<string, unknown>
}

export interface RobotText {
  title: string
  lines: string[]
}

const titles: Record<string, string> = {
  'member.joined': '新成员加入',
  'party.created': '新增往来单位',
  'item.created': '新增商品',
  'document.confirmed': '单据已确认',
  'document.posted': '单据已过账',
  'document.approved': '单据已审批通过',
  'document.rejected': '单据被驳回',
  'payment.received': '收到客户付款',
  'approval.task_created': '待审批',
  'stock.below_reorder_point': '库存预警',
}

function str(v: unknown): string {
  return v === null || v === undefined ? '' : String(v)
}

/** What a robot says about an event: a title and a few lines, in Chinese, for a group chat. */
export function robotText(event: WebhookEvent): RobotText {
  const d = event.data
  const title = titles[event.type] ?? event.type
  switch (event.type) {
    case 'approval.task_created':
      return {
        title: `${title}：${str(d.title)}`,
        lines: [
          d.assignee_name || d.assignee ? `审批人：${str(d.assignee_name ?? d.assignee)}` : '',
          d.link ? `[去审批](${str(d.link)})` : '',
        ].filter(Boolean),
      }
    case 'stock.below_reorder_point':
      return {
        title: `${title}：${str(d.name)}${d.sku ? `（${str(d.sku)}）` : ''}`,
        lines: [
          `当前库存：${str(d.quantity)}，补货点：${str(d.reorder_point)}`,
          d.warehouse ? `仓库：${str(d.warehouse)}` : '',
        ].filter(Boolean),
      }
    case 'member.joined':
      return {
        title: `${title}：${str(d.display_name || d.email)}`,
        lines: d.email ? [`邮箱：${str(d.email)}`] : [],
      }
    case 'party.created':
      return { title: `${title}：${str(d.name)}`, lines: [`编码：${str(d.code)}`] }
    case 'item.created':
      return { title: `${title}：${str(d.name)}`, lines: [`SKU：${str(d.sku)}`] }
    default: {
      const fields = ['number', 'doc_type', 'amount', 'currency', 'comment'].filter((k) => d[k] !== undefined)
      return { title, lines: fields.map((k) => `${k}：${str(d[k])}`) }
    }
  }
}

/** DingTalk group robot message (msgtype markdown). */
export function dingtalkMessage(event: WebhookEvent): Record<string, unknown> {
  const t = robotText(event)
  return {
    msgtype: 'markdown',
    markdown: { title: t.title, text: [`### ${t.title}`, ...t.lines].join('\n\n') },
  }
}

/** WeCom group robot message (msgtype markdown). */
export function wecomMessage(event: WebhookEvent): Record<string, unknown> {
  const t = robotText(event)
  return {
    msgtype: 'markdown',
    markdown: { content: [`**${t.title}**`, ...t.lines.map((l) => `> ${l}`)].join('\n') },
  }
}

/** The robot URL with DingTalk's signing parameters added (no secret: unchanged). */
export async function dingtalkSignedUrl(url: string, secret: string | null | undefined, timestampMs: number) {
  if (!secret) return url
  const sign = toBase64(await hmacSha256(secret, `${timestampMs}\n${secret}`))
  const u = new URL(url)
  u.searchParams.set('timestamp', String(timestampMs))
  u.searchParams.set('sign', sign)
  return u.toString()
}

/** Did the robot accept the message? (HTTP 2xx and errcode 0.) */
export function robotAccepted(status: number, body: string): { ok: boolean; error?: string } {
  if (status < 200 || status >= 300) return { ok: false, error: `HTTP ${status}` }
  try {
    const answer = JSON.parse(body) as { errcode?: number; errmsg?: string }
    if (answer.errcode === 0) return { ok: true }
    return { ok: false, error: `errcode ${answer.errcode ?? '?'}: ${answer.errmsg ?? ''}`.trim() }
  } catch {
    return { ok: false, error: 'the robot did not answer JSON' }
  }
}
