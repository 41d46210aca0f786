import type {
  CallbackAttempt,
  CallbackOptions,
  TrtcCallbackTarget,
  ZegoCallbackTarget,
} from './callbacks/types.js';
import type { ZimClientMessage, ZimClientSendResult } from './callbacks/zim-client-send.js';
import type { CredentialOverrides } from './credentials.js';
import type { ActiveFault } from './faults/faults.js';
import type { FaultRule } from './faults/rules.js';
import type { Fixtures } from './fixtures.js';
import type { RateLimitOption } from './rate-limit/limits.js';
import type { Behavior, SizeLimits } from './settings.js';
import type { Delivery, DeliveryFilter } from './state/deliveries.js';
import type { RequestFilter, RequestLogEntry } from './state/request-log.js';
import type { JoinOptions, RtcUser } from './state/rtc-rooms.js';
import type { TrtcRoomInfo } from './state/trtc-rooms.js';
import type { EmulatorCredentials, VendorId } from './types.js';
import type { Clock } from './util/clock.js';

/** Options of {@link startEmulator}. Every one is optional. */
export interface StartEmulatorOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number | undefined;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string | undefined;
  /**
   * The emulator's clock in milliseconds (default `Date.now`). It drives the ZEGO ±600 s signature
   * window, UserSig expiry, rate-limit buckets, login times and message timestamps.
   */
  now?: Clock | undefined;
  /** Override any of the default credentials ({@link DEFAULT_CREDENTIALS}). */
  credentials?: CredentialOverrides | undefined;
  /** Seed of the random source behind fault shares, request ids and message ids (default 1). */
  seed?: number | undefined;
  /** `'vendor'` (default): documented limits; `'off'`: none; or per-Action overrides. */
  rateLimits?: RateLimitOption | undefined;
  /**
   * ZEGO RTC: the app has only a test environment (projects created on/before 2021-11-16): requests
   * must send `IsTest=true` or get 100000016. Default false (a production app; `IsTest=true` then
   * selects the test environment and its lower rate limits).
   */
  isTestApp?: boolean | undefined;
  /** Override documented size limits. */
  sizeLimits?: Partial<SizeLimits> | undefined;
  /** Choose the other behaviour where the docs are silent. */
  behavior?: Partial<Behavior> | undefined;
  /** Initial rooms and users, applied at start and on `reset()`. */
  fixtures?: Fixtures | undefined;
  /** Request-log and delivery-log capacity (default 100,000 each; oldest dropped first). */
  maxLogEntries?: number | undefined;
  /**
   * Vendor callbacks (webhooks): where each vendor posts, with its secret or token, and
   * `retryScale` for ZEGO's retry delays (0.001 in tests). Also settable later: `emu.callbacks.configure`.
   */
  callbacks?: CallbackOptions | undefined;
}

/** A running emulator. */
export interface Emulator {
  /** The origin, e.g. `http://127.0.0.1:4510`. */
  readonly url: string;
  readonly port: number;
  /** `${url}/zego-rtc`: use as the ZEGO RTC provider's `baseUrl`. */
  readonly zegoRtcUrl: string;
  /** `${url}/zego-zim`: use as the ZEGO ZIM provider's `baseUrl`. */
  readonly zegoZimUrl: string;
  /** `${url}/trtc`: use as the Tencent provider's `baseUrl`. */
  readonly trtcUrl: string;
  /** The credentials this emulator accepts. */
  readonly credentials: EmulatorCredentials;

  /** Stops the server, closing open connections (including ones held by a timeout fault). */
  close(): Promise<void>;
  /** Back to the initial state: rooms, users, logs, faults, rate-limit buckets (fixtures re-applied). */
  reset(): void;

  /**
   * Vendor requests received, oldest first.
   *
   * @example
   * ```ts
   * const nonces = emu.requests({ vendor: 'zego-rtc' }).map((r) => r.credential); // fresh per attempt?
   * ```
   */
  requests(filter?: RequestFilter): RequestLogEntry[];
  /** How many vendor requests arrived since start/reset (not bounded by the log capacity). */
  requestCount(): number;

  /**
   * Fault injection: rules hit matching requests in injection order (see {@link FaultRule}).
   *
   * @example
   * ```ts
   * emu.faults.inject({ vendor: 'zego-rtc', kind: 'code', code: 206, count: 2 }); // two rate-limit answers
   * emu.faults.inject({ kind: 'timeout', afterProcessing: true });                // delivered, never answered
   * emu.faults.inject({ kind: 'latency', ms: 500, share: 0.1, count: Infinity }); // 10 % slow, seeded
   * ```
   */
  readonly faults: {
    /** Adds a rule; returns its id. */
    inject(rule: FaultRule): number;
    /** Removes every rule, or the one with this id. */
    clear(id?: number): void;
    list(): ActiveFault[];
  };

