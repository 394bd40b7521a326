// Phoenix socket framing as realtime-js speaks it. vsn 2.0.0: text frames are JSON arrays
// [join_ref, ref, topic, event, payload], and realtime-js's serializer sends broadcasts as binary
// "user broadcast push" frames (kind 3) and reads binary "user broadcast" frames (kind 4).
// vsn 1.0.0: JSON objects {join_ref, ref, topic, event, payload}, text only.

export type Vsn = '1.0.0' | '2.0.0'

export interface Frame {
  joinRef: string | null
  ref: string | null
  topic: string
  event: string
  payload: unknown
}

/** A broadcast's user payload: JSON, or raw bytes when the client sent an ArrayBuffer. */
export type BroadcastBody = { kind: 'json'; value: unknown } | { kind: 'binary'; bytes: Buffer }

export interface BroadcastFrame extends Frame {
  event: 'broadcast'
  /** The user event name (payload.event) and body, decoded from either framing. */
  userEvent: string
  body: BroadcastBody
}

const KIND_USER_BROADCAST_PUSH = 3
const KIND_USER_BROADCAST = 4
const ENCODING_BINARY = 0
const ENCODING_JSON = 1

const asRef = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null

/** Reads one frame; undefined when it is not a well-formed Phoenix message (the caller ignores it). */
export function decodeFrame(data: Buffer, isBinary: boolean, vsn: Vsn): Frame | BroadcastFrame | undefined {
  if (isBinary) return vsn === '2.0.0' ? decodeBinaryPush(data) : undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(data.toString('utf8'))
  } catch {
    return undefined
  }
  let frame: Frame
  if (vsn === '2.0.0') {
    if (!Array.isArray(parsed) || parsed.length !== 5) return undefined
    const [joinRef, ref, topic, event, payload] = parsed
    frame = { joinRef: asRef(joinRef), ref: asRef(ref), topic, event, payload }
  } else {
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined
    const o = parsed as Record<string, unknown>
    frame = {
      joinRef: asRef(o.join_ref),
      ref: asRef(o.ref),
      topic: o.topic as string,
      event: o.event as string,
      payload: o.payload,
    }
  }
  if (typeof frame.topic !== 'string' || typeof frame.event !== 'string') return undefined
  if (frame.payload === undefined || frame.payload === null) frame.payload = {}
  if (frame.event === 'broadcast') return withBroadcastBody(frame)
  return frame
}

function withBroadcastBody(frame: Frame): BroadcastFrame | undefined {
  const p = frame.payload as Record<string, unknown>
  if (typeof p !== 'object' || typeof p.event !== 'string') return undefined
  return { ...frame, event: 'broadcast', userEvent: p.event, body: { kind: 'json', value: p.payload ?? {} } }
}

// Kind 3 layout: kind, len(join_ref), len(ref), len(topic), len(event), len(metadata), encoding,
// then join_ref, ref, topic, event, metadata (JSON or empty) and the payload bytes.
function decodeBinaryPush(data: Buffer): BroadcastFrame | undefined {
  if (data.length < 7 || data[0] !== KIND_USER_BROADCAST_PUSH) return undefined
  const lengths = [data[1], data[2], data[3], data[4], data[5]]
  const encoding = data[6]
  let offset = 7
  const parts: string[] = []
  for (const length of lengths) {
    if (offset + length > data.length) return undefined
    parts.push(data.toString('utf8', offset, offset + length))
    offset += length
  }
  const [joinRef, ref, topic, userEvent] = parts
  const bytes = Buffer.from(data.subarray(offset))
  let body: BroadcastBody
  if (encoding === ENCODING_JSON) {
    try {
      body = { kind: 'json', value: JSON.parse(bytes.toString('utf8') || 'null') ?? {} }
    } catch {
      return undefined
    }
  } else if (encoding === ENCODING_BINARY) {
    body = { kind: 'binary', bytes }
  } else {
    return undefined
  }
  const payload = { type: 'broadcast', event: userEvent, payload: body.kind === 'json' ? body.value : {} }
  return { joinRef: joinRef || null, ref: ref || null, topic, event: 'broadcast', payload, userEvent, body }
}

export function encodeFrame(vsn: Vsn, frame: Frame): string {
  if (vsn === '2.0.0')
    return JSON.stringify([frame.joinRef, frame.ref, frame.topic, frame.event, frame.payload])
  return JSON.stringify({
    join_ref: frame.joinRef,
    ref: frame.ref,
    topic: frame.topic,
    event: frame.event,
    payload: frame.payload,
  })
}

/** A broadcast as the client receives it: JSON text, or a kind-4 binary frame for raw bytes (vsn 2 only). */
export function encodeBroadcast(
  vsn: Vsn,
  topic: string,
  userEvent: string,
  body: BroadcastBody,
): string | Buffer | undefined {
  if (body.kind === 'json') {
    const payload = { type: 'broadcast', event: userEvent, payload: body.value }
    return encodeFrame(vsn, { joinRef: null, ref: null, topic, event: 'broadcast', payload })
  }
  if (vsn !== '2.0.0') return undefined
  const topicBytes = Buffer.from(topic, 'utf8')
  const eventBytes = Buffer.from(userEvent, 'utf8')
  if (topicBytes.length > 255 || eventBytes.length > 255) return undefined
  const header = Buffer.from([KIND_USER_BROADCAST, topicBytes.length, eventBytes.length, 0, ENCODING_BINARY])
  return Buffer.concat([header, topicBytes, eventBytes, body.bytes])
}
