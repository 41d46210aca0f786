/**
 * The four unified message kinds. Anything a vendor offers beyond them (groups, push-to-all,
 * room queries, moderation) lives in that vendor's client, fully typed, not here.
 */
export const MESSAGE_KINDS = ['signal', 'broadcast', 'barrage', 'direct'] as const;

/** One of {@link MESSAGE_KINDS}. */
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Unified priority; providers map it onto the vendor's scale (ZIM `Priority` 1–3). */
export type MessagePriority = 'low' | 'normal' | 'high';

/** Fields every message accepts. */
export interface MessageBase {
  /** Delivery priority where the vendor has one; ignored elsewhere. */
  priority?: MessagePriority;
  /**
   * Vendor options that do not fit the unified model, keyed by provider id, e.g.
   * `{ 'zego-zim': { OfflinePush: { Enable: 1, Title: 'New gift' } } }`. Each provider validates its own.
   */
  extensions?: Readonly<Record<string, unknown>>;
  /** Cancels the send: requests not yet sent are skipped and reported as `ABORTED`. */
  signal?: AbortSignal;
}

/** Application data into a room: the whole room, or only the listed users in it. */
export interface SignalMessage extends MessageBase {
  roomId: string;
  /** Sender user id. Required by most vendors; Tencent live rooms make it optional. */
  from?: string;
  /** Recipients inside the room; omit to reach the whole room (the sender excluded). */
  to?: readonly string[];
  /** The payload, usually JSON text. Limits are in UTF-8 bytes. */
  data: string;
  /** Application tag for the payload (Tencent `BusinessId`, ZIM `SubMsgType`). */
  type?: string | number;
}

/** Reliable text to everyone in a room. */
export interface BroadcastMessage extends MessageBase {
  roomId: string;
  from: string;
  text: string;
  /** Sender display name where the vendor shows one. */
  fromName?: string;
  /** ZEGO's message category: `system` or `chat` (default). */
  category?: 'system' | 'chat';
}

/** High-volume, best-effort text to a room ("bullet screen"). */
export interface BarrageMessage extends MessageBase {
  roomId: string;
  from: string;
  text: string;
  fromName?: string;
  category?: 'system' | 'chat';
}

/** Text to users outside any room. */
export interface DirectTextMessage extends MessageBase {
  from: string;
  to: readonly string[];
  text: string;
}

/** Application data to users outside any room. */
export interface DirectDataMessage extends MessageBase {
  from: string;
  to: readonly string[];
  data: string;
  /** Application tag for the payload (ZIM `SubMsgType`, 0–200). */
  type?: string | number;
}

/** A one-to-one (or one-to-many) message outside rooms. */
export type DirectMessage = DirectTextMessage | DirectDataMessage;

/** The message shape of each kind. */
export interface MessageByKind {
  signal: SignalMessage;
  broadcast: BroadcastMessage;
  barrage: BarrageMessage;
  direct: DirectMessage;
}

/** Any unified message. */
export type AnyMessage = MessageByKind[MessageKind];
