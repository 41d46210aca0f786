export {
  readZegoCallback,
  type ZegoCallbackCommon,
  type ZegoCallbackSettings,
} from './callback-request.js';
export {
  signZegoCallback,
  type VerifyZegoCallbackInput,
  verifyZegoCallback,
  ZEGO_CALLBACK_MAX_SKEW_SECONDS,
  type ZegoCallbackSignatureInput,
} from './callback-signature.js';
export type { ZegoCodeInfo } from './code-info.js';
export { validateZegoConfig, ZEGO_CLIENT_CONFIG_KEYS, type ZegoClientConfig } from './config.js';
export { parseZegoEnvelope, summarizeZegoBody, type ZegoEnvelope } from './envelope.js';
export { ZEGO_GATEWAY_CODES, ZEGO_SIGNATURE_EXPIRED } from './gateway-codes.js';
export { createSignatureNonce } from './nonce.js';
export { buildQuery, encodeQueryKey, encodeQueryValue, type ZegoQueryParams } from './query.js';
export { isZegoRegion, ZEGO_REGIONS, type ZegoProduct, type ZegoRegion, zegoOrigin } from './regions.js';
export { signZegoRequest, type ZegoSignatureInput } from './sign.js';
export {
  createZegoTransport,
  type ZegoCall,
  type ZegoTransport,
  type ZegoTransportMeta,
} from './transport.js';
export { createZegoError, unknownZegoCode, type ZegoErrorContext } from './zego-error.js';
