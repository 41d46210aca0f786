export { type CallbackFieldReader, callbackFields } from './callbacks/field-reader.js';
export type { HandleCallbackOptions } from './callbacks/handle-callback.js';
export { parseJsonLossless, quoteUnsafeIntegers } from './callbacks/lossless-json.js';
export {
  type CallbackBody,
  DEFAULT_MAX_CALLBACK_BYTES,
  type ReadCallbackBodyOptions,
  readCallbackBody,
} from './callbacks/read-body.js';
export { jsonResponse } from './callbacks/responses.js';
export {
  assertFresh,
  checkMaxSkew,
  constantTimeEqual,
  type FreshnessCheck,
  nowSeconds,
} from './callbacks/verify-helpers.js';
export { ROOMCAST_ERROR_CODES, type RoomcastErrorCode } from './errors/codes.js';
export {
  isRoomcastError,
  type RecipientFailure,
  RoomcastError,
  type RoomcastErrorOptions,
} from './errors/roomcast-error.js';
export { type SafeCause, safeUrl, stripUrlQueries } from './errors/sanitize.js';
export { isLoopbackHost, joinUrl, resolveBaseUrl } from './http/base-url.js';
export type { ErrorInfo, HttpHooks, RequestInfo, ResponseInfo, RetryInfo } from './http/hooks.js';
export {
  type BodySummary,
  createHttpClient,
  DEFAULT_TIMEOUT_MS,
  type HttpClient,
  type HttpClientConfig,
  type HttpRequest,
  type HttpResponse,
} from './http/http-client.js';
export { parseRetryAfter } from './http/retry-after.js';
export type { RetryOptions } from './pipeline/retry-policy.js';
export type { SendOptions } from './pipeline/send-options.js';
export type { OnLimit } from './rate-limit/limiter.js';
export { type MemoryRateLimitStoreOptions, memoryRateLimitStore } from './rate-limit/memory-store.js';
export type {
  DeniedReservation,
  GrantedReservation,
  QuotaRate,
  RateLimitStore,
  Reservation,
  ReserveOptions,
} from './rate-limit/store.js';
export type {
  AnyProvider,
  CallbackEventOf,
  ChannelId,
  KindOfChannel,
  MessageFor,
  ProviderMap,
} from './registry/channel-types.js';
export {
  type ChannelInfo,
  createRoomcast,
  type Roomcast,
  type RoomcastOptions,
} from './registry/create-roomcast.js';
export { assertValidProvider, defineProvider } from './registry/define-provider.js';
export type { RoomcastSettings } from './registry/options.js';
export type { CallbackContext, CallbackEventOfProvider, CallbackHandler } from './spec/callbacks.js';
export type { Audience, Capabilities, Delivery, KindCapability, QuotaSpec } from './spec/capabilities.js';
export {
  type BeforeSendReply,
  type CallbackConversation,
  type CallbackEventBase,
  type MessageBeforeSendEvent,
  type MessageFields,
  type MessageSentEvent,
  type OtherCallbackEvent,
  ROOMCAST_EVENT_TYPES,
  type RoomClosedEvent,
  type RoomCreatedEvent,
  type RoomcastEvent,
  type RoomcastEventType,
  type StreamClosedEvent,
  type StreamCreatedEvent,
  type UserJoinedEvent,
  type UserLeftEvent,
} from './spec/events.js';
export {
  type AnyMessage,
  type BarrageMessage,
  type BroadcastMessage,
  type DirectDataMessage,
  type DirectMessage,
  type DirectTextMessage,
  MESSAGE_KINDS,
  type MessageBase,
  type MessageByKind,
  type MessageKind,
  type MessagePriority,
  type SignalMessage,
} from './spec/messages.js';
export type {
  AttemptContext,
  KindsOf,
  Provider,
  ProviderOutcome,
  ProviderRequest,
  UntypedProvider,
} from './spec/provider.js';
export type { SendProgress, SendResult } from './spec/result.js';
export { SPEC_VERSION, type SpecVersion } from './spec/version.js';
export { sleep } from './util/abort.js';
export {
  type CheckContext,
  checkByteLength,
  describeType,
  optionalString,
  requireId,
  requireInteger,
  requireObject,
  requireRecipients,
  requireString,
} from './validation/checks.js';
export { formatCount, utf8ByteLength } from './validation/utf8.js';
