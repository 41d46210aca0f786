import { RoomcastError } from '../errors/roomcast-error.js';
import { formatCount } from '../validation/utf8.js';
import { parseJsonLossless } from './lossless-json.js';

/** Callbacks are small (a chat message and some ids); anything far larger is not a vendor's. */
export const DEFAULT_MAX_CALLBACK_BYTES = 1_048_576;

/** A callback body, read once. */
export interface CallbackBody {
  /** The exact text received (for signatures over the raw body). */
  readonly text: string;
  /** `json`, or `form` for `application/x-www-form-urlencoded` (ZEGO's legacy mode). */
  readonly format: 'json' | 'form';
  /**
   * The top-level fields: JSON parsed losslessly (unsafe integers as decimal strings), or form
   * values as strings (a repeated key as a string array).
   */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** Options of {@link readCallbackBody}. */
export interface ReadCallbackBodyOptions {
  /** Provider id, for errors. */
  provider?: string | undefined;
  /** Largest body accepted, in bytes (default 1 MiB): larger ones throw `PAYLOAD_TOO_LARGE`. */
  maxBytes?: number | undefined;
}

/**
 * Reads a callback request's body once: POST only, size-capped while streaming, JSON parsed with
 * {@link parseJsonLossless} or a form body decoded. A body that is not a JSON object (or a form)
 * throws `INVALID_ARGUMENT`. Providers verify signatures from it **before** returning any event.
 *
 * @example
 * ```ts
 * const { fields } = await readCallbackBody(request, { provider: 'zego-rtc' });
 * fields.room_session_id; // '858012925204410400' (exact), not 858012925204410400 rounded
 * ```
 */
export async function readCallbackBody(
  request: Request,
  options: ReadCallbackBodyOptions = {},
): Promise<CallbackBody> {
  const context = { provider: options.provider };
  if (request.method !== 'POST') {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `Vendor callbacks are POST requests; got ${request.method}`,
      context,
    );
  }
  const text = await readText(request, options.maxBytes ?? DEFAULT_MAX_CALLBACK_BYTES, options.provider);
  const contentType = (request.headers.get('content-type') ?? '').toLowerCase();
  const isForm =
    contentType.includes('application/x-www-form-urlencoded') ||
    (!contentType.includes('json') && !/^\s*[{[]/.test(text) && text.includes('='));
  if (isForm) return { text, format: 'form', fields: formFields(text) };
  let parsed: unknown;
  try {
    parsed = parseJsonLossless(text);
  } catch (error) {
    throw new RoomcastError('INVALID_ARGUMENT', (error as Error).message, context);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new RoomcastError('INVALID_ARGUMENT', 'The callback body must be a JSON object', context);
  }
  return { text, format: 'json', fields: parsed as Record<string, unknown> };
}

async function readText(request: Request, maxBytes: number, provider: string | undefined): Promise<string> {
  const tooLarge = (size: string) =>
    new RoomcastError(
      'PAYLOAD_TOO_LARGE',
      `The callback body is ${size} bytes; at most ${formatCount(maxBytes)} are read`,
      { provider },
    );
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(formatCount(declared));
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(`over ${formatCount(maxBytes)}`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder('utf-8').decode(bytes);
}

function formFields(text: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const previous = fields[key];
    if (previous === undefined) fields[key] = value;
    else fields[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return fields;
}
