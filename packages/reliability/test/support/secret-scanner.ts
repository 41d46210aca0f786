import { inspect } from 'node:util';

/** One place a secret showed up. */
export interface SecretHit {
  /** Where the text came from (`campaign error`, `onRetry payload`, …). */
  where: string;
  /** What leaked (`ServerSecret`, `Signature`, …), never the value itself. */
  what: string;
}

/**
 * Collects the secrets a test run produced and scans every text a caller could log for them.
 *
 * Fixed secrets (ServerSecret, SecretKey, UserSigs) are few and matched as substrings. Signatures
 * are many (one per ZEGO request), so texts are cut into 32-hex-digit windows that are looked up in
 * a set: the scan stays linear however long the run. Scanning happens as texts appear and only
 * hits are kept, so the scanner itself does not grow with the run (the campaign measures memory).
 */
export class SecretScanner {
  private readonly fixed = new Map<string, string>();
  private readonly signatures = new Set<string>();
  private retired = 0;
  readonly hits: SecretHit[] = [];
  /** Texts scanned, to prove the scan ran over something. */
  scanned = 0;

  /** A secret matched as a substring (ServerSecret, SecretKey, a UserSig). */
  addSecret(value: string, what: string): void {
    if (value.length >= 8) this.fixed.set(value, what);
  }

  /** A ZEGO `Signature` (32 lowercase hex digits). */
  addSignature(value: string): void {
    if (/^[0-9a-f]{32}$/i.test(value)) this.signatures.add(value.toLowerCase());
  }

  /** Secrets registered so far, signatures already forgotten included. */
  get secretCount(): number {
    return this.fixed.size + this.signatures.size + this.retired;
  }

  /**
   * Drops the signatures collected so far. The campaign calls it after each round, once every text
   * of the round was scanned: a signature is per request, and keeping tens of thousands would make
   * the test's own bookkeeping dominate the heap the campaign measures.
   */
  forgetSignatures(): void {
    this.retired += this.signatures.size;
    this.signatures.clear();
  }

  /** Scans a value in every text form a log would take: strings as is, errors and objects serialized and inspected. */
  scan(where: string, value: unknown): void {
    for (const text of textsOf(value)) this.scanText(where, text);
  }

  private scanText(where: string, text: string): void {
    this.scanned++;
    for (const [secret, what] of this.fixed) {
      if (text.includes(secret)) this.hits.push({ where, what });
    }
    if (this.signatures.size === 0) return;
    for (const run of text.match(/[0-9a-f]{32,}/gi) ?? []) {
      const lower = run.toLowerCase();
      for (let i = 0; i + 32 <= lower.length; i++) {
        if (this.signatures.has(lower.slice(i, i + 32))) {
          this.hits.push({ where, what: 'Signature' });
          break;
        }
      }
    }
  }
}

/** Every text form a value takes on its way into a log line. */
export function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  const texts: string[] = [];
  if (value instanceof Error) {
    texts.push(value.message, value.stack ?? '', String(value));
    const toJSON = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof toJSON === 'function') texts.push(safeStringify(toJSON.call(value)));
  }
  texts.push(safeStringify(value));
  texts.push(inspect(value, { depth: 12, showHidden: true, getters: false }));
  texts.push(safeString(value));
  return texts;
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '';
  }
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch (error) {
    // A value that cannot be serialized is not a leak by itself; say so in the scanned text.
    return `unserializable: ${error instanceof Error ? error.message : 'unknown'}`;
  }
}
