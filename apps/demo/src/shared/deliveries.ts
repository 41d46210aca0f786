import type { Delivery } from '@roomcast/emulator';

/** A delivery as the dashboard receives it: the emulator's record, tagged for the barrage stage. */
export interface DeliveryEvent {
  id: number;
  vendor: Delivery['vendor'];
  /** The client SDK callback that fired, e.g. `onIMRecvCustomCommand`. */
  callback: string;
  to: string;
  from: string;
  roomId?: string | undefined;
  content: string;
  messageId?: string | undefined;
  requestId: string;
  at: number;
  /** True for bullet-screen messages (ZEGO RTC barrage, ZIM type 20), which scroll across the stage. */
  barrage: boolean;
  raw: Record<string, unknown>;
}

export function toDeliveryEvent(d: Delivery): DeliveryEvent {
  return {
    id: d.id,
    vendor: d.vendor,
    callback: d.callback,
    to: d.to,
    from: d.from,
    roomId: d.roomId,
    content: d.content,
    messageId: d.messageId,
    requestId: d.requestId,
    at: d.at,
    barrage: d.callback === 'onIMRecvBarrageMessage' || (d.vendor === 'zego-zim' && d.raw.type === 20),
    raw: d.raw,
  };
}
