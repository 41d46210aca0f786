/**
 * ZIM `MessageType` values, named. The number is what goes on the wire; the name is how limits
 * and errors talk about it.
 */
export const ZIM_MESSAGE_TYPES = {
  text: 1,
  command: 2,
  combined: 10,
  image: 11,
  file: 12,
  audio: 13,
  video: 14,
  barrage: 20,
  custom: 200,
} as const;

/** The name of a ZIM message type (`text`, `command`, …). */
export type ZimMessageTypeName = keyof typeof ZIM_MESSAGE_TYPES;

/** A ZIM `MessageType` number: 1 text, 2 command, 10 combined, 11–14 media, 20 barrage, 200 custom. */
export type ZimMessageType = (typeof ZIM_MESSAGE_TYPES)[ZimMessageTypeName];

/** `Priority` of peer, group and room messages: 1 low, 2 medium, 3 high. */
export type ZimPriority = 1 | 2 | 3;

const NAMES = new Map<number, ZimMessageTypeName>(
  Object.entries(ZIM_MESSAGE_TYPES).map(([name, value]) => [value, name as ZimMessageTypeName]),
);

/** The name of a `MessageType` number, or `undefined` for a number ZIM does not define. */
export function messageTypeName(type: number): ZimMessageTypeName | undefined {
  return NAMES.get(type);
}
