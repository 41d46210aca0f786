export { ZEGO_RETRY_DELAYS_MS } from './callbacks/dispatcher.js';
export type {
  CallbackAttempt,
  CallbackOptions,
  CallbackTargets,
  TrtcCallbackTarget,
  ZegoCallbackTarget,
} from './callbacks/types.js';
export type { ZimClientMessage, ZimClientSendResult } from './callbacks/zim-client-send.js';
export { type CredentialOverrides, DEFAULT_CREDENTIALS } from './credentials.js';
export type { Emulator, StartEmulatorOptions } from './emulator.js';
export type { ActiveFault } from './faults/faults.js';
export type { FaultEffect, FaultKind, FaultMatch, FaultRule } from './faults/rules.js';
export type { Fixtures } from './fixtures.js';
export { type ActionLimit, type RateLimitOption, VENDOR_LIMITS } from './rate-limit/limits.js';
export { type Behavior, DEFAULT_BEHAVIOR, DEFAULT_SIZE_LIMITS, type SizeLimits } from './settings.js';
export { startEmulator } from './start.js';
export type { Delivery, DeliveryFilter } from './state/deliveries.js';
export type { RequestFilter, RequestLogEntry } from './state/request-log.js';
export type { JoinOptions, RtcUser } from './state/rtc-rooms.js';
export type { TrtcRoomInfo } from './state/trtc-rooms.js';
export type { EmulatorCredentials, TrtcCredentials, VendorId, ZegoAppCredentials } from './types.js';
export type { Clock } from './util/clock.js';
