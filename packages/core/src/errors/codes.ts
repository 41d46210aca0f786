/**
 * The closed set of error codes every provider maps its vendor's answers onto.
 * Callers branch on these; the vendor's own number stays available as `providerCode`.
 */
export const ROOMCAST_ERROR_CODES = [
  'INVALID_ARGUMENT',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_RECIPIENTS',
  'UNAUTHENTICATED',
  'PERMISSION_DENIED',
  'ROOM_NOT_FOUND',
  'USER_NOT_FOUND',
  'USER_OFFLINE',
  'MUTED',
  'RATE_LIMITED',
  'TIMEOUT',
  'NETWORK',
  'UNAVAILABLE',
  'UNSUPPORTED',
  'ABORTED',
  'PROVIDER_ERROR',
] as const;

/** One of {@link ROOMCAST_ERROR_CODES}. */
export type RoomcastErrorCode = (typeof ROOMCAST_ERROR_CODES)[number];
