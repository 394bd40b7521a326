// One WebSocket: reads frames, answers heartbeats, routes joins and channel events, and cleans up
// every channel of the socket when it closes. Nothing a client sends can throw out of here.
import type { RawData, WebSocket } from 'ws'
import {
  type Channel,
  type ChannelConnection,
  handleChannelEvent,
  join,
  type RealtimeContext,
} from './channel.ts'
import {
  type BroadcastBody,
  decodeFrame,
  encodeBroadcast,
  encodeFrame,
  type Frame,
  type Vsn,
} from './protocol.ts'

/** A client this far behind on reading is dropped rather than buffered without end. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024

export class Connection implements ChannelConnection {
  readonly channels = new Map<string, Channel>()
  closed = false
  lastSeen = Date.now()

  constructor(
    private ctx: RealtimeContext,
    private ws: WebSocket,
    readonly vsn: Vsn,
    readonly apikey: string,
  ) {
    ws.on('message', (data, isBinary) => this.receive(data, isBinary))
    ws.on('close', () => this.cleanup())
    ws.on('error', () => ws.terminate())
  }

  send(frame: Frame) {
    this.write(encodeFrame(this.vsn, frame))
  }

  sendBroadcast(topic: string, userEvent: string, body: BroadcastBody) {
    const data = encodeBroadcast(this.vsn, topic, userEvent, body)
    if (data !== undefined) this.write(data)
  }

  /** Closes the socket (going away), e.g. when the server stops. */
  close(code = 1001, reason = 'server shutting down') {
    this.cleanup()
    try {
      this.ws.close(code, reason)
    } catch {
      this.ws.terminate()
    }
  }

  terminate() {
    this.cleanup()
    this.ws.terminate()
  }

  private write(data: string | Buffer) {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.ctx.log('realtime: dropping a client that does not read its messages')
      this.terminate()
      return
    }
    this.ws.send(data, (error) => {
      if (error) this.terminate()
    })
  }

  private receive(data: RawData, isBinary: boolean) {
    this.lastSeen = Date.now()
    try {
      const buffer = Buffer.isBuffer(data)
        ? data
        : Array.isArray(data)
          ? Buffer.concat(data)
          : Buffer.from(data as ArrayBuffer)
      const frame = decodeFrame(buffer, isBinary, this.vsn)
      if (!frame) return
      this.route(frame)
    } catch (error) {
      this.ctx.log(`realtime: message handling failed: ${(error as Error).message}`)
    }
  }

  private route(frame: Frame) {
    if (frame.topic === 'phoenix') {
      if (frame.event === 'heartbeat') {
        this.send({
          joinRef: null,
          ref: frame.ref,
          topic: 'phoenix',
          event: 'phx_reply',
          payload: { status: 'ok', response: {} },
        })
      }
      return
    }
    if (frame.event === 'phx_join') {
      join(this.ctx, this, frame).catch((error: Error) => {
        this.ctx.log(`realtime: join of ${frame.topic} failed: ${error.message}`)
        const channel = this.channels.get(frame.topic)
        if (channel && !channel.joined) channel.dispose()
        this.send({
          joinRef: frame.joinRef ?? frame.ref,
          ref: frame.ref,
          topic: frame.topic,
          event: 'phx_reply',
          payload: {
            status: 'error',
            response: { reason: 'UnknownErrorOnChannel: Unknown Error on Channel' },
          },
        })
      })
      return
    }
    const channel = this.channels.get(frame.topic)
    if (!channel) {
      this.send({
        joinRef: frame.joinRef,
        ref: frame.ref,
        topic: frame.topic,
        event: 'phx_reply',
        payload: { status: 'error', response: { reason: 'unmatched topic' } },
      })
      return
    }
    handleChannelEvent(channel, frame)
  }

  private cleanup() {
    if (this.closed) return
    this.closed = true
    for (const channel of [...this.channels.values()]) channel.dispose()
    this.channels.clear()
  }
}
