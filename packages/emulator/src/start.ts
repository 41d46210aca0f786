import type { AddressInfo } from 'node:net';
import { CallbackDispatcher } from './callbacks/dispatcher.js';
import { rtcObserver, trtcObserver, zimObserver } from './callbacks/observers.js';
import type { TrtcCallbackTarget, ZegoCallbackTarget } from './callbacks/types.js';
import { zimClientSend } from './callbacks/zim-client-send.js';
import type { EmulatorContext } from './context.js';
import { createControlRoute } from './control/control-api.js';
import { resolveCredentials } from './credentials.js';
import type { Emulator, StartEmulatorOptions } from './emulator.js';
import { Faults } from './faults/faults.js';
import { applyFixtures } from './fixtures.js';
import { RateLimiter } from './rate-limit/limiter.js';
import { resolveLimits } from './rate-limit/limits.js';
import { createEmulatorServer, VENDOR_PREFIXES } from './server/http-server.js';
import { DEFAULT_BEHAVIOR, DEFAULT_SIZE_LIMITS } from './settings.js';
import { DeliveryLog } from './state/deliveries.js';
import { RequestLog } from './state/request-log.js';
import { RtcRooms } from './state/rtc-rooms.js';
import { TrtcRooms } from './state/trtc-rooms.js';
import { ZimState } from './state/zim-state.js';
import { createTrtcHandler } from './trtc/handler.js';
import { VENDORS, type VendorId } from './types.js';
import { nowSeconds } from './util/clock.js';
import { createRandom } from './util/random.js';
import { createRtcHandler } from './zego/rtc/product.js';
import { createZimHandler } from './zego/zim/product.js';

