/**
 * Base64 with web-standard APIs only (`btoa`), so the package runs where `Buffer` does not.
 * Binary command messages travel as base64 with `IsBase64: 1`.
 */
const CHUNK = 0x8000;

/** Standard base64 (with padding) of `bytes`. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** True for canonical, padded standard base64 (what ZIM decodes; anything else is `660000025`). */
export function isBase64(text: string): boolean {
  return BASE64.test(text);
}

/** Number of bytes a valid base64 string decodes to. */
export function decodedBase64Length(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}
