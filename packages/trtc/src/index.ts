export { type TrtcCallbackConfig, trtcCallbacks } from './callbacks/handler.js';
export type { TrtcCallbackQuery } from './callbacks/query.js';
export { trtcAck, trtcBeforeSendReply } from './callbacks/reply.js';
export type {
  TrtcAfterCreateRoomCallback,
  TrtcAfterDestroyRoomCallback,
  TrtcAfterSendMsgCallback,
  TrtcBeforeSendMsgCallback,
  TrtcBeforeSendReply,
  TrtcCallbackCommon,
  TrtcCallbackQueryFields,
  TrtcEvent,
  TrtcGroupMsgFields,
  TrtcLiveCustomData,
  TrtcMemberStateChangedCallback,
  TrtcMsgElement,
  TrtcOtherCallback,
  TrtcRewrite,
} from './callbacks/types.js';
export {
  signTrtcCallback,
  TRTC_CALLBACK_MAX_SKEW_SECONDS,
  type VerifyTrtcCallbackInput,
  verifyTrtcCallback,
} from './callbacks/verify.js';
export { createTrtcClient } from './client/create-client.js';
export type { TrtcEnvelope } from './client/envelope.js';
export { buildTrtcQuery, LIVE_ENGINE_PATH } from './client/transport.js';
export type {
  CreateRoomInfo,
  CreateRoomRequest,
  CreateRoomResponse,
  DestroyRoomResponse,
  GetRoomInfoResponse,
  RoomIdRequest,
  RoomInfo,
  RoomStatistic,
  SendCustomMsgRequest,
  SendMsgResponse,
  SendTextMsgRequest,
  TakeSeatMode,
  TrtcCallOptions,
  TrtcClient,
  TrtcConfig,
  TrtcResult,
} from './client/types.js';
export { MAX_MESSAGE_BYTES, MAX_ROOM_ID_BYTES } from './client/validate.js';
export { TRTC_CODES, type TrtcCodeInfo, type TrtcCodeSource, trtcCodeInfo } from './codes.js';
export {
  SIGNAL_MAX_DATA_BYTES,
  TRTC_API_RATE_PER_SECOND,
  type TrtcKind,
  trtcCapabilities,
} from './provider/capabilities.js';
export type { TrtcBroadcastExtensions } from './provider/map-message.js';
export { type TrtcProvider, trtc } from './provider/trtc.js';
export {
  DEFAULT_TRTC_REGION,
  TRTC_REGIONS,
  type TrtcRegion,
  type TrtcRegionInfo,
  trtcBackupBaseUrl,
  trtcBaseUrl,
} from './regions.js';
export {
  createUserSigCache,
  DEFAULT_USER_SIG_TTL_SECONDS,
  renewalMarginSeconds,
  type UserSigCache,
  type UserSigCacheOptions,
} from './usersig/cache.js';
export {
  type GenUserSigOptions,
  genUserSig,
  type UserSigFields,
  userSigStringToSign,
} from './usersig/gen-user-sig.js';
export { MAX_EXPIRE_SECONDS, MAX_USER_ID_BYTES } from './usersig/inputs.js';
export { inspectUserSig, type UserSigInfo } from './usersig/inspect-user-sig.js';
