import type { ProviderOutcome, RecipientFailure, RoomcastError } from '@roomcast/core';
import { createZegoError, unknownZegoCode } from '@roomcast/zego-common';
import { ZEGO_RTC_CODES } from '../codes.js';
import type { SendCustomCommandResponse } from '../types.js';
import { PROVIDER_ID } from '../version.js';

/**
 * SendCustomCommand's `FailUsers` as per-recipient failures: 50003 (not online) becomes
 * `USER_OFFLINE`, other codes go through the same table as whole-request codes. Recipients sharing a
 * code share one error object, so a batch where everyone is offline reads as one cause.
 */
export function customCommandOutcome(response: SendCustomCommandResponse): ProviderOutcome {
  const byCode = new Map<number, RoomcastError>();
  const failed: RecipientFailure[] = response.Data.FailUsers.map(({ Uid, Code }) => {
    let error = byCode.get(Code);
    if (error === undefined) {
      const info = ZEGO_RTC_CODES[Code] ?? unknownZegoCode('', []);
      error = createZegoError(Code, info, {
        provider: PROVIDER_ID,
        operation: 'SendCustomCommand',
        requestId: response.RequestId || undefined,
      });
      byCode.set(Code, error);
    }
    return { userId: Uid, error };
  });
  return { failed, requestId: response.RequestId || undefined };
}
