export { ZEGO_RTC_ACTIONS, type ZegoRtcAction } from './actions.js';
export { type ZegoRtcCallbackConfig, zegoRtcCallbacks } from './callbacks/handler.js';
export type {
  ZegoRoomCloseCallback,
  ZegoRoomCreateCallback,
  ZegoRoomLoginCallback,
  ZegoRoomLogoutCallback,
  ZegoRtcEvent,
  ZegoRtcOtherCallback,
  ZegoStreamCloseCallback,
  ZegoStreamCreateCallback,
} from './callbacks/types.js';
export { createZegoRtcClient, type ZegoRtcClient } from './client/create-client.js';
export { mapZegoRtcCode, ZEGO_RTC_CODES } from './codes.js';
export { validateZegoRtcConfig, type ZegoRtcConfig } from './config.js';
export { ZEGO_RTC_LIMITS } from './limits.js';
export { type ZegoRtcKind, zegoRtcCapabilities } from './provider/capabilities.js';
export type { ZegoRtcExtensions } from './provider/extensions.js';
export { validateZegoRtcRequest, type ZegoRtcProvider, zegoRtc } from './provider/zego-rtc.js';
export { environmentOf, ZEGO_RTC_RATE_LIMITS, type ZegoRtcRateLimit, zegoRtcQuotas } from './rate-limits.js';
export type * from './types.js';
export { PROVIDER_ID as ZEGO_RTC_PROVIDER_ID } from './version.js';
