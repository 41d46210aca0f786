import { describe, expect, it } from 'vitest';
import { createDemoBackend } from '../src/backend/backend.js';
import { readVendorEnv } from '../src/backend/env.js';

const SECRET = '0123456789abcdef0123456789abcdef';

describe('readVendorEnv', () => {
  it('is empty without credentials: every vendor is emulated', () => {
    expect(readVendorEnv({})).toEqual({});
    expect(readVendorEnv({ ZEGO_APP_ID: '', ZEGO_SERVER_SECRET: ' ' })).toEqual({});
  });

  it('reads ZEGO credentials and lets ZIM fall back to them', () => {
    const settings = readVendorEnv({
      ZEGO_APP_ID: '123',
      ZEGO_SERVER_SECRET: SECRET,
      ZEGO_REGION: 'sgp',
      ZEGO_IS_TEST: 'true',
    });
    expect(settings.zegoRtc).toEqual({
      appId: 123,
      serverSecret: SECRET,
      region: 'sgp',
      baseUrl: undefined,
      isTest: true,
    });
    expect(settings.zegoZim).toMatchObject({ appId: 123, serverSecret: SECRET, region: 'sgp' });
    expect(settings.trtc).toBeUndefined();
  });

  it('reads the callback secret and token of real vendors', () => {
    const settings = readVendorEnv({
      ZEGO_APP_ID: '123',
      ZEGO_SERVER_SECRET: SECRET,
      ZEGO_CALLBACK_SECRET: 'rtc-cb',
      ZIM_CALLBACK_SECRET: 'zim-cb',
      TRTC_SDK_APP_ID: '1400000001',
      TRTC_SECRET_KEY: 'k',
      TRTC_CALLBACK_TOKEN: 'tok',
    });
    expect(settings.zegoRtc?.callbackSecret).toBe('rtc-cb');
    expect(settings.zegoZim?.callbackSecret).toBe('zim-cb');
    expect(settings.trtc?.callbackToken).toBe('tok');
  });

  it('prefers ZIM_ variables for ZIM', () => {
    const settings = readVendorEnv({ ZIM_APP_ID: '77', ZIM_SERVER_SECRET: SECRET });
    expect(settings.zegoRtc).toBeUndefined();
    expect(settings.zegoZim).toMatchObject({ appId: 77 });
  });

  it('reads Tencent credentials with administrator as the default admin', () => {
    const settings = readVendorEnv({
      TRTC_SDK_APP_ID: '1400000001',
      TRTC_SECRET_KEY: 'k',
      TRTC_REGION: 'singapore',
    });
    expect(settings.trtc).toMatchObject({
      sdkAppId: 1400000001,
      secretKey: 'k',
      adminUserId: 'administrator',
      region: 'singapore',
    });
  });

  it('stops on half-set or malformed credentials instead of silently using the emulator', () => {
    expect(() => readVendorEnv({ ZEGO_APP_ID: '123' })).toThrow(/ZEGO_SERVER_SECRET/);
    expect(() => readVendorEnv({ TRTC_SECRET_KEY: 'k' })).toThrow(/TRTC_SDK_APP_ID/);
    expect(() => readVendorEnv({ ZEGO_APP_ID: 'abc', ZEGO_SERVER_SECRET: SECRET })).toThrow(
      /positive integer/,
    );
  });
});

describe('createDemoBackend', () => {
  it('points a vendor with credentials at the vendor and the rest at the emulator', async () => {
    const backend = await createDemoBackend({
      vendors: readVendorEnv({ ZEGO_APP_ID: '123', ZEGO_SERVER_SECRET: SECRET }),
    });
    try {
      expect(backend.modes).toEqual({ 'zego-rtc': 'vendor', 'zego-zim': 'vendor', trtc: 'emulator' });
      expect(backend.clientConfigs.zegoRtc.baseUrl).toBeUndefined();
      expect(backend.clientConfigs.trtc.baseUrl).toBe(backend.emulator!.trtcUrl);
      const quota = backend.rc.channels().find((c) => c.id === 'zego:signal')!.capability.quotas[0]!;
      expect(quota.scope).toContain('zego-rtc:123:');
    } finally {
      await backend.close();
    }
  });

  it('starts no emulator when every vendor is real', async () => {
    const backend = await createDemoBackend({
      vendors: readVendorEnv({
        ZEGO_APP_ID: '1',
        ZEGO_SERVER_SECRET: SECRET,
        TRTC_SDK_APP_ID: '2',
        TRTC_SECRET_KEY: 'k',
      }),
    });
    expect(backend.emulator).toBeUndefined();
    await backend.close();
  });
});
