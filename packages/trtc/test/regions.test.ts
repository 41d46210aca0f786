import { describe, expect, it } from 'vitest';
import { createTrtcClient, TRTC_REGIONS, trtcBackupBaseUrl, trtcBaseUrl } from '../src/index.js';
import { STUB_CREDENTIALS } from './helpers/stub-fetch.js';

const expected = {
  china: ['console.tim.qq.com', 'adminapi.my-imcloud.com'],
  singapore: ['adminapisgp.im.qcloud.com', 'adminapisgp.my-imcloud.com'],
  seoul: ['adminapikr.im.qcloud.com', 'adminapikr.my-imcloud.com'],
  frankfurt: ['adminapiger.im.qcloud.com', 'adminapiger.my-imcloud.com'],
  mumbai: ['adminapiind.im.qcloud.com', 'adminapiind.my-imcloud.com'],
  'silicon-valley': ['adminapiusa.im.qcloud.com', 'adminapiusa.my-imcloud.com'],
  jakarta: ['adminapiidn.im.qcloud.com', 'adminapiidn.my-imcloud.com'],
  tokyo: ['adminapijpn.im.qcloud.com', undefined],
} as const;

describe('regions', () => {
  it('lists the eight documented data centres', () => {
    expect(Object.keys(TRTC_REGIONS).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s: domain and backup domain', (region, [domain, backup]) => {
    expect(trtcBaseUrl(region as keyof typeof expected)).toBe(`https://${domain}`);
    if (backup === undefined) {
      expect(() => trtcBackupBaseUrl(region as keyof typeof expected)).toThrow(/no backup domain/);
    } else {
      expect(trtcBackupBaseUrl(region as keyof typeof expected)).toBe(`https://${backup}`);
    }
  });

  it('defaults to china', () => {
    expect(trtcBaseUrl()).toBe('https://console.tim.qq.com');
    expect(createTrtcClient(STUB_CREDENTIALS).baseUrl).toBe('https://console.tim.qq.com');
  });

  it('rejects an unknown region with the list of valid ones', () => {
    expect(() => trtcBaseUrl('mars' as never)).toThrow(/region must be one of china, singapore/);
    expect(() => createTrtcClient({ ...STUB_CREDENTIALS, region: 'toString' as never })).toThrow(
      /region must be one of/,
    );
  });

  it('a client uses its region, and baseUrl wins over region', () => {
    expect(createTrtcClient({ ...STUB_CREDENTIALS, region: 'frankfurt' }).baseUrl).toBe(
      'https://adminapiger.im.qcloud.com',
    );
    const backup = createTrtcClient({
      ...STUB_CREDENTIALS,
      region: 'frankfurt',
      baseUrl: trtcBackupBaseUrl('jakarta'),
    });
    expect(backup.baseUrl).toBe('https://adminapiidn.my-imcloud.com');
  });

  it('refuses plain http except on loopback', () => {
    expect(() => createTrtcClient({ ...STUB_CREDENTIALS, baseUrl: 'http://console.tim.qq.com' })).toThrow(
      /https/,
    );
    expect(createTrtcClient({ ...STUB_CREDENTIALS, baseUrl: 'http://127.0.0.1:9999/' }).baseUrl).toBe(
      'http://127.0.0.1:9999',
    );
  });
});
