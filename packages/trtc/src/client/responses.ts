import { malformed, type TrtcEnvelope } from './envelope.js';
import type { GetRoomInfoResponse, SendMsgResponse } from './types.js';

/** Checks the `Response` of a success envelope; throws `PROVIDER_ERROR` (ambiguous) when it is off. */
export type ResponseCheck<R> = (envelope: TrtcEnvelope, operation: string) => R;

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** `send_custom_msg` / `send_text_msg`: `MsgTime`, `MsgSeq`, optional `MsgDropReason`. */
export const checkSendMsgResponse: ResponseCheck<SendMsgResponse> = (envelope, operation) => {
  const response = envelope.Response as Record<string, unknown> | undefined;
  if (response === undefined) throw malformed(operation, 'Response is missing', envelope.RequestId);
  if (!isInteger(response.MsgSeq))
    throw malformed(operation, 'Response.MsgSeq is not an integer', envelope.RequestId);
  if (!isInteger(response.MsgTime)) {
    throw malformed(operation, 'Response.MsgTime is not an integer', envelope.RequestId);
  }
  if (response.MsgDropReason !== undefined && typeof response.MsgDropReason !== 'string') {
    throw malformed(operation, 'Response.MsgDropReason is not a string', envelope.RequestId);
  }
  return response as unknown as SendMsgResponse;
};

/** `get_room_info`: `Response.RoomInfo` with a `RoomId`. */
export const checkGetRoomInfoResponse: ResponseCheck<GetRoomInfoResponse> = (envelope, operation) => {
  const response = envelope.Response as Record<string, unknown> | undefined;
  const info = response?.RoomInfo as Record<string, unknown> | undefined;
  if (typeof info !== 'object' || info === null || typeof info.RoomId !== 'string') {
    throw malformed(operation, 'Response.RoomInfo.RoomId is missing', envelope.RequestId);
  }
  return response as unknown as GetRoomInfoResponse;
};

/** APIs whose `Response` is optional and informational: passed through, `{}` when absent. */
export function optionalResponse<R>(envelope: TrtcEnvelope): R {
  return (envelope.Response ?? {}) as R;
}
