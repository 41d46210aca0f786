/**
 * The unified callback events: what a vendor's webhook says happened, after its signature was
 * verified. Each event keeps the vendor's parsed payload in `vendor`, typed by the provider package
 * (a union member is `RoomCreatedEvent<'zego-rtc', ZegoRoomCreateCallback>`), so nothing the unified
 * fields leave out is lost.
 */

/** Fields of every callback event. */
export interface CallbackEventBase<T extends string, P extends string, V> {
  /** What happened, vendor-neutral: switch on it. */
  readonly type: T;
  /** The provider id that verified the callback (`zego-rtc`, `zego-zim`, `trtc`). */
  readonly provider: P;
  /** The registry alias the callback was routed to (`zego`, `tencent`). */
  readonly alias: string;
  /** The vendor's own name of the callback: ZEGO `event`, Tencent `CallbackCommand`. */
  readonly name: string;
  /** When it happened, Unix milliseconds, as the vendor reports it (`undefined` when it does not). */
  readonly at: number | undefined;
  /** The vendor's payload, parsed (64-bit integers kept exact as decimal strings) and typed. */
  readonly vendor: V;
  /**
   * The answer the vendor expects when the callback needs no decision: a 2xx `Response` with the
   * vendor's success body (Tencent `{"ActionStatus":"OK","ErrorCode":0,…}`). For
   * `message.beforeSend` it is `reply.allow()`.
   */
  ack(): Response;
}

/** A room came into being. */
export interface RoomCreatedEvent<P extends string = string, V = unknown>
  extends CallbackEventBase<'room.created', P, V> {
  readonly roomId: string;
  /** Who created it, when the vendor says (ZEGO RTC `id_name`, ZIM/Tencent operator). */
  readonly userId: string | undefined;
}

/** A room ended. */
export interface RoomClosedEvent<P extends string = string, V = unknown>
  extends CallbackEventBase<'room.closed', P, V> {
  readonly roomId: string;
  /** The vendor's reason, as text (ZEGO `close_reason` "0", Tencent `DestroyByUser`). */
  readonly reason: string | undefined;
}

/** Users entered a room (one for ZEGO RTC logins, several for ZIM and Tencent). */
export interface UserJoinedEvent<P extends string = string, V = unknown>
  extends CallbackEventBase<'user.joined', P, V> {
  readonly roomId: string;
  readonly userIds: readonly string[];
}

/** Users left a room, or dropped out of it. */
export interface UserLeftEvent<P extends string = string, V = unknown>
  extends CallbackEventBase<'user.left', P, V> {
  readonly roomId: string;
  readonly userIds: readonly string[];
  /** The vendor's reason, as text (ZEGO `reason` "1", ZIM `exit_type` Kickout, Tencent `EventCause`). */
  readonly reason: string | undefined;
}

/** Where a message goes: a room, a chat group, or one user. */
export interface CallbackConversation {
  readonly type: 'room' | 'group' | 'peer';
  /** Room id, group id, or the receiving user id. */
  readonly id: string;
}

/** Fields of both message events. */
export interface MessageFields {
  readonly conversation: CallbackConversation;
  /** The sender's user id. */
  readonly from: string;
  /** The vendor's message id, when it has one. */
  readonly messageId: string | undefined;
  /** The text, when the message is plain text; other bodies are in `vendor`. */
  readonly text: string | undefined;
}

/** A message was sent (or, where the vendor reports failures too, attempted: see `ok`). */
export interface MessageSentEvent<P extends string = string, V = unknown>
  extends CallbackEventBase<'message.sent', P, V>,
    MessageFields {
  /** False when the vendor reports that sending failed (ZIM `send_result` ≠ 0). */
  readonly ok: boolean;
}

/**
 * The answers to a "before send" hook. Each returns the `Response` to give the vendor, with its
 * JSON body and status, so a handler ends with `return event.reply.drop()`.
 *
 * `B` is the body `rewrite` takes; it is `never` for vendors that cannot rewrite (ZIM), whose
 * `rewrite` throws `UNSUPPORTED`.
 */
export interface BeforeSendReply<B = unknown> {
  /** Deliver the message as it is. */
  allow(): Response;
  /** Do not deliver, but tell the sender it was sent (a silent drop). */
  drop(): Response;
  /**
   * Do not deliver, and tell the sender it was refused. `code` is the vendor's custom code where it
   * has one (Tencent 10100–10200; ZIM shows its own 111101 and ignores `code`), `text` the reason.
   */
  reject(code?: number, text?: string): Response;
  /** Deliver this body instead (Tencent `MsgBody` / `CloudCustomData`). */
  rewrite(body: B): Response;
  /** Whether this vendor can {@link rewrite}. */
  readonly canRewrite: boolean;
}

/** A message is about to be delivered, and the vendor waits for the answer in `reply`. */
export interface MessageBeforeSendEvent<P extends string = string, V = unknown, B = unknown>
  extends CallbackEventBase<'message.beforeSend', P, V>,
    MessageFields {
  readonly reply: BeforeSendReply<B>;
}

/** A media stream started publishing in a room (ZEGO RTC). */
export interface StreamCreatedEvent<P extends string = string, V = unknown>
  extends CallbackEventBase<'stream.created', P, V> {
  readonly roomId: string;
  readonly userId: string;
  readonly streamId: string;
}

/** A media stream stopped (ZEGO RTC). */
export interface StreamClosedEvent<P extends string = string, V = unknown>
  extends CallbackEventBase<'stream.closed', P, V> {
  readonly roomId: string;
  readonly userId: string;
  readonly streamId: string;
  /** The vendor's reason, as text (ZEGO `type`: "0" normal … "100" DeleteStream). */
  readonly reason: string | undefined;
}

/**
 * A verified callback with no unified meaning (ZIM group events, Tencent room metadata…): read
 * `name` and `vendor`.
 */
export interface OtherCallbackEvent<P extends string = string, V = unknown>
  extends CallbackEventBase<'other', P, V> {}

/** Any unified callback event. */
export type RoomcastEvent =
  | RoomCreatedEvent
  | RoomClosedEvent
  | UserJoinedEvent
  | UserLeftEvent
  | MessageSentEvent
  | MessageBeforeSendEvent
  | StreamCreatedEvent
  | StreamClosedEvent
  | OtherCallbackEvent;

/** The `type` of every unified event. */
export type RoomcastEventType = RoomcastEvent['type'];

/** Every event type, as data. */
export const ROOMCAST_EVENT_TYPES = [
  'room.created',
  'room.closed',
  'user.joined',
  'user.left',
  'message.sent',
  'message.beforeSend',
  'stream.created',
  'stream.closed',
  'other',
] as const satisfies readonly RoomcastEventType[];
