/**
 * A fresh `SignatureNonce`: 16 lowercase hex characters from 8 bytes of the platform CSPRNG
 * (`crypto.getRandomValues`, a web standard), the format of every official ZEGO sample.
 *
 * @example
 * ```ts
 * createSignatureNonce(); // => 'a3f09c1d22e4b710'
 * ```
 */
export function createSignatureNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