/**
 * Starts the emulator: one HTTP server with a base URL per vendor and the control API.
 *
 * @example
 * ```ts
 * import { startEmulator } from '@roomcast/emulator';
 *
 * const emu = await startEmulator({ port: 0 });
 * emu.zegoRtc.joinRoom('room-1', 'alice');
 * // point a provider at it:
 * //   zegoRtc({ ...emu.credentials.zegoRtc, baseUrl: emu.zegoRtcUrl })
 * // ...send, then read what alice received:
 * console.log(emu.inbox('zego-rtc', 'alice'));
 * await emu.close();
 * ```
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<Emulator> {
  const clock = options.now ?? Date.now;
  const seed = options.seed ?? 1;
  const maxLog = options.maxLogEntries ?? 100_000;
  const random = createRandom(seed);
  const credentials = resolveCredentials(options.credentials);
  const ctx: EmulatorContext = {
    credentials,
    clock,
    random,
    sizes: {
      ...DEFAULT_SIZE_LIMITS,
      ...options.sizeLimits,
      zimMessageBytes: { ...DEFAULT_SIZE_LIMITS.zimMessageBytes, ...options.sizeLimits?.zimMessageBytes },
    },
    behavior: { ...DEFAULT_BEHAVIOR, ...options.behavior },
    isTestApp: options.isTestApp ?? false,
    log: new RequestLog(maxLog),
    deliveries: new DeliveryLog(maxLog),
    faults: new Faults(random),
    limiter: new RateLimiter(resolveLimits(options.rateLimits)),
    rtc: new RtcRooms(),
    zim: new ZimState(),
    trtc: new TrtcRooms(),
    tencentSeq: 0,
    callbacks: new CallbackDispatcher(clock, () => credentials.trtc.sdkAppId, options.callbacks),
  };
  ctx.rtc.observer = rtcObserver(ctx, ctx.callbacks);
  ctx.zim.observer = zimObserver(ctx, ctx.callbacks);
  ctx.trtc.observer = trtcObserver(ctx, ctx.callbacks);
  const handlers = {
    'zego-rtc': createRtcHandler(ctx),
    'zego-zim': createZimHandler(ctx),
    trtc: createTrtcHandler(ctx),
  };

  // The control API needs the emulator object, which needs the server's port: wire it late.
  let emulator: Emulator | undefined;
  const control = createControlRoute(ctx, () => emulator!);
  const server = createEmulatorServer(ctx, handlers, control.route);

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const api: Emulator = {
    url,
    port,
    zegoRtcUrl: `${url}${VENDOR_PREFIXES['zego-rtc']}`,
    zegoZimUrl: `${url}${VENDOR_PREFIXES['zego-zim']}`,
    trtcUrl: `${url}${VENDOR_PREFIXES.trtc}`,
    credentials: ctx.credentials,
    async close() {
      control.closeStreams();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    reset() {
      ctx.rtc.clear();
      ctx.zim.clear();
      ctx.trtc.clear();
      ctx.log.clear();
      ctx.deliveries.clear();
      ctx.faults.clear();
      ctx.limiter.reset();
      ctx.tencentSeq = 0;
      ctx.callbacks.clear();
      applyFixtures(api, options.fixtures);
    },
    requests: (filter) => ctx.log.list(filter),
    requestCount: () => ctx.log.count(),
    faults: {
      inject: (rule) => ctx.faults.inject(rule),
      clear: (id) => ctx.faults.clear(id),
      list: () => ctx.faults.list(),
    },
    zegoRtc: {
      joinRoom: (roomId, userId, joinOptions) => {
        ctx.rtc.join(roomId, userId, joinOptions ?? {}, clock());
      },
      leaveRoom: (roomId, userId) => ctx.rtc.leave(roomId, userId),
      rooms: () => ctx.rtc.snapshot(),
    },
    zim: {
      registerUser: (userId) => ctx.zim.registerUser(userId),
      setOnline: (userId, online) => ctx.zim.setOnline(userId, online),
      createRoom: (roomId) => ctx.zim.createRoom(roomId),
      joinRoom: (roomId, userId) => ctx.zim.joinRoom(roomId, userId),
      leaveRoom: (roomId, userId) => ctx.zim.leaveRoom(roomId, userId),
      createGroup: (groupId, members) => ctx.zim.createGroup(groupId, members),
      sendAsClient: (message) => zimClientSend(ctx, message),
      state: () => ctx.zim.snapshot(),
    },
    trtc: {
      createRoom: (roomId, info) => {
        ctx.trtc.create(roomId, info ?? {}, nowSeconds(clock));
      },
      destroyRoom: (roomId) => ctx.trtc.destroy(roomId) !== undefined,
      joinRoom: (roomId, userId) => ctx.trtc.join(roomId, userId),
      leaveRoom: (roomId, userId) => ctx.trtc.leave(roomId, userId),
      muteUser: (roomId, userId, muted = true) => ctx.trtc.setMuted(roomId, userId, muted),
      rooms: () => ctx.trtc.snapshot(),
    },
    inbox: (vendor, userId) => ctx.deliveries.list({ vendor, userId }),
    deliveries: (filter) => ctx.deliveries.list(filter),
    onDelivery: (listener) => ctx.deliveries.subscribe(listener),
    callbacks: {
      configure: (vendor: VendorId, target: ZegoCallbackTarget | TrtcCallbackTarget | null) =>
        ctx.callbacks.configure(vendor, target ?? undefined),
      targets: () => {
        const out: Partial<Record<VendorId, { url: string }>> = {};
        for (const vendor of VENDORS) {
          const target = ctx.callbacks.target(vendor);
          if (target) out[vendor] = { url: target.url };
        }
        return out;
      },
      attempts: (filter) =>
        ctx.callbacks.attempts.filter(
          (a) =>
            (filter?.vendor === undefined || a.vendor === filter.vendor) &&
            (filter?.event === undefined || a.event === filter.event),
        ),
      idle: () => ctx.callbacks.idle(),
      onAttempt: (listener) => ctx.callbacks.subscribe(listener),
    },
  };
  emulator = api;
  try {
    applyFixtures(api, options.fixtures);
  } catch (error) {
    await api.close();
    throw error;
  }
  return api;
}
