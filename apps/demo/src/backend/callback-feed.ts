import type { CallbackConversation, RoomcastError, RoomcastEvent } from '@roomcast/core';

/** How the dashboard answers the next before-send hook of a vendor. */
export type BeforeSendAction = 'allow' | 'drop' | 'reject';

/** The vendors with a before-send hook: ZIM `before_send_msg`, Tencent `Group.CallbackBeforeSendMsg`. */
export const BEFORE_SEND_VENDORS = ['zego-zim', 'trtc'] as const;
export type BeforeSendVendor = (typeof BEFORE_SEND_VENDORS)[number];

export function isBeforeSendVendor(value: unknown): value is BeforeSendVendor {
  return value === 'zego-zim' || value === 'trtc';
}

/** A verified callback as the dashboard shows it: the unified fields plus the vendor's payload. */
export interface VerifiedCallbackEntry {
  id: number;
  ok: true;
  /** When the demo received it (Unix ms); `at` is the vendor's own time. */
  receivedAt: number;
  type: RoomcastEvent['type'];
  name: string;
  provider: string;
  alias: string;
  at: number | undefined;
  roomId?: string | undefined;
  userIds?: readonly string[] | undefined;
  streamId?: string | undefined;
  reason?: string | undefined;
  conversation?: CallbackConversation | undefined;
  from?: string | undefined;
  messageId?: string | undefined;
  text?: string | undefined;
  /** `message.sent` only: false when the vendor reports the send failed (a dropped ZIM message). */
  sent?: boolean | undefined;
  /** `message.beforeSend` only: what the demo answered. */
  answer?: BeforeSendAction | undefined;
  /** The vendor's payload as the provider parsed it (ZEGO's `signature` already removed). */
  vendor: unknown;
}

/** A callback that failed verification (forged, stale, unsigned) or routing: never an event. */
export interface RejectedCallbackEntry {
  id: number;
  ok: false;
  receivedAt: number;
  alias: string;
  code: string;
  message: string;
  httpStatus: number;
}

export type CallbackEntry = VerifiedCallbackEntry | RejectedCallbackEntry;

/** What `GET /api/callbacks` answers and the `before-send` event carries. */
export type BeforeSendState = Record<BeforeSendVendor, BeforeSendAction>;

const KEEP = 50;
const REJECT_CODE = 10100; // Tencent's first custom refusal code; ZIM shows its own 111101.
const REJECT_TEXT = 'Rejected in the roomcast dashboard';

/** HTTP status for a callback the registry refused: 401 for anything unverified. */
function statusOf(error: RoomcastError): number {
  if (error.code === 'UNAUTHENTICATED') return 401;
  if (error.code === 'PAYLOAD_TOO_LARGE') return 413;
  if (error.code === 'UNSUPPORTED') return 501;
  return 400;
}

/** The unified fields worth a column, whatever the event type (undefined ones are dropped by JSON). */
function summarize(event: RoomcastEvent): Omit<VerifiedCallbackEntry, 'id' | 'ok' | 'receivedAt'> {
  const fields = event as unknown as Record<string, unknown>;
  const conversation = fields.conversation as CallbackConversation | undefined;
  const userIds =
    (fields.userIds as readonly string[] | undefined) ??
    (typeof fields.userId === 'string' ? [fields.userId] : undefined);
  return {
    type: event.type,
    name: event.name,
    provider: event.provider,
    alias: event.alias,
    at: event.at,
    roomId:
      (fields.roomId as string | undefined) ?? (conversation?.type === 'room' ? conversation.id : undefined),
    userIds,
    streamId: fields.streamId as string | undefined,
    reason: fields.reason as string | undefined,
    conversation,
    from: fields.from as string | undefined,
    messageId: fields.messageId as string | undefined,
    text: fields.text as string | undefined,
    sent: event.type === 'message.sent' ? event.ok : undefined,
    vendor: event.vendor,
  };
}

/**
 * The callbacks the dashboard received: answers each verified event (before-send hooks as the
 * dashboard's toggle says, once, then back to allow), keeps the last few for a page that opens
 * later, and publishes every entry, verified or refused, on the event stream.
 */
export class CallbackFeed {
  private nextId = 1;
  private readonly entries: CallbackEntry[] = [];
  private readonly next: BeforeSendState = { 'zego-zim': 'allow', trtc: 'allow' };

  constructor(private readonly publish: (type: string, data: unknown) => void) {}

  /** The last entries, newest first. */
  recent(): CallbackEntry[] {
    return [...this.entries].reverse();
  }

  beforeSend(): BeforeSendState {
    return { ...this.next };
  }

  /** Sets how the vendor's next before-send hook is answered. */
  setBeforeSend(vendor: BeforeSendVendor, action: BeforeSendAction): BeforeSendState {
    this.next[vendor] = action;
    this.publish('before-send', this.beforeSend());
    return this.beforeSend();
  }

  /** The answer to give the vendor for a verified event; records it. */
  answer(event: RoomcastEvent): Response {
    if (event.type !== 'message.beforeSend') {
      this.record({ ...summarize(event), ok: true });
      return event.ack();
    }
    const vendor = event.provider;
    const action = isBeforeSendVendor(vendor) ? this.next[vendor] : 'allow';
    if (isBeforeSendVendor(vendor) && action !== 'allow') this.setBeforeSend(vendor, 'allow');
    this.record({ ...summarize(event), ok: true, answer: action });
    if (action === 'drop') return event.reply.drop();
    if (action === 'reject') return event.reply.reject(REJECT_CODE, REJECT_TEXT);
    return event.reply.allow();
  }

  /** The answer to a callback the registry refused; records it as an error entry. */
  refuse(alias: string, error: RoomcastError): Response {
    const httpStatus = statusOf(error);
    this.record({ ok: false, alias, code: error.code, message: error.message, httpStatus });
    return Response.json({ error: { code: error.code, message: error.message } }, { status: httpStatus });
  }

  private record(
    entry:
      | Omit<VerifiedCallbackEntry, 'id' | 'receivedAt'>
      | Omit<RejectedCallbackEntry, 'id' | 'receivedAt'>,
  ): void {
    const full = { ...entry, id: this.nextId++, receivedAt: Date.now() } as CallbackEntry;
    this.entries.push(full);
    if (this.entries.length > KEEP) this.entries.shift();
    this.publish('callback', full);
  }
}
