import type { EmulatorContext, Identified, VendorAnswer, VendorHandler, VendorRequest } from '../context.js';
import { type ParsedQuery, parseQuery } from '../server/query.js';
import { nowSeconds } from '../util/clock.js';
import { type TrtcCall, type TrtcCommand, TrtcFailure, type TrtcOutcome } from './call.js';
import { TENCENT_MESSAGES, tencentBody } from './envelope.js';
import { sendCustomMsg, sendTextMsg } from './messages.js';
import { createRoom, destroyRoom, getRoomInfo } from './rooms.js';
import { verifyUserSig } from './usersig.js';

const SERVICE = 'live_engine_http_srv';

const COMMANDS: Readonly<Record<string, TrtcCommand>> = {
  send_custom_msg: sendCustomMsg,
  send_text_msg: sendTextMsg,
  create_room: createRoom,
  destroy_room: destroyRoom,
  get_room_info: getRoomInfo,
};

/** Both message commands share one frequency-control bucket per room. */
const MESSAGE_SCOPE = 'messages';

interface TrtcIdentified extends Identified {
  query: ParsedQuery;
  /** The known command, or undefined for any other path. */
  command: TrtcCommand | undefined;
}

/** The Tencent live-room REST API (`<origin>/trtc/v4/live_engine_http_srv/<command>?sdkappid=...`). */
export function createTrtcHandler(ctx: EmulatorContext): VendorHandler<TrtcIdentified> {
  return {
    vendor: 'trtc',
    malformedPrefix: '{"ErrorCode":0,"ErrorInfo":"","ActionStatus":"O',
    identify(request: VendorRequest): TrtcIdentified {
      const query = parseQuery(request.rawQuery);
      const match = /^\/v4\/([^/]+)\/([^/]+)$/.exec(request.path);
      const action = match ? match[2]! : request.path;
      const command = match && match[1] === SERVICE ? COMMANDS[match[2]!] : undefined;
      return { action, credential: query.get('random') ?? null, query, command };
    },
    async handle(request: VendorRequest, identified: TrtcIdentified): Promise<VendorAnswer> {
      ctx.tencentSeq += 1;
      const requestId = `Id-${ctx.random.hex(32)}-O-Seq-${ctx.tencentSeq}`;
      let fault: ReturnType<typeof ctx.faults.take>;
      const answer = (outcome: TrtcOutcome): VendorAnswer => ({
        code: outcome.code,
        requestId,
        roomId: outcome.roomId,
        fault: fault?.kind,
        body: tencentBody(
          outcome.code,
          outcome.info ??
            (outcome.code === 0 ? '' : (TENCENT_MESSAGES[outcome.code] ?? `error ${outcome.code}`)),
          requestId,
          outcome.response,
        ),
      });
      const failure = authenticate(ctx, request, identified);
      if (failure) return answer(failure);
      const { query, action, command } = identified;
      const identifier = query.get('identifier')!;
      const nowMs = ctx.clock();

      fault = ctx.faults.take('trtc', action, 'business');
      if (fault?.kind === 'code') return answer({ code: fault.code, info: fault.message });

      const app = ctx.credentials.trtc;
      if (ctx.limiter.takeApp('trtc', action, String(app.sdkAppId), false, nowMs) !== 'ok') {
        return answer({ code: 60007 });
      }
      let body: unknown;
      try {
        body = JSON.parse(request.body.toString('utf8'));
      } catch {
        return answer({ code: 60003 });
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return answer({ code: 60003 });

      const call: TrtcCall = {
        ctx,
        body: body as Record<string, unknown>,
        identifier,
        requestId,
        nowMs,
        deliver: fault?.kind !== 'drop',
        takeRoom: (roomId) => ctx.limiter.takeRoom('trtc', action, MESSAGE_SCOPE, roomId, nowMs),
      };
      try {
        return answer(await command!(call));
      } catch (error) {
        if (error instanceof TrtcFailure) return answer(error.outcome);
        throw error;
      }
    },
  };
}

/**
 * The checks every REST call passes before its command runs: POST, a known command, the five
 * query parameters, the UserSig, and an App administrator as identifier.
 */
function authenticate(
  ctx: EmulatorContext,
  request: VendorRequest,
  id: TrtcIdentified,
): TrtcOutcome | undefined {
  if (request.method !== 'POST') return { code: 60002, info: `${request.method} is not supported: use POST` };
  if (!id.command) return { code: 60009, info: `unknown service or command: ${request.path}` };
  const q = id.query;
  const sdkappid = q.get('sdkappid');
  if (!sdkappid) return { code: 60012 };
  if (!/^\d{1,15}$/.test(sdkappid)) return { code: 60025, info: 'sdkappid must be a decimal number' };
  const identifier = q.get('identifier');
  if (!identifier) return { code: 60025, info: 'identifier is required' };
  const random = q.get('random');
  if (!random || !/^\d{1,10}$/.test(random) || Number(random) > 0xffffffff) {
    return { code: 60025, info: 'random must be a 32-bit unsigned integer' };
  }
  if (q.get('contenttype') !== 'json') return { code: 60025, info: 'contenttype must be json' };
  const app = ctx.credentials.trtc;
  const failure = verifyUserSig({
    userSig: q.get('usersig') ?? '',
    identifier,
    sdkAppId: Number(sdkappid),
    secretKey: Number(sdkappid) === app.sdkAppId ? app.secretKey : undefined,
    nowSeconds: nowSeconds(ctx.clock),
  });
  if (failure) return { code: failure.code, info: failure.message };
  if (identifier !== app.adminUserId && !(app.extraAdminUserIds ?? []).includes(identifier)) {
    return { code: 60010, info: `${identifier} is not an App administrator` };
  }
  return undefined;
}
