import type { ProviderOutcome, RecipientFailure, RoomcastError } from '@roomcast/core';
import { recipientFailure } from '../client/errors.js';
import type { SendPeerMessageResponse } from '../types/responses.js';

/**
 * The outcome of a peer message that ZIM answered with `Code` 0: `ErrorList` entries become
 * per-recipient failures (the `SubCode` as `providerCode`), `SuccList` gives the message ids.
 */
export function peerOutcome(response: SendPeerMessageResponse): ProviderOutcome {
  const context = { operation: 'SendPeerMessage', requestId: response.RequestId || undefined };
  return {
    failed: response.ErrorList.map((entry) => recipientFailure(entry, context)),
    messageIds: response.SuccList.map((entry) => entry.MsgId).filter((id) => id !== ''),
    requestId: context.requestId,
  };
}

/**
 * The outcome of a peer message ZIM refused for every recipient (`Code` ≠ 0 with an `ErrorList`):
 * each listed recipient fails with its own reason, any unlisted one with the request's error.
 */
export function allFailedOutcome(error: RoomcastError, batch: readonly string[]): ProviderOutcome {
  const listed = new Map<string, RecipientFailure>(
    error.failures.map((failure) => [failure.userId, failure]),
  );
  return {
    failed: batch.map((userId) => listed.get(userId) ?? { userId, error }),
    requestId: error.requestId,
  };
}
