import { RoomcastError } from '@roomcast/core';

/**
 * ZEGO's common response envelope. RTC puts results in `Data`; ZIM puts them at the top level,
 * hence the index signature.
 */
export interface ZegoEnvelope {
  /** 0 on success; a gateway (1000000xx) or product return code otherwise. */
  Code: number;
  Message: string;
  /** ZEGO's request id, for support tickets. */
  RequestId: string;
  [field: string]: unknown;
}

/** Reads the request id and code from any body, for hooks; never throws. */
export function summarizeZegoBody(body: unknown): {
  requestId?: string | undefined;
  providerCode?: number | undefined;
} {
  if (typeof body !== 'object' || body === null) return {};
  const { RequestId, Code } = body as Record<string, unknown>;
  return {
    requestId: typeof RequestId === 'string' || typeof RequestId === 'number' ? String(RequestId) : undefined,
    providerCode: typeof Code === 'number' ? Code : undefined,
  };
}

/**
 * Checks that a parsed body is a ZEGO envelope (an object with an integer `Code`) and normalizes
 * `Message` and `RequestId` to strings. A 200 answer without that shape is a `PROVIDER_ERROR`
 * marked ambiguous: the gateway answered, so the request may have been acted on.
 */
export function parseZegoEnvelope(
  body: unknown,
  context: { provider: string; operation: string; httpStatus: number },
): ZegoEnvelope {
  const { requestId } = summarizeZegoBody(body);
  const base = { ...context, requestId, ambiguous: true };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new RoomcastError(
      'PROVIDER_ERROR',
      `${context.operation} answered with JSON that is not a ZEGO envelope object`,
      base,
    );
  }
  const record = body as Record<string, unknown>;
  if (typeof record.Code !== 'number' || !Number.isInteger(record.Code)) {
    const what =
      record.Code === undefined ? 'has no Code' : `has a Code that is not an integer (${typeof record.Code})`;
    throw new RoomcastError(
      'PROVIDER_ERROR',
      `${context.operation} answered with an envelope that ${what}`,
      base,
    );
  }
  return {
    ...record,
    Code: record.Code,
    Message: typeof record.Message === 'string' ? record.Message : '',
    RequestId: requestId ?? '',
  };
}
