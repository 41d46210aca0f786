import {
  type CheckContext,
  describeType,
  formatCount,
  optionalString,
  RoomcastError,
  requireId,
  requireInteger,
  requireObject,
  requireString,
  utf8ByteLength,
} from '@roomcast/core';
import { checkUserId } from '../usersig/inputs.js';
import type { CreateRoomRequest, RoomIdRequest, SendCustomMsgRequest, SendTextMsgRequest } from './types.js';

/** Live room ids: at most 48 bytes (create_room). */
export const MAX_ROOM_ID_BYTES = 48;
/** Tencent's message limit: 12 KB. */
export const MAX_MESSAGE_BYTES = 12 * 1024;
const MAX_ROOM_NAME_BYTES = 100;
const MAX_COVER_URL_BYTES = 200;
const MAX_CATEGORIES = 3;
const MAX_INT32 = 2_147_483_647;

function invalid(message: string, context: CheckContext): RoomcastError {
  return new RoomcastError('INVALID_ARGUMENT', message, context);
}

/** The JSON string Tencent builds from a custom message; its size is what the 12 KB limit measures. */
export function wrappedCustomData(businessId: string, data: string): string {
  return JSON.stringify({ BusinessId: businessId, Data: data });
}

function checkMessageBytes(bytes: number, what: string, context: CheckContext): void {
  if (bytes > MAX_MESSAGE_BYTES) {
    throw new RoomcastError(
      'PAYLOAD_TOO_LARGE',
      `${what} is ${formatCount(bytes)} bytes (UTF-8); Tencent allows ${formatCount(MAX_MESSAGE_BYTES)} (12 KB)`,
      context,
    );
  }
}

function optionalBoolean(value: unknown, field: string, context: CheckContext): void {
  if (value !== undefined && typeof value !== 'boolean') {
    throw invalid(`${field} must be a boolean, got ${describeType(value)}`, context);
  }
}

function optionalInteger(
  value: unknown,
  field: string,
  min: number,
  max: number,
  context: CheckContext,
): void {
  if (value !== undefined) requireInteger(value, field, min, max, context);
}

function optionalId(value: unknown, field: string, maxBytes: number, context: CheckContext): void {
  if (value !== undefined) requireId(value, field, maxBytes, context);
}

/** Checks a `send_custom_msg` body; the size limit applies to the wrapped JSON, escapes included. */
export function validateSendCustomMsg(value: SendCustomMsgRequest, context: CheckContext): void {
  const request = requireObject(value, 'request', context);
  requireId(request.RoomId, 'RoomId', MAX_ROOM_ID_BYTES, context);
  if (request.Sender_Account !== undefined) checkUserId(request.Sender_Account, 'Sender_Account', context);
  const businessId = requireString(request.BusinessId, 'BusinessId', context);
  const data = requireString(request.Data, 'Data', context);
  checkMessageBytes(
    utf8ByteLength(wrappedCustomData(businessId, data)),
    'The message as Tencent wraps it ({"BusinessId":…,"Data":…}, JSON escapes included)',
    context,
  );
}

/**
 * Checks a `send_text_msg` body. The 12 KB limit (Chat's message limit, 80002) is applied to
 * TextContent and ExtensionInfo together, since both travel in the one message.
 */
export function validateSendTextMsg(value: SendTextMsgRequest, context: CheckContext): void {
  const request = requireObject(value, 'request', context);
  requireId(request.RoomId, 'RoomId', MAX_ROOM_ID_BYTES, context);
  checkUserId(request.Sender_Account, 'Sender_Account', context);
  const text = requireString(request.TextContent, 'TextContent', context);
  const extension = optionalString(request.ExtensionInfo, 'ExtensionInfo', context);
  const what = extension === undefined ? 'TextContent' : 'TextContent plus ExtensionInfo';
  checkMessageBytes(utf8ByteLength(text) + utf8ByteLength(extension ?? ''), what, context);
}

/** Checks a `create_room` body against every documented field limit. */
export function validateCreateRoom(value: CreateRoomRequest, context: CheckContext): void {
  const request = requireObject(value, 'request', context);
  const info = requireObject(request.RoomInfo, 'RoomInfo', context);
  requireId(info.RoomId, 'RoomInfo.RoomId', MAX_ROOM_ID_BYTES, context);
  if (info.RoomType !== 'Live') {
    throw invalid(`RoomInfo.RoomType must be "Live" (live_engine_http_srv rooms are live rooms)`, context);
  }
  optionalId(info.RoomName, 'RoomInfo.RoomName', MAX_ROOM_NAME_BYTES, context);
  if (info.Owner_Account !== undefined) checkUserId(info.Owner_Account, 'RoomInfo.Owner_Account', context);
  optionalInteger(info.MaxMemberCount, 'RoomInfo.MaxMemberCount', 1, MAX_INT32, context);
  optionalId(info.CoverURL, 'RoomInfo.CoverURL', MAX_COVER_URL_BYTES, context);
  optionalBoolean(info.IsMessageDisabled, 'RoomInfo.IsMessageDisabled', context);
  if (info.Category !== undefined) {
    if (!Array.isArray(info.Category)) {
      throw invalid(
        `RoomInfo.Category must be an array of numbers, got ${describeType(info.Category)}`,
        context,
      );
    }
    if (info.Category.length > MAX_CATEGORIES) {
      throw invalid(
        `RoomInfo.Category lists ${info.Category.length} entries; Tencent allows at most 3`,
        context,
      );
    }
    info.Category.forEach((entry, index) => {
      requireInteger(entry, `RoomInfo.Category[${index}]`, -MAX_INT32 - 1, MAX_INT32, context);
    });
  }
  optionalBoolean(info.IsPublicVisible, 'RoomInfo.IsPublicVisible', context);
  optionalBoolean(info.IsSeatEnabled, 'RoomInfo.IsSeatEnabled', context);
  if (
    info.TakeSeatMode !== undefined &&
    info.TakeSeatMode !== 'FreeToTake' &&
    info.TakeSeatMode !== 'ApplyToTake'
  ) {
    throw invalid('RoomInfo.TakeSeatMode must be "FreeToTake" or "ApplyToTake"', context);
  }
  optionalInteger(info.MaxSeatCount, 'RoomInfo.MaxSeatCount', 1, MAX_INT32, context);
  optionalInteger(info.ActivityStatus, 'RoomInfo.ActivityStatus', -MAX_INT32 - 1, MAX_INT32, context);
  optionalString(info.SeatTemplate, 'RoomInfo.SeatTemplate', context);
  optionalInteger(info.SeatLayoutTemplateId, 'RoomInfo.SeatLayoutTemplateId', 0, MAX_INT32, context);
  optionalBoolean(info.IsUnlimitedRoomEnabled, 'RoomInfo.IsUnlimitedRoomEnabled', context);
}

/** Checks a body that names one room (`destroy_room`, `get_room_info`). */
export function validateRoomId(value: RoomIdRequest, context: CheckContext): void {
  const request = requireObject(value, 'request', context);
  requireId(request.RoomId, 'RoomId', MAX_ROOM_ID_BYTES, context);
}
