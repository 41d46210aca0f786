import { RoomcastError, requireObject } from '@roomcast/core';
import { PROVIDER_ID } from '../version.js';
import { resolveTrtcConfig } from './config.js';
import type { TrtcEnvelope } from './envelope.js';
import { droppedError } from './errors.js';
import { checkGetRoomInfoResponse, checkSendMsgResponse, optionalResponse } from './responses.js';
import { createTrtcTransport } from './transport.js';
import type { SendMsgResponse, TrtcCallOptions, TrtcClient, TrtcConfig, TrtcResult } from './types.js';
import {
  validateCreateRoom,
  validateRoomId,
  validateSendCustomMsg,
  validateSendTextMsg,
} from './validate.js';

function ok<R>(envelope: TrtcEnvelope, response: R): TrtcResult<R> {
  return { ...envelope, ActionStatus: 'OK', ErrorCode: 0, Response: response };
}

/**
 * Creates the typed client for Tencent's live-room REST API (`v4/live_engine_http_srv`). It signs
 * every request with a cached admin UserSig (renewed ahead of expiry), sends a fresh `random`,
 * POSTs JSON through core's HTTP client, checks the envelope and maps every documented
 * `ErrorCode` to a `RoomcastError`. A message Tencent drops (`MsgDropReason`) throws `RATE_LIMITED`.
 *
 * @example
 * ```ts
 * import { createTrtcClient } from '@roomcast/trtc';
 *
 * const client = createTrtcClient({
 *   sdkAppId: 1400000000,
 *   secretKey: process.env.TRTC_SECRET_KEY!,
 *   adminUserId: 'administrator',
 *   region: 'singapore',
 * });
 * const { Response } = await client.sendCustomMsg({
 *   RoomId: 'live-1', BusinessId: 'gift', Data: JSON.stringify({ giftId: 7 }),
 * });
 * console.log(Response.MsgSeq);
 * ```
 */
export function createTrtcClient(config: TrtcConfig): TrtcClient {
  const resolved = resolveTrtcConfig(config);
  const send = createTrtcTransport(resolved);
  const context = (operation: string) => ({ provider: PROVIDER_ID, operation });

  async function sendMessage(
    command: 'send_custom_msg' | 'send_text_msg',
    body: object,
    options: TrtcCallOptions,
  ): Promise<TrtcResult<SendMsgResponse>> {
    const envelope = await send(command, body, options);
    const response = checkSendMsgResponse(envelope, command);
    if (response.MsgDropReason !== undefined && response.MsgDropReason !== '') {
      throw droppedError(command, response.MsgDropReason, envelope.RequestId);
    }
    return ok(envelope, response);
  }

  return {
    sdkAppId: resolved.sdkAppId,
    adminUserId: resolved.adminUserId,
    baseUrl: resolved.baseUrl,

    async sendCustomMsg(request, options = {}) {
      validateSendCustomMsg(request, context('send_custom_msg'));
      const { RoomId, Sender_Account, BusinessId, Data } = request;
      return sendMessage('send_custom_msg', { RoomId, Sender_Account, BusinessId, Data }, options);
    },

    async sendTextMsg(request, options = {}) {
      validateSendTextMsg(request, context('send_text_msg'));
      const { RoomId, Sender_Account, TextContent, ExtensionInfo } = request;
      return sendMessage('send_text_msg', { RoomId, Sender_Account, TextContent, ExtensionInfo }, options);
    },

    async createRoom(request, options = {}) {
      validateCreateRoom(request, context('create_room'));
      const envelope = await send('create_room', { RoomInfo: request.RoomInfo }, options);
      return ok(envelope, optionalResponse(envelope));
    },

    async destroyRoom(request, options = {}) {
      validateRoomId(request, context('destroy_room'));
      const envelope = await send('destroy_room', { RoomId: request.RoomId }, options);
      return ok(envelope, optionalResponse(envelope));
    },

    async getRoomInfo(request, options = {}) {
      validateRoomId(request, context('get_room_info'));
      const envelope = await send('get_room_info', { RoomId: request.RoomId }, options);
      return ok(envelope, checkGetRoomInfoResponse(envelope, 'get_room_info'));
    },

    async call<R>(command: string, body: object, options: TrtcCallOptions = {}) {
      if (typeof command !== 'string' || !/^[a-z][a-z0-9_]*$/.test(command)) {
        throw new RoomcastError(
          'INVALID_ARGUMENT',
          'command must be a live_engine_http_srv command name like "get_room_list"',
          {
            provider: PROVIDER_ID,
          },
        );
      }
      requireObject(body, 'body', context(command));
      const envelope = await send(command, body, options);
      return ok(envelope, optionalResponse<R>(envelope));
    },
  };
}
