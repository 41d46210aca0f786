import { createHash } from 'node:crypto';

/**
 * Lowercase hex MD5 of the UTF-8 bytes of `text`.
 *
 * The only Node-specific import of this package: WebCrypto has no MD5, so an edge build swaps this
 * one module for a pure implementation and nothing else changes.
 */
export function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}
