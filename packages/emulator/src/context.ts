import type { CallbackDispatcher } from './callbacks/dispatcher.js';
import type { Faults } from './faults/faults.js';
import type { FaultKind, FaultRule } from './faults/rules.js';
import type { RateLimiter } from './rate-limit/limiter.js';
import type { Behavior, SizeLimits } from './settings.js';
import type { DeliveryLog } from './state/deliveries.js';
import type { RequestLog } from './state/request-log.js';
import type { RtcRooms } from './state/rtc-rooms.js';
import type { TrtcRooms } from './state/trtc-rooms.js';
import type { ZimState } from './state/zim-state.js';
import type { EmulatorCredentials, VendorId } from './types.js';
import type { Clock } from './util/clock.js';
import type { Random } from './util/random.js';

/** Everything the handlers share: configuration, state and logs of one emulator instance. */
export interface EmulatorContext {
  readonly credentials: EmulatorCredentials;
  readonly clock: Clock;
  readonly random: Random;
  readonly sizes: SizeLimits;
  readonly behavior: Behavior;
  /** ZEGO RTC app has only a test environment (created on/before 2021-11-16 and never upgraded). */
  readonly isTestApp: boolean;
  readonly log: RequestLog;
  readonly deliveries: DeliveryLog;
  readonly faults: Faults;
  readonly limiter: RateLimiter;
  readonly rtc: RtcRooms;
  readonly zim: ZimState;
  readonly trtc: TrtcRooms;
  /** Tencent RequestId sequence (`...-O-Seq-<n>`). */
  tencentSeq: number;
  /** Vendor callbacks (webhooks) to the configured receivers. */
  readonly callbacks: CallbackDispatcher;
}

/** A vendor request as the server read it. */
export interface VendorRequest {
  method: string;
  /** The path below the vendor's base path, e.g. `/` or `/v4/live_engine_http_srv/send_custom_msg`. */
  path: string;
  rawQuery: string;
  body: Buffer;
}

/** What the router needs to know before it authenticates: for the log and for fault matching. */
export interface Identified {
  action: string;
  credential: string | null;
}

/** The vendor answer (always HTTP 200: both vendors report business errors in the body). */
export interface VendorAnswer {
  code: number;
  requestId: string;
  body: unknown;
  roomId?: string | undefined;
  /** A business-phase fault (code, drop) that shaped this answer. */
  fault?: FaultKind | undefined;
}

export interface VendorHandler<I extends Identified = Identified> {
  readonly vendor: VendorId;
  identify(request: VendorRequest): I;
  /** Runs the request; `deliver: false` answers as usual but delivers nothing (a 'drop' fault). */
  handle(request: VendorRequest, identified: I): VendorAnswer | Promise<VendorAnswer>;
  /** The first bytes of a valid answer, for the 'malformed' fault. */
  readonly malformedPrefix: string;
}

export type BusinessFault = Extract<FaultRule, { kind: 'code' } | { kind: 'drop' }>;
