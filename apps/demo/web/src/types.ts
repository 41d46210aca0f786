import type { ChannelInfo } from '@roomcast/core';
import type { VendorMode } from '../../src/backend/backend.js';
import type { VendorId } from '../../src/shared/vendors.js';

export type { VendorCallEvent } from '../../src/backend/call-log.js';
export type { BeforeSendState, CallbackEntry } from '../../src/backend/callback-feed.js';
export type { FanoutSnapshot } from '../../src/backend/fanout.js';
export type { DeliveryEvent } from '../../src/shared/deliveries.js';
export type { SendErrorJson, SendResultJson } from '../../src/shared/serialize.js';
export type { VendorId, VendorMode };

/** A channel as `GET /api/channels` lists it. */
export interface Channel extends ChannelInfo {
  vendor: VendorId;
  mode: VendorMode;
}

export interface ChannelsReply {
  channels: Channel[];
  modes: Record<VendorId, VendorMode>;
  emulator: { url: string } | null;
}