  readonly zegoRtc: {
    /** Logs a user in to a room (creating the room). */
    joinRoom(roomId: string, userId: string, options?: JoinOptions): void;
    /** Logs a user out; the room disappears with its last user. Returns whether the user was in it. */
    leaveRoom(roomId: string, userId: string): boolean;
    rooms(): { roomId: string; users: RtcUser[] }[];
  };

  readonly zim: {
    /** Registers a user (UserRegister); offline. */
    registerUser(userId: string): void;
    /** Logs a user in or out (registering them). Logging out leaves every room. */
    setOnline(userId: string, online: boolean): void;
    createRoom(roomId: string): void;
    /** Logs the user in and enters the room (created if needed). */
    joinRoom(roomId: string, userId: string): void;
    leaveRoom(roomId: string, userId: string): boolean;
    /** Creates or replaces a group with these members (registered). */
    createGroup(groupId: string, members: readonly string[]): void;
    /**
     * Sends a message as a ZIM **client** would: through `before_send_msg` (when a ZIM callback
     * receiver is configured), delivered as its `result` says, then `send_msg`.
     *
     * @example
     * ```ts
     * emu.zim.joinRoom('r1', 'alice'); emu.zim.joinRoom('r1', 'bob');
     * const { status } = await emu.zim.sendAsClient({ from: 'alice', roomId: 'r1', text: 'hi' }); // 'delivered' | 'silent' | 'refused' | 'failed'
     * ```
     */
    sendAsClient(message: ZimClientMessage): Promise<ZimClientSendResult>;
    state(): {
      registered: string[];
      online: string[];
      rooms: { roomId: string; members: string[] }[];
      groups: { groupId: string; members: string[] }[];
    };
  };

  readonly trtc: {
    /** Creates a live room (what create_room does). Throws if it exists. */
    createRoom(roomId: string, info?: Partial<TrtcRoomInfo>): void;
    destroyRoom(roomId: string): boolean;
    /** Enters an existing room. Throws if the room does not exist. */
    joinRoom(roomId: string, userId: string): void;
    leaveRoom(roomId: string, userId: string): boolean;
    /** Mutes a member: send_text_msg / send_custom_msg as them answers 100601. */
    muteUser(roomId: string, userId: string, muted?: boolean): void;
    rooms(): { roomId: string; info: TrtcRoomInfo; members: string[]; muted: string[] }[];
  };

  /**
   * Messages one simulated user received from one vendor, oldest first.
   *
   * @example
   * ```ts
   * emu.zegoRtc.joinRoom('room-1', 'bob');
   * // ...a SendCustomCommand to room-1...
   * const [msg] = emu.inbox('zego-rtc', 'bob'); // { callback: 'onIMRecvCustomCommand', from, content, ... }
   * ```
   */
  inbox(vendor: VendorId, userId: string): Delivery[];
  /** Every delivery (all vendors, all users), oldest first: proves nothing arrived twice. */
  deliveries(filter?: DeliveryFilter): Delivery[];
  /** Calls `listener` for each new delivery; returns the unsubscribe function. */
  onDelivery(listener: (delivery: Delivery) => void): () => void;

  /**
   * Vendor callbacks (webhooks). With a receiver set, the emulator posts what it simulates — ZEGO
   * RTC room_create/room_login/room_logout/room_close; ZIM room_create/room_enter/room_exit/
   * room_destroy/user_action/send_msg/before_send_msg; Tencent Live room create/destroy/member
   * state and Group.CallbackBefore/AfterSendMsg — signed like the vendor, retried on its schedule,
   * and honours before-send answers (drop, reject, rewrite).
   *
   * @example
   * ```ts
   * emu.callbacks.configure('zego-rtc', { url: 'http://127.0.0.1:8080/callbacks/zego', secret: 'my-callback-secret' });
   * emu.zegoRtc.joinRoom('r1', 'alice'); // → room_create, room_login
   * await emu.callbacks.idle();
   * emu.callbacks.attempts().map((a) => [a.event, a.status]); // [['room_create', 200], ['room_login', 200]]
   * ```
   */
  readonly callbacks: {
    /** Sets (or with `null` removes) a vendor's receiver. */
    configure(vendor: 'zego-rtc' | 'zego-zim', target: ZegoCallbackTarget | null): void;
    configure(vendor: 'trtc', target: TrtcCallbackTarget | null): void;
    configure(vendor: VendorId, target: ZegoCallbackTarget | TrtcCallbackTarget | null): void;
    /** The receiver URL per vendor (secrets left out). */
    targets(): Partial<Record<VendorId, { url: string }>>;
    /** Every HTTP attempt made, oldest first. */
    attempts(filter?: { vendor?: VendorId | undefined; event?: string | undefined }): CallbackAttempt[];
    /** Resolves when no callback (or retry) is in flight. */
    idle(): Promise<void>;
    /** Calls `listener` after each attempt; returns the unsubscribe function. */
    onAttempt(listener: (attempt: CallbackAttempt) => void): () => void;
  };
}
