import type { EmulatorContext } from '../context.js';
import type { LimitVerdict } from '../rate-limit/limiter.js';
import { utf8Bytes } from '../util/utf8.js';

/** What a Tencent command implementation receives. */
export interface TrtcCall {
  ctx: EmulatorContext;
  body: Record<string, unknown>;
  /** The admin the request was made as (URL `identifier`). */
  identifier: string;
  requestId: string;
  nowMs: number;
  /** False when a 'drop' fault hit: answer MsgFreqCtrl, deliver nothing. */
  deliver: boolean;
  /** The per-room message frequency check (shared by the message commands). */
  takeRoom(roomId: string): LimitVerdict;
}

export interface TrtcOutcome {
  code: number;
  info?: string | undefined;
  response?: Record<string, unknown> | undefined;
  roomId?: string | undefined;
}

export type TrtcCommand = (call: TrtcCall) => TrtcOutcome | Promise<TrtcOutcome>;

export class TrtcFailure extends Error {
  constructor(readonly outcome: TrtcOutcome) {
    super(outcome.info ?? `ErrorCode ${outcome.code}`);
  }
}

export function trtcFail(code: number, info?: string, roomId?: string): never {
  throw new TrtcFailure({ code, info, roomId });
}

/** A required non-empty string field (100002 otherwise). */
export function requiredString(body: Record<string, unknown>, field: string, maxBytes?: number): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '')
    trtcFail(100002, `${field} is required and must be a non-empty string`);
  if (maxBytes !== undefined && utf8Bytes(value) > maxBytes) {
    trtcFail(100002, `${field} is ${utf8Bytes(value)} bytes (UTF-8); the limit is ${maxBytes}`);
  }
  return value;
}

/** An optional string field (100002 when present but not a string). */
export function optionalString(
  body: Record<string, unknown>,
  field: string,
  maxBytes?: number,
): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') trtcFail(100002, `${field} must be a string`);
  if (maxBytes !== undefined && utf8Bytes(value) > maxBytes) {
    trtcFail(100002, `${field} is ${utf8Bytes(value)} bytes (UTF-8); the limit is ${maxBytes}`);
  }
  return value;
}
