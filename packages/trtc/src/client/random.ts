/**
 * A fresh random 32-bit unsigned integer for Tencent's `random` query parameter, from WebCrypto so
 * it works on every runtime. Tencent documents no de-duplication on it, so every request (retries
 * included) gets a new one.
 */
export function randomUint32(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}
