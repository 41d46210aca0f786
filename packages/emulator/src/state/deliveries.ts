import type { VendorId } from '../types.js';

/** One message as a simulated client received it. */
export interface Delivery {
  /** Increasing from 1. */
  id: number;
  vendor: VendorId;
  /**
   * The client SDK callback that would fire: `onIMRecvCustomCommand`, `onIMRecvBroadcastMessage`,
   * `onIMRecvBarrageMessage`, `onRoomStateChanged` (ZEGO RTC); `peerMessageReceived`,
   * `roomMessageReceived`, `groupMessageReceived`, `broadcastMessageReceived` (ZIM);
   * `onRecvNewMessage` (Tencent).
   */
  callback: string;
  /** The receiving user. */
  to: string;
  /** The sender. */
  from: string;
  roomId?: string | undefined;
  groupId?: string | undefined;
  /** The message text or data, decoded. */
  content: string;
  /** The vendor message id / sequence, as a string. */
  messageId?: string | undefined;
  /** True for ZIM's copy to the sender's own client (`SenderUnaware: 0`). */
  senderCopy?: boolean | undefined;
  /** Emulator clock (ms). */
  at: number;
  /** The vendor RequestId of the request that caused it. */
  requestId: string;
  /** Vendor-shaped details (field names as the client SDK shows them). */
  raw: Record<string, unknown>;
}

export interface DeliveryFilter {
  vendor?: VendorId | undefined;
  roomId?: string | undefined;
  userId?: string | undefined;
}

export function matchesDelivery(d: Delivery, f: DeliveryFilter): boolean {
  return (
    (f.vendor === undefined || d.vendor === f.vendor) &&
    (f.roomId === undefined || d.roomId === f.roomId || d.groupId === f.roomId) &&
    (f.userId === undefined || d.to === f.userId)
  );
}

type Listener = (delivery: Delivery) => void;

/** Every delivery in order, with per-user lookups and live listeners (the SSE stream). */
export class DeliveryLog {
  private entries: Delivery[] = [];
  private nextId = 1;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly maxEntries: number) {}

  add(fields: Omit<Delivery, 'id'>): Delivery {
    const delivery: Delivery = { id: this.nextId++, ...fields };
    this.entries.push(delivery);
    if (this.entries.length > this.maxEntries * 1.1) this.entries = this.entries.slice(-this.maxEntries);
    for (const listener of this.listeners) listener(delivery);
    return delivery;
  }

  list(filter?: DeliveryFilter): Delivery[] {
    return filter ? this.entries.filter((d) => matchesDelivery(d, filter)) : this.entries.slice();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.entries = [];
    this.nextId = 1;
  }
}
