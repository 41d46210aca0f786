import { describeProviderConformance } from '@roomcast/core/testing';
import { startEmulator } from '@roomcast/emulator';
import { trtc } from '../src/index.js';
import { recordingFetch } from './helpers/emulator.js';

describeProviderConformance({
  name: 'trtc',
  async setup() {
    const emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
    const recorder = recordingFetch();
    const roomId = 'conformance-room';
    emulator.trtc.createRoom(roomId);
    emulator.trtc.joinRoom(roomId, 'viewer');
    const provider = trtc({ ...emulator.credentials.trtc, baseUrl: emulator.trtcUrl, fetch: recorder.fetch });
    // Filled as requests go out: the suite reads `secrets` only in its last test.
    const secrets: string[] = [emulator.credentials.trtc.secretKey];
    const trackUserSigs = () => {
      for (const userSig of recorder.userSigs())
        if (userSig !== '' && !secrets.includes(userSig)) secrets.push(userSig);
    };
    return {
      provider,
      messages: {
        signal: { roomId, type: 'gift', data: '{"giftId":7}' },
        broadcast: { roomId, from: 'host', text: 'Welcome!' },
      },
      requestCount: () => {
        trackUserSigs();
        return emulator.requestCount();
      },
      injectRateLimit: (count) => {
        emulator.faults.inject({ vendor: 'trtc', kind: 'code', code: 60007, count });
      },
      injectLatency: (ms, count) => {
        emulator.faults.inject({ vendor: 'trtc', kind: 'latency', ms, count });
      },
      recentCredentials: (count) =>
        emulator
          .requests({ vendor: 'trtc' })
          .slice(-count)
          .map((entry) => entry.credential ?? ''),
      secrets,
      teardown: () => emulator.close(),
    };
  },
});
