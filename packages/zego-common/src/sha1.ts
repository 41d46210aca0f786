import { createHash } from 'node:crypto';

/**
 * Lowercase hex SHA-1 of the UTF-8 bytes of `text`, for ZEGO's callback signature.
 *
 * Node-specific like `md5.ts`: WebCrypto's SHA-1 is asynchronous, and `verifyZegoCallback` is
 * synchronous by its public contract. An edge build swaps this one module.
 */
export function sha1Hex(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}
