import {
  type CheckContext,
  checkByteLength,
  requireInteger,
  requireObject,
  requireString,
} from '@roomcast/core';
import { ZIM_FIELD_LIMITS } from '../limits.js';
import { invalid, rejectUnknownKeys } from './context.js';
import { parseJsonObject } from './fields.js';
import { mediaMessageText } from './media.js';

const ITEM_TYPES = new Set([1, 11, 12, 13, 14, 200]);

function checkItem(value: unknown, field: string, context: CheckContext): Record<string, unknown> {
  const item = requireObject(value, field, context);
  const type = item.MsgType;
  if (typeof type !== 'number' || !ITEM_TYPES.has(type)) {
    throw invalid(`${field}.MsgType must be 1, 11, 12, 13, 14 or 200`, context);
  }
  const custom = type === 200;
  rejectUnknownKeys(
    item,
    custom ? ['MsgType', 'Msg', 'SubMsgType', 'SearchedContent'] : ['MsgType', 'Msg'],
    field,
    context,
  );
  const out: Record<string, unknown> = { MsgType: type };
  if (custom)
    out.SubMsgType = requireInteger(
      item.SubMsgType,
      `${field}.SubMsgType`,
      0,
      ZIM_FIELD_LIMITS.subMsgTypeMax,
      context,
    );
  out.Msg =
    type === 1 || custom
      ? requireString(item.Msg, `${field}.Msg`, context)
      : mediaMessageText(type as 11 | 12 | 13 | 14, item.Msg, `${field}.Msg`, context);
  if (custom && item.SearchedContent !== undefined) {
    const searched = requireString(item.SearchedContent, `${field}.SearchedContent`, context);
    checkByteLength(searched, ZIM_FIELD_LIMITS.searchedContentBytes, `${field}.SearchedContent`, {
      ...context,
      vendor: 'ZIM',
    });
    out.SearchedContent = searched;
  }
  return out;
}

function checkCombined(
  value: unknown,
  field: string,
  context: CheckContext,
): { MultiMsg: Record<string, unknown>[] } {
  const doc = requireObject(value, field, context);
  rejectUnknownKeys(doc, ['MultiMsg'], field, context);
  const items = doc.MultiMsg;
  if (!Array.isArray(items) || items.length === 0) {
    throw invalid(`${field}.MultiMsg must be a non-empty array of items`, context);
  }
  if (items.length > ZIM_FIELD_LIMITS.combinedItems) {
    throw invalid(
      `${field}.MultiMsg has ${items.length} items; ZIM allows ${ZIM_FIELD_LIMITS.combinedItems}`,
      context,
    );
  }
  return { MultiMsg: items.map((item, index) => checkItem(item, `${field}.MultiMsg[${index}]`, context)) };
}

/**
 * The `Message` text of a combined message (type 10): `{ MultiMsg: [...] }` with 1–20 items of
 * types 1, 11–14 and 200. Media items may give `Msg` as an object (serialized here). A string is
 * validated and sent as given.
 */
export function combinedMessageText(message: unknown, field: string, context: CheckContext): string {
  if (typeof message === 'string') {
    checkCombined(parseJsonObject(message, field, 'the combined-message JSON', context), field, context);
    return message;
  }
  return JSON.stringify(checkCombined(message, field, context));
}
