import { type CheckContext, optionalString, requireInteger, requireObject } from '@roomcast/core';
import { ZIM_FIELD_LIMITS } from '../limits.js';
import type {
  ZimAudioContent,
  ZimFileContent,
  ZimImageContent,
  ZimImageInfo,
  ZimVideoContent,
} from '../types/media.js';
import { rejectUnknownKeys } from './context.js';
import { optionalCount, parseJsonObject, requireBoundedString } from './fields.js';

/** The media message types and the JSON document each carries. */
export interface ZimMediaContentByType {
  11: ZimImageContent;
  12: ZimFileContent;
  13: ZimAudioContent;
  14: ZimVideoContent;
}

/** A media `MessageType`. */
export type ZimMediaType = keyof ZimMediaContentByType;

const MEDIA_NAMES: Record<ZimMediaType, string> = { 11: 'image', 12: 'file', 13: 'audio', 14: 'video' };

function imageInfo(value: unknown, field: string, context: CheckContext): ZimImageInfo {
  const info = requireObject(value, field, context);
  rejectUnknownKeys(info, ['Url', 'Width', 'Height'], field, context);
  const out: ZimImageInfo = {
    Url: requireBoundedString(info.Url, `${field}.Url`, ZIM_FIELD_LIMITS.urlBytes, context),
  };
  const width = optionalCount(info.Width, `${field}.Width`, context);
  const height = optionalCount(info.Height, `${field}.Height`, context);
  if (width !== undefined) out.Width = width;
  if (height !== undefined) out.Height = height;
  return out;
}

function optionalImageInfo(value: unknown, field: string, context: CheckContext): ZimImageInfo | undefined {
  return value === undefined ? undefined : imageInfo(value, field, context);
}

const FILE_KEYS = ['Uid', 'Url', 'FileName', 'Size'];

/**
 * Validates one media document and returns a clean copy with ZIM's key order. Required: image
 * `Origin.Url` and `FileName`; file/audio/video `Url` and `FileName`; audio/video `MediaDuration`.
 * `Url` ≤ 500 bytes, `FileName` ≤ 150 bytes.
 */
export function checkMediaContent<T extends ZimMediaType>(
  type: T,
  value: unknown,
  field: string,
  context: CheckContext,
): ZimMediaContentByType[T] {
  const doc = requireObject(value, field, context);
  const uid = optionalString(doc.Uid, `${field}.Uid`, context);
  const size = () => optionalCount(doc.Size, `${field}.Size`, context);
  const fileName = () =>
    requireBoundedString(doc.FileName, `${field}.FileName`, ZIM_FIELD_LIMITS.fileNameBytes, context);
  const clean: Record<string, unknown> = {};
  if (uid !== undefined) clean.Uid = uid;
  if (type === 11) {
    rejectUnknownKeys(doc, ['Uid', 'Origin', 'LargeImage', 'Thumbnail', 'FileName', 'Size'], field, context);
    clean.Origin = imageInfo(doc.Origin, `${field}.Origin`, context);
    const large = optionalImageInfo(doc.LargeImage, `${field}.LargeImage`, context);
    const thumbnail = optionalImageInfo(doc.Thumbnail, `${field}.Thumbnail`, context);
    if (large !== undefined) clean.LargeImage = large;
    if (thumbnail !== undefined) clean.Thumbnail = thumbnail;
    clean.FileName = fileName();
  } else {
    const allowed =
      type === 12
        ? FILE_KEYS
        : type === 13
          ? [...FILE_KEYS, 'MediaDuration']
          : [...FILE_KEYS, 'MediaDuration', 'Thumbnail'];
    rejectUnknownKeys(doc, allowed, field, context);
    clean.Url = requireBoundedString(doc.Url, `${field}.Url`, ZIM_FIELD_LIMITS.urlBytes, context);
    clean.FileName = fileName();
  }
  const bytes = size();
  if (bytes !== undefined) clean.Size = bytes;
  if (type === 13 || type === 14) {
    clean.MediaDuration = requireInteger(
      doc.MediaDuration,
      `${field}.MediaDuration`,
      0,
      Number.MAX_SAFE_INTEGER,
      context,
    );
  }
  if (type === 14) {
    const thumbnail = optionalImageInfo(doc.Thumbnail, `${field}.Thumbnail`, context);
    if (thumbnail !== undefined) clean.Thumbnail = thumbnail;
  }
  return clean as unknown as ZimMediaContentByType[T];
}

/**
 * The `Message` text of a media message: an object is validated and serialized; a string is
 * parsed, validated and sent as given.
 */
export function mediaMessageText(
  type: ZimMediaType,
  message: unknown,
  field: string,
  context: CheckContext,
): string {
  const what = `the ${MEDIA_NAMES[type]} JSON`;
  if (typeof message === 'string') {
    checkMediaContent(type, parseJsonObject(message, field, what, context), field, context);
    return message;
  }
  return JSON.stringify(checkMediaContent(type, message, field, context));
}
