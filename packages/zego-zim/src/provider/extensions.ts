import { type MessageKind, requireObject } from '@roomcast/core';
import type { ZimOfflinePush } from '../types/offline-push.js';
import { invalid, PROVIDER_ID, rejectUnknownKeys } from '../validation/context.js';

/**
 * Vendor options of `zego-zim`, passed as `extensions['zego-zim']` on a unified message. Fields
 * that are ZIM's keep ZIM's names and rules; `messageType` is roomcast's choice of ZIM type.
 *
 * | option | kinds |
 * |---|---|
 * | `messageType` (200 custom, default; 2 command) | `direct` with `data`, `signal` |
 * | `IsBase64: 1` (`data` is base64; ZIM delivers the bytes) | command messages |
 * | `SearchedContent` (≤ 64 bytes) | custom messages |
 * | `OfflinePush`, `HasReceipt`, `NoUnread` | `direct` (not commands for the first two) |
 * | `SenderUnaware` (peer default 0, room default 1) | all |
 * | `ExtendedData` (≤ 1 KB) | all |
 *
 * @example
 * ```ts
 * await rc.send('zim:direct', { from: 'bot', to: ['u1'], text: 'Your order shipped',
 *   extensions: { 'zego-zim': { OfflinePush: { Enable: 1, Title: 'Shop', Content: 'Your order shipped' }, NoUnread: false } } });
 * ```
 */
export interface ZegoZimExtensions {
  /** ZIM type of `data` payloads: 200 custom (default, `type` is its SubMsgType) or 2 command. */
  messageType?: 2 | 200;
  /** Commands only: 1 when `data` is base64 of binary content. */
  IsBase64?: 0 | 1;
  /** Custom messages only: text clients can search by, at most 64 bytes. */
  SearchedContent?: string;
  /** Direct messages only: the offline push notification. */
  OfflinePush?: ZimOfflinePush;
  /** Direct text or custom messages: ask receivers for a read receipt. */
  HasReceipt?: 0 | 1;
  /** Direct messages only: do not raise the receivers' unread counts (`SendMsgOptions.NoUnread`). */
  NoUnread?: boolean;
  /** 1: the sender's own clients do not see the message. ZIM defaults: 0 for direct, 1 for room kinds. */
  SenderUnaware?: 0 | 1;
  /** Your extra data, at most 1 KB. */
  ExtendedData?: string;
}

const COMMON = ['SenderUnaware', 'ExtendedData'];

/** Which options each kind takes; `data` direct messages and signals choose a ZIM type. */
function allowedKeys(kind: MessageKind, isData: boolean): string[] {
  if (kind === 'direct') {
    const keys = [...COMMON, 'OfflinePush', 'HasReceipt', 'NoUnread'];
    return isData ? [...keys, 'messageType', 'IsBase64', 'SearchedContent'] : keys;
  }
  if (kind === 'signal') return [...COMMON, 'messageType', 'IsBase64', 'SearchedContent'];
  return COMMON;
}

/**
 * Reads and checks `extensions['zego-zim']` for a kind: unknown or misplaced options are
 * `INVALID_ARGUMENT` naming the option; values are checked later by the vendor client's rules.
 */
export function readExtensions(
  kind: MessageKind,
  message: { extensions?: Readonly<Record<string, unknown>> | undefined; data?: unknown },
  operation: string,
): ZegoZimExtensions {
  const raw = message.extensions?.[PROVIDER_ID];
  if (raw === undefined) return {};
  const context = { provider: PROVIDER_ID, operation };
  const field = `extensions['${PROVIDER_ID}']`;
  const options = requireObject(raw, field, context);
  rejectUnknownKeys(
    options,
    allowedKeys(kind, message.data !== undefined),
    `${field} for ${kind} messages`,
    context,
  );
  if (options.messageType !== undefined && options.messageType !== 2 && options.messageType !== 200) {
    throw invalid(`${field}.messageType must be 200 (custom, the default) or 2 (command)`, context);
  }
  const command = options.messageType === 2;
  if (options.IsBase64 !== undefined && !command) {
    throw invalid(`${field}.IsBase64 applies to command messages: also set messageType: 2`, context);
  }
  if (options.SearchedContent !== undefined && command) {
    throw invalid(
      `${field}.SearchedContent applies to custom messages, not commands (messageType 2)`,
      context,
    );
  }
  return options as ZegoZimExtensions;
}
