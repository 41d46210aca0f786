import { RoomcastError, requireInteger, requireObject, requireString, sleep } from '@roomcast/core';
import { callAction, type RtcCore } from '../client/call.js';
import { checkOneOf, checkRequest, checkRoomId } from '../client/checks.js';
import { baseOf, dataOf, fieldOf, listOf } from '../client/read-data.js';
import { ZEGO_RTC_LIMITS } from '../limits.js';
import type {
  DescribeUserListPagesOptions,
  DescribeUserListRequest,
  DescribeUserListResponse,
  ZegoRoomUser,
  ZegoRtcCallOptions,
} from '../types.js';

const operation = 'DescribeUserList';

/** DescribeUserList: one page of a room's users. */
export async function describeUserList(
  core: RtcCore,
  input: DescribeUserListRequest,
  options?: ZegoRtcCallOptions,
): Promise<DescribeUserListResponse> {
  const ctx = { provider: core.provider, operation };
  const request = checkRequest(input, ['RoomId', 'Mode', 'Limit', 'Marker'], ctx);
  const params: [string, string][] = [['RoomId', checkRoomId(request.RoomId, ctx)]];
  if (request.Mode !== undefined)
    params.push(['Mode', String(checkOneOf(request.Mode, 'Mode', [0, 1], ctx))]);
  if (request.Limit !== undefined) {
    params.push([
      'Limit',
      String(requireInteger(request.Limit, 'Limit', 0, ZEGO_RTC_LIMITS.userListLimit, ctx)),
    ]);
  }
  // An empty Marker means "from the start", the same as leaving it out.
  if (request.Marker !== undefined && request.Marker !== '') {
    params.push(['Marker', requireString(request.Marker, 'Marker', ctx)]);
  }
  const envelope = await callAction(core, operation, params, options);
  const read = { ...ctx, requestId: envelope.RequestId };
  const data = dataOf(envelope, read);
  const shape = { UserId: 'string', UserName: 'string', UserRole: 'number' } as const;
  return {
    ...baseOf(envelope),
    Data: {
      Marker: fieldOf<string>(data, 'Marker', 'string', read, ''),
      UserList: listOf<ZegoRoomUser>(data, 'UserList', shape, read),
    },
  };
}

/**
 * Every page of DescribeUserList, following `Marker` until ZEGO returns an empty one. Pages are
 * spaced by `pageIntervalMs` (default 1 s, the per-room limit). Stops with `PROVIDER_ERROR` if ZEGO
 * returns the same Marker twice, instead of looping forever.
 */
export async function* paginateDescribeUserList(
  core: RtcCore,
  input: DescribeUserListRequest,
  options: DescribeUserListPagesOptions = {},
): AsyncGenerator<DescribeUserListResponse, void, undefined> {
  const ctx = { provider: core.provider, operation };
  // Checked before the first page: a JavaScript caller's `undefined` request used to crash here
  // with a TypeError instead of the INVALID_ARGUMENT every other method gives.
  const request = checkRequest(
    input,
    ['RoomId', 'Mode', 'Limit', 'Marker'],
    ctx,
  ) as unknown as DescribeUserListRequest;
  const { pageIntervalMs = 1000, ...callOptions } = requireObject(options ?? {}, 'options', ctx);
  requireInteger(pageIntervalMs, 'pageIntervalMs', 0, 60_000, ctx);
  let marker = request.Marker ?? '';
  const seen = new Set<string>();
  for (let page = 0; ; page++) {
    if (page > 0) await sleep(pageIntervalMs as number, callOptions.signal as AbortSignal | undefined);
    const response = await describeUserList(core, { ...request, Marker: marker }, callOptions);
    yield response;
    const next = response.Data.Marker;
    if (next === '') return;
    if (seen.has(next)) {
      throw new RoomcastError(
        'PROVIDER_ERROR',
        `${operation} returned the Marker of an earlier page again; stopping`,
        {
          ...ctx,
          requestId: response.RequestId || undefined,
        },
      );
    }
    seen.add(next);
    marker = next;
  }
}
