import type { ZegoCodeInfo } from './code-info.js';

/** The gateway's "signature expired" code: the transport re-signs and resends once on it. */
export const ZEGO_SIGNATURE_EXPIRED = 100000004;

/**
 * ZEGO gateway return codes (100000000–100000017), shared by every product behind the v2 gateway
 * (RTC, ZIM, …). They concern the request envelope — host, AppId, signature, Action — never the
 * business call, so none of them means the message was sent.
 */
export const ZEGO_GATEWAY_CODES: Readonly<Record<number, ZegoCodeInfo>> = {
  100000000: {
    code: 'INVALID_ARGUMENT',
    retryable: false,
    message:
      'the Host header is wrong: check baseUrl or region (use the documented ZEGO origin for the product)',
  },
  100000001: {
    code: 'UNAUTHENTICATED',
    retryable: false,
    message: 'the AppId is malformed: use the numeric AppID from the ZEGO console',
  },
  100000002: { code: 'INVALID_ARGUMENT', retryable: false, message: 'the Timestamp parameter is empty' },
  100000003: {
    code: 'INVALID_ARGUMENT',
    retryable: false,
    message:
      'the Timestamp is malformed: it must be Unix seconds (check a custom now() returns milliseconds)',
  },
  100000004: {
    code: 'UNAUTHENTICATED',
    retryable: false,
    message:
      'the signature expired even after re-signing: ZEGO accepts Timestamps within ±10 minutes of its clock, so check this server clock (NTP)',
  },
  100000005: {
    code: 'UNAUTHENTICATED',
    retryable: false,
    message: 'the signature is wrong: check that serverSecret is the ServerSecret of this AppId',
  },
  100000006: { code: 'INVALID_ARGUMENT', retryable: false, message: 'the Action parameter is empty' },
  100000007: {
    code: 'UNSUPPORTED',
    retryable: false,
    message: 'ZEGO does not support this Action on this host: check the product origin (rtc vs zim)',
  },
  100000008: { code: 'INVALID_ARGUMENT', retryable: false, message: 'the SignatureNonce parameter is empty' },
  100000009: { code: 'INVALID_ARGUMENT', retryable: false, message: 'the Signature parameter is empty' },
  100000010: {
    code: 'UNAUTHENTICATED',
    retryable: false,
    message: 'ZEGO found no ServerSecret for this AppId: check appId (and isTest for older projects)',
  },
  100000011: {
    code: 'PROVIDER_ERROR',
    retryable: false,
    message: 'ZEGO could not load the app configuration: check appId, or contact ZEGO support',
  },
  100000012: {
    code: 'PROVIDER_ERROR',
    retryable: true,
    message: 'the gateway could not read the request body; nothing was processed, so it is safe to resend',
  },
  100000013: {
    code: 'INVALID_ARGUMENT',
    retryable: false,
    message: 'the SignatureVersion parameter is empty',
  },
  100000014: {
    code: 'INVALID_ARGUMENT',
    retryable: false,
    message: 'the SignatureVersion is not supported: ZEGO accepts only 2.0',
  },
  100000015: {
    code: 'UNAVAILABLE',
    retryable: false,
    ambiguous: true,
    message: 'the ZEGO gateway had an internal error; the request may or may not have been processed',
  },
  100000016: {
    code: 'PERMISSION_DENIED',
    retryable: false,
    message: 'this app has no production environment: set isTest: true (projects created before 2021-11-17)',
  },
  100000017: {
    code: 'PERMISSION_DENIED',
    retryable: false,
    message: 'this app has not enabled the service: enable it in the ZEGO console or contact ZEGO',
  },
};
