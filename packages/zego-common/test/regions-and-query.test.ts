import { describe, expect, it } from 'vitest';
import { buildQuery, encodeQueryValue, ZEGO_REGIONS, zegoOrigin } from '../src/index.js';

describe('zegoOrigin', () => {
  it('builds the documented hosts', () => {
    expect(zegoOrigin('rtc')).toBe('https://rtc-api.zego.im');
    expect(zegoOrigin('rtc', 'unified')).toBe('https://rtc-api.zego.im');
    expect(zegoOrigin('zim', 'sha')).toBe('https://zim-api-sha.zego.im');
    expect(ZEGO_REGIONS.filter((r) => r !== 'unified').map((r) => zegoOrigin('rtc', r))).toEqual([
      'https://rtc-api-sha.zego.im',
      'https://rtc-api-hkg.zego.im',
      'https://rtc-api-fra.zego.im',
      'https://rtc-api-lax.zego.im',
      'https://rtc-api-bom.zego.im',
      'https://rtc-api-sgp.zego.im',
    ]);
  });
});

describe('query encoding', () => {
  it('percent-encodes every reserved character so values arrive byte-exact', () => {
    const hostile = "a+b&c=d%e f!'()*~你好🎉";
    const encoded = encodeQueryValue(hostile);
    expect(encoded).toMatch(/^[A-Za-z0-9\-._~%]*$/);
    expect(encoded).toContain('%2B');
    expect(encoded).toContain('%20');
    expect(new URLSearchParams(`v=${encoded}`).get('v')).toBe(hostile);
    expect(decodeURIComponent(encoded)).toBe(hostile);
  });

  it('keeps repeated keys in order with literal brackets', () => {
    expect(
      buildQuery([
        ['RoomId', 'r 1'],
        ['ToUserId[]', 'a'],
        ['ToUserId[]', 'b&c'],
      ]),
    ).toBe('RoomId=r%201&ToUserId[]=a&ToUserId[]=b%26c');
  });

  it('throws on a lone surrogate instead of sending mangled bytes', () => {
    expect(() => encodeQueryValue('\ud800')).toThrow(URIError);
  });
});
