import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSignatureNonce, signZegoRequest } from '../src/index.js';

interface Case {
  appId: number;
  nonce: string;
  secret: string;
  timestamp: number;
  expected: string;
}
const vectors = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../../shared/vendor-vectors.json'), 'utf8'),
) as { zego_signature: { cases: Case[]; pitfall: { wrong_expected_for_case_2: string } } };

describe('signZegoRequest', () => {
  it.each(vectors.zego_signature.cases)('matches the vendor vector for AppId $appId, nonce $nonce', (c) => {
    expect(
      signZegoRequest({ appId: c.appId, serverSecret: c.secret, nonce: c.nonce, timestamp: c.timestamp }),
    ).toBe(c.expected);
  });

  it('concatenates an all-digit nonce as text, never adding it to the AppId', () => {
    const c = vectors.zego_signature.cases[1]!;
    expect(c.nonce).toMatch(/^\d+$/);
    const signature = signZegoRequest({
      appId: c.appId,
      serverSecret: c.secret,
      nonce: c.nonce,
      timestamp: c.timestamp,
    });
    expect(signature).not.toBe(vectors.zego_signature.pitfall.wrong_expected_for_case_2);
    // Even a caller passing the nonce as a number (plain JavaScript) gets the string concatenation.
    const loose = {
      appId: c.appId,
      serverSecret: c.secret,
      nonce: Number(c.nonce) as unknown as string,
      timestamp: c.timestamp,
    };
    expect(signZegoRequest(loose)).toBe(c.expected);
  });

  it('is 32 lowercase hex characters', () => {
    expect(signZegoRequest({ appId: 1, serverSecret: 'A'.repeat(32), nonce: 'x', timestamp: 1 })).toMatch(
      /^[0-9a-f]{32}$/,
    );
  });
});

describe('createSignatureNonce', () => {
  it('is 16 lowercase hex characters and differs every call', () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => createSignatureNonce()));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[0-9a-f]{16}$/);
  });
});
