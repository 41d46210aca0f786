/**
 * Base64 with web-standard `btoa`/`atob` (no Buffer), plus the TLS ticket alphabet: Tencent's
 * libraries replace `+` → `*`, `/` → `-` and `=` → `_` (padding kept) so a UserSig survives URLs.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked so huge inputs do not overflow the argument limit of String.fromCharCode.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Decodes standard base64; throws on anything else. */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Standard base64 → the UserSig alphabet. */
export function toTlsBase64(base64: string): string {
  return base64.replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');
}

/** The UserSig alphabet → standard base64. */
export function fromTlsBase64(text: string): string {
  return text.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
}
