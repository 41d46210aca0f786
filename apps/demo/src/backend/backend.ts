import { createRoomcast } from '@roomcast/core';
import { type Emulator, startEmulator } from '@roomcast/emulator';
import { type TrtcConfig, trtc } from '@roomcast/trtc';
import { type ZegoRtcConfig, zegoRtc } from '@roomcast/zego-rtc';
import { type ZegoZimConfig, zegoZim } from '@roomcast/zego-zim';
import { ALIAS_VENDOR, type DemoAlias, type VendorId } from '../shared/vendors.js';
import { createCallLog, type VendorCallListener } from './call-log.js';
import type { VendorSettings } from './env.js';

/** Where each vendor's requests go: the embedded emulator, or the real vendor. */
export type VendorMode = 'emulator' | 'vendor';

/**
 * The callback secret and token the emulated vendors sign their webhooks with. Not secrets: the
 * emulator and the demo's providers share them, as a real project shares its CallbackSecret.
 */
export const DEMO_CALLBACK_SECRET = 'roomcast-demo-callback-secret';
export const DEMO_CALLBACK_TOKEN = 'roomcast-demo-callback-token';

export interface DemoBackendOptions {
  /** Real vendor credentials (see `readVendorEnv`); vendors not listed use the emulator. */
  vendors?: VendorSettings | undefined;
  /** Port of the embedded emulator (default 0: any free port). */
  emulatorPort?: number | undefined;
  /** Per-attempt timeout; the demo keeps it short so a timeout fault shows within seconds. */
  timeoutMs?: number | undefined;
}

/** The client configs the vendor-client demos use (same credentials and base URL as the providers). */
export interface VendorClientConfigs {
  zegoRtc: ZegoRtcConfig;
  zegoZim: ZegoZimConfig;
  trtc: TrtcConfig;
}

function buildRegistry(
  configs: VendorClientConfigs,
  options: DemoBackendOptions,
  hooks: ReturnType<typeof createCallLog>['hooks'],
) {
  return createRoomcast({
    providers: { zego: zegoRtc(configs.zegoRtc), zim: zegoZim(configs.zegoZim), tencent: trtc(configs.trtc) },
    timeoutMs: options.timeoutMs ?? 3_000,
    // One more attempt than core's default, so an injected burst of rate-limit answers is absorbed.
    retry: { maxAttempts: 4, baseDelayMs: 150, maxDelayMs: 2_000 },
    hooks,
  });
}

export type DemoRegistry = ReturnType<typeof buildRegistry>;

/** Everything the dashboard and the CLI share: a registry over the three providers and the emulator. */
export interface DemoBackend {
  readonly rc: DemoRegistry;
  /** The embedded emulator; undefined when every vendor is real. */
  readonly emulator: Emulator | undefined;
  readonly modes: Readonly<Record<VendorId, VendorMode>>;
  readonly clientConfigs: VendorClientConfigs;
  /** Streams every vendor call the registry makes (responses, retries, errors). */
  onVendorCall(listener: VendorCallListener): () => void;
  /**
   * Points the emulator's webhooks at `${base}/<alias>` (`zego`, `zim`, `tencent`), once the
   * receiving server knows its port. Real vendors are configured in their consoles instead.
   */
  routeCallbacksTo(base: string): void;
  close(): Promise<void>;
}

/**
 * Starts the emulator (unless every vendor has real credentials) and a registry with the aliases
 * `zego` (ZEGO RTC), `zim` (ZEGO ZIM) and `tencent` (Tencent RTC).
 *
 * @example
 * ```ts
 * const backend = await createDemoBackend({ vendors: readVendorEnv(process.env) });
 * await backend.rc.send('zego:signal', { roomId: 'live-1', from: 'server', data: 'hi' });
 * await backend.close();
 * ```
 */
export async function createDemoBackend(options: DemoBackendOptions = {}): Promise<DemoBackend> {
  const vendors = options.vendors ?? {};
  const everyVendorReal = vendors.zegoRtc && vendors.zegoZim && vendors.trtc;
  const emulator = everyVendorReal ? undefined : await startEmulator({ port: options.emulatorPort ?? 0 });

  const configs: VendorClientConfigs = {
    zegoRtc: vendors.zegoRtc
      ? definedOnly({ ...vendors.zegoRtc })
      : {
          ...emulator!.credentials.zegoRtc,
          baseUrl: emulator!.zegoRtcUrl,
          callbackSecret: DEMO_CALLBACK_SECRET,
        },
    zegoZim: vendors.zegoZim
      ? definedOnly({ ...vendors.zegoZim })
      : {
          ...emulator!.credentials.zegoZim,
          baseUrl: emulator!.zegoZimUrl,
          callbackSecret: DEMO_CALLBACK_SECRET,
        },
    trtc: vendors.trtc
      ? definedOnly({ ...vendors.trtc })
      : { ...emulator!.credentials.trtc, baseUrl: emulator!.trtcUrl, callbackToken: DEMO_CALLBACK_TOKEN },
  };
  const modes: Record<VendorId, VendorMode> = {
    'zego-rtc': vendors.zegoRtc ? 'vendor' : 'emulator',
    'zego-zim': vendors.zegoZim ? 'vendor' : 'emulator',
    trtc: vendors.trtc ? 'vendor' : 'emulator',
  };
  const emulatedAliases = (Object.keys(ALIAS_VENDOR) as DemoAlias[]).filter(
    (alias) => modes[ALIAS_VENDOR[alias]] === 'emulator',
  );
  const callLog = createCallLog();
  const rc = buildRegistry(configs, options, callLog.hooks);
  return {
    rc,
    emulator,
    modes,
    clientConfigs: configs,
    onVendorCall: callLog.subscribe,
    routeCallbacksTo(base) {
      for (const alias of emulatedAliases) {
        const url = `${base}/${alias}`;
        const vendor = ALIAS_VENDOR[alias];
        if (vendor === 'trtc') emulator!.callbacks.configure(vendor, { url, token: DEMO_CALLBACK_TOKEN });
        else emulator!.callbacks.configure(vendor, { url, secret: DEMO_CALLBACK_SECRET });
      }
    },
    close: async () => {
      // Stop the webhooks first: a closing dashboard must not be posted to (or retried) any more.
      for (const alias of emulatedAliases) emulator?.callbacks.configure(ALIAS_VENDOR[alias], null);
      await emulator?.close();
    },
  };
}

/** Drops undefined fields: the vendor configs reject unknown or explicitly undefined options. */
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
