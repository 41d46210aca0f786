export { zimAudio, zimCombined, zimFile, zimImage, zimVideo } from './builders.js';
export { type ZegoZimCallbackConfig, zegoZimCallbacks } from './callbacks/handler.js';
export { decodeZimMsgBody } from './callbacks/parse.js';
export { zimBeforeSendReply } from './callbacks/reply.js';
export type {
  ZegoZimEvent,
  ZimBeforeSendMsgCallback,
  ZimBeforeSendReply,
  ZimConversationType,
  ZimMessageFields,
  ZimOtherCallback,
  ZimRoomCreateCallback,
  ZimRoomDestroyCallback,
  ZimRoomEnterCallback,
  ZimRoomExitCallback,
  ZimSendMsgCallback,
  ZimSendMsgUser,
} from './callbacks/types.js';
export {
  createZegoZimClient,
  type ZegoZimClient,
  type ZimCallOptions,
} from './client/create-client.js';
export { lookupZimCode, ZIM_CODE_TABLE, type ZimCodeInfo, type ZimCodeRow } from './codes.js';
export type { ZegoZimConfig } from './config.js';
export {
  ZIM_DEFAULT_MESSAGE_LIMITS,
  ZIM_FIELD_LIMITS,
  ZIM_MAX_CONFIGURABLE_BYTES,
  type ZimMessageLimits,
} from './limits.js';
export type { ZegoZimKind } from './provider/capabilities.js';
export type { ZegoZimExtensions } from './provider/extensions.js';
export { ZIM_PRIORITY } from './provider/to-vendor.js';
export { type ZegoZimProvider, zegoZim } from './provider/zego-zim.js';
export { ZIM_RATE_LIMITS, type ZimAction, type ZimRate, zimQuotas } from './rate-limits.js';
export type {
  ZimAudioContent,
  ZimCombinedContent,
  ZimCombinedItem,
  ZimCombinedItemType,
  ZimFileContent,
  ZimImageContent,
  ZimImageInfo,
  ZimVideoContent,
} from './types/media.js';
export type {
  ZimAllUsersMessage,
  ZimCommandBody,
  ZimConversationMessage,
  ZimMediaBody,
  ZimMessageOf,
  ZimPushFields,
  ZimRoomMessage,
  ZimTextBody,
} from './types/message-body.js';
export {
  messageTypeName,
  ZIM_MESSAGE_TYPES,
  type ZimMessageType,
  type ZimMessageTypeName,
  type ZimPriority,
} from './types/message-types.js';
export type { ZimOfflinePush, ZimPushImageInfo } from './types/offline-push.js';
export type {
  QueryUserOnlineStateRequest,
  SendGroupMessageRequest,
  SendMessageToAllUsersRequest,
  SendPeerMessageRequest,
  SendRoomMessageRequest,
  ZimPushType,
  ZimTargetOption,
} from './types/requests.js';
export type {
  QueryUserOnlineStateResponse,
  SendGroupMessageResponse,
  SendMessageToAllUsersResponse,
  SendPeerMessageResponse,
  SendRoomMessageResponse,
  ZimAuditInfo,
  ZimErrorEntry,
  ZimResponseEnvelope,
  ZimSuccessEntry,
  ZimUserOnlineState,
} from './types/responses.js';
export { ZIM_ID_PATTERN } from './validation/ids.js';
