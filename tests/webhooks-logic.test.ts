// The webhook worker's logic as pure modules (functions/_shared/webhooks): signatures (checked against
// node:crypto, an independent HMAC), the back-off schedule, DingTalk/WeCom robot messages, and one
// dispatch pass against a fake database and a fake network.
import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  buildRequest,
  type ClaimedDelivery,
  dingtalkMessage,
  dingtalkSignedUrl,
  dispatchOnce,
  isPrivateHost,
  maxAttempts,
  type RpcClient,
  retryDelaySeconds,
  robotAccepted,
  signatureHeader,
  verifySignature,
  wecomMessage,
} from '../functions/_shared/webhooks/index.ts'

const secret = 'whsec-test-0123456789'

function delivery(over: Partial<ClaimedDelivery> = {}): ClaimedDelivery {
  return {
    delivery_id: 7,
    attempt: 1,
    tenant_id: '11111111-1111-4111-8111-111111111111',
    endpoint_id: '22222222-2222-4222-8222-222222222222',
    kind: 'generic',
    url: 'http://127.0.0.1:9/hook',
    secret,
    event_id: '33333333-3333-4333-8333-333333333333',
    event_type: 'stock.below_reorder_point',
    payload: {
      sku: 'A-100',
      name: '办公椅',
      quantity: '3.0000',
      reorder_point: '10.0000',
      warehouse: '主仓库',
    },
    event_created_at: '2026-11-28T10:00:00+00:00',
    ...over,
  }
}

describe('signatures', () => {
  it('signs "<t>.<body>" with HMAC-SHA256, as node:crypto computes it', async () => {
    const body = '{"id":"x","data":{"名":"值"}}'
    const header = await signatureHeader(secret, body, 1_790_000_000)
    const expected = createHmac('sha256', secret).update(`1790000000.${body}`).digest('hex')
    expect(header).toBe(`t=1790000000,v1=${expected}`)
  })

  it('verifies a good signature and refuses tampering, a wrong secret and old timestamps', async () => {
    const body = JSON.stringify({ id: 'e1', amount: '12.50' })
    const now = 1_790_000_000
    const header = await signatureHeader(secret, body, now)
    expect(await verifySignature(secret, header, body, { now })).toEqual({ ok: true, timestamp: now })
    expect((await verifySignature(secret, header, body.replace('12.50', '99.50'), { now })).ok).toBe(false)
    expect((await verifySignature('other', header, body, { now })).ok).toBe(false)
    expect(await verifySignature(secret, header, body, { now: now + 301 })).toEqual({
      ok: false,
      reason: 'timestamp outside the tolerance',
    })
    expect((await verifySignature(secret, null, body, { now })).ok).toBe(false)
    expect((await verifySignature(secret, 'v1=abc', body, { now })).ok).toBe(false)
    // Several v1 values (a receiver during secret rotation) pass if one matches.
    const both = `${header},v1=${'0'.repeat(64)}`
    expect((await verifySignature(secret, both, body, { now })).ok).toBe(true)
  })
})

describe('back-off', () => {
  it('retries after 10 s, 30 s, 2 min … 24 h, then gives up', () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([10, 30, 120, 600])
    expect(retryDelaySeconds(10)).toBe(86_400)
    expect(retryDelaySeconds(11)).toBeNull()
    expect(maxAttempts).toBe(11)
    for (let i = 1; i < 10; i++)
      expect(retryDelaySeconds(i + 1)).toBeGreaterThan(retryDelaySeconds(i) as number)
  })
})

describe('chat robots', () => {
  it('DingTalk and WeCom markdown for a low-stock alert and an approval task', () => {
    const stock = {
      id: 'e',
      type: 'stock.below_reorder_point',
      created_at: '',
      tenant_id: 't',
      data: delivery().payload,
    }
    const ding = dingtalkMessage(stock) as { msgtype: string; markdown: { title: string; text: string } }
    expect(ding.msgtype).toBe('markdown')
    expect(ding.markdown.title).toBe('库存预警：办公椅（A-100）')
    expect(ding.markdown.text).toContain('当前库存：3.0000，补货点：10.0000')
    expect(ding.markdown.text).toContain('仓库：主仓库')
    const task = {
      id: 'e',
      type: 'approval.task_created',
      created_at: '',
      tenant_id: 't',
      data: { title: '报销单 EC-0001 ¥1,280.00', assignee_name: '李四', link: 'https://erp.example.com/t/1' },
    }
    const wecom = wecomMessage(task) as { msgtype: string; markdown: { content: string } }
    expect(wecom.msgtype).toBe('markdown')
    expect(wecom.markdown.content).toBe(
      '**待审批：报销单 EC-0001 ¥1,280.00**\n> 审批人：李四\n> [去审批](https://erp.example.com/t/1)',
    )
  })

  it('signs DingTalk robot URLs with timestamp and sign (加签)', async () => {
    const url = await dingtalkSignedUrl(
      'https://oapi.dingtalk.com/robot/send?access_token=abc',
      'SECxyz',
      1_700_000_000_000,
    )
    const u = new URL(url)
    expect(u.searchParams.get('access_token')).toBe('abc')
    expect(u.searchParams.get('timestamp')).toBe('1700000000000')
    const expected = createHmac('sha256', 'SECxyz').update('1700000000000\nSECxyz').digest('base64')
    expect(u.searchParams.get('sign')).toBe(expected)
    expect(await dingtalkSignedUrl('https://x.test/r?access_token=a', '', 1)).toBe(
      'https://x.test/r?access_token=a',
    )
  })

  it('a robot accepted the message only with errcode 0', () => {
    expect(robotAccepted(200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true })
    expect(robotAccepted(200, '{"errcode":310000,"errmsg":"sign not match"}')).toEqual({
      ok: false,
      error: 'errcode 310000: sign not match',
    })
    expect(robotAccepted(502, '')).toEqual({ ok: false, error: 'HTTP 502' })
    expect(robotAccepted(200, '<html>').ok).toBe(false)
  })
})

