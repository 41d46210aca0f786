import { fail, type ZegoCall, type ZegoOutcome } from '../handler.js';
import { list } from '../rtc/params.js';

const MAX_USERS = 100;

/**
 * QueryUserOnlineState (GET, `UserId[]` ≤ 100): `Result[{UserId, Status: "Online"|"Offline"}]`;
 * unregistered users go to `ErrorList` with SubCode 660200001.
 */
export function queryUserOnlineState(call: ZegoCall): ZegoOutcome {
  let users: string[];
  try {
    users = list(call.query, 'UserId');
  } catch {
    return fail(660000002, 'UserId[] entries must not be empty');
  }
  if (users.length === 0) fail(660000002, 'UserId[] is required');
  if (users.length > MAX_USERS)
    fail(660000011, `UserId[] has ${users.length} users; the limit is ${MAX_USERS}`);
  const zim = call.ctx.zim;
  const Result: { UserId: string; Status: string }[] = [];
  const ErrorList: { UserId: string; SubCode: number }[] = [];
  for (const userId of new Set(users)) {
    if (!zim.registered.has(userId)) ErrorList.push({ UserId: userId, SubCode: 660200001 });
    else Result.push({ UserId: userId, Status: zim.online.has(userId) ? 'Online' : 'Offline' });
  }
  return { code: 0, fields: { Result, ErrorList } };
}