describe('one dispatch pass', () => {
  function fakeDb(claimed: ClaimedDelivery[]) {
    const recorded: Array<Record<string, unknown>> = []
    const db: RpcClient = {
      async rpc(fn, args) {
        if (fn === 'webhook_claim_deliveries') return { data: claimed, error: null }
        recorded.push(args ?? {})
        const a = args as { p_ok: boolean; p_retry_in_seconds: number | null }
        return {
          data: a.p_ok ? 'delivered' : a.p_retry_in_seconds === null ? 'failed' : 'pending',
          error: null,
        }
      },
    }
    return { db, recorded }
  }

  it('sends signed JSON and reports success, retries and give-ups', async () => {
    const claimed = [
      delivery({ delivery_id: 1, url: 'http://r.test/ok' }),
      delivery({ delivery_id: 2, url: 'http://r.test/fail', attempt: 3 }),
      delivery({ delivery_id: 3, url: 'http://r.test/fail', attempt: 11 }),
      delivery({ delivery_id: 4, url: 'http://r.test/down' }),
    ]
    const { db, recorded } = fakeDb(claimed)
    const seen: Request[] = []
    const fakeFetch = (async (url: string, init: RequestInit) => {
      const req = new Request(url, init)
      seen.push(req)
      if (url.endsWith('/down')) throw new TypeError('connection refused')
      return url.endsWith('/ok') ? new Response(null, { status: 204 }) : new Response('boom', { status: 500 })
    }) as typeof fetch
    const result = await dispatchOnce(db, {
      fetch: fakeFetch,
      now: () => 1_790_000_000_000,
      allowPrivateNetworks: true,
    })
    expect(result).toEqual({ claimed: 4, delivered: 1, retrying: 2, failed: 1 })
    const byId = new Map(recorded.map((r) => [r.p_delivery_id, r]))
    expect(byId.get(1)).toMatchObject({
      p_ok: true,
      p_status_code: 204,
      p_error: null,
      p_retry_in_seconds: null,
    })
    expect(byId.get(2)).toMatchObject({
      p_ok: false,
      p_status_code: 500,
      p_error: 'HTTP 500',
      p_retry_in_seconds: 120,
    })
    expect(byId.get(3)).toMatchObject({ p_ok: false, p_retry_in_seconds: null })
    expect(byId.get(4)).toMatchObject({ p_ok: false, p_status_code: null, p_error: 'connection refused' })

    const first = seen[0]
    const body = await first.text()
    expect(JSON.parse(body)).toMatchObject({ id: claimed[0].event_id, type: 'stock.below_reorder_point' })
    expect(first.headers.get('troika-event-id')).toBe(claimed[0].event_id)
    const check = await verifySignature(secret, first.headers.get('troika-signature'), body, {
      now: 1_790_000_000,
    })
    expect(check.ok).toBe(true)
  })

  it('robots get their own format and no Troika signature header', async () => {
    const { url, init } = await buildRequest(
      delivery({
        kind: 'dingtalk',
        url: 'https://oapi.dingtalk.com/robot/send?access_token=t',
        secret: 'SEC1',
      }),
      1_000,
    )
    expect(new URL(url).searchParams.get('timestamp')).toBe('1000')
    expect(JSON.parse(init.body as string).msgtype).toBe('markdown')
    expect((init.headers as Record<string, string>)['Troika-Signature']).toBeUndefined()
  })
})

describe('private network addresses', () => {
  it('are recognised when given literally', () => {
    for (const url of [
      'http://127.0.0.1:8080/x',
      'http://localhost/x',
      'http://10.1.2.3/',
      'http://172.20.0.1/',
      'http://192.168.1.1/',
      'http://169.254.169.254/latest/meta-data',
      'http://100.64.0.1/',
      'http://0.0.0.0/',
      'http://[::1]/',
      'http://[fd00::1]/',
      'http://[fe80::1]/',
      'http://[::ffff:127.0.0.1]/',
    ])
      expect(isPrivateHost(url), url).toBe(true)
    for (const url of [
      'https://oapi.dingtalk.com/robot/send',
      'https://8.8.8.8/',
      'http://172.32.0.1/',
      'http://[2001:db8::1]/',
    ])
      expect(isPrivateHost(url), url).toBe(false)
  })

  it('are refused unless allowed, without sending anything', async () => {
    let sent = 0
    const recorded: Array<Record<string, unknown>> = []
    const db: RpcClient = {
      async rpc(fn, args) {
        if (fn === 'webhook_claim_deliveries')
          return { data: [delivery({ url: 'http://169.254.169.254/x' })], error: null }
        recorded.push(args ?? {})
        return { data: 'pending', error: null }
      },
    }
    const fakeFetch = (async () => {
      sent++
      return new Response('ok')
    }) as unknown as typeof fetch
    await dispatchOnce(db, { fetch: fakeFetch })
    expect(sent).toBe(0)
    expect(recorded[0]).toMatchObject({ p_ok: false, p_error: 'private network addresses are not allowed' })
  })
})
