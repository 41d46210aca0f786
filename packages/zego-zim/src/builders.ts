import type {
  ZimAudioContent,
  ZimCombinedItem,
  ZimFileContent,
  ZimImageContent,
  ZimVideoContent,
} from './types/media.js';
import { combinedMessageText } from './validation/combined.js';
import { contextFor } from './validation/context.js';
import { mediaMessageText } from './validation/media.js';

// Builders validate with the same rules as the client; errors name no ZIM action.
const context = contextFor('MessageBody');

/**
 * The `Message` JSON of an image message (type 11), validated: `Origin.Url` ≤ 500 bytes,
 * `FileName` ≤ 150 bytes. The client also accepts the object itself.
 *
 * @example
 * ```ts
 * const Message = zimImage({ Origin: { Url: 'https://cdn.example.com/a.png', Width: 640, Height: 480 }, FileName: 'a.png' });
 * ```
 */
export function zimImage(content: ZimImageContent): string {
  return mediaMessageText(11, content, 'image', context);
}

/**
 * The `Message` JSON of a file message (type 12), validated.
 *
 * @example
 * ```ts
 * zimFile({ Url: 'https://cdn.example.com/report.pdf', FileName: 'report.pdf', Size: 52_000 });
 * ```
 */
export function zimFile(content: ZimFileContent): string {
  return mediaMessageText(12, content, 'file', context);
}

/**
 * The `Message` JSON of an audio message (type 13), validated.
 *
 * @example
 * ```ts
 * zimAudio({ Url: 'https://cdn.example.com/v.m4a', FileName: 'v.m4a', MediaDuration: 12 });
 * ```
 */
export function zimAudio(content: ZimAudioContent): string {
  return mediaMessageText(13, content, 'audio', context);
}

/**
 * The `Message` JSON of a video message (type 14), validated.
 *
 * @example
 * ```ts
 * zimVideo({ Url: 'https://cdn.example.com/c.mp4', FileName: 'c.mp4', MediaDuration: 30,
 *   Thumbnail: { Url: 'https://cdn.example.com/c.jpg', Width: 320, Height: 180 } });
 * ```
 */
export function zimVideo(content: ZimVideoContent): string {
  return mediaMessageText(14, content, 'video', context);
}

/**
 * The `Message` JSON of a combined message (type 10): 1–20 items of text, media or custom
 * messages; media items may be objects.
 *
 * @example
 * ```ts
 * zimCombined([{ MsgType: 1, Msg: 'Look:' }, { MsgType: 11, Msg: { Origin: { Url: 'https://cdn.example.com/a.png' }, FileName: 'a.png' } }]);
 * ```
 */
export function zimCombined(items: readonly ZimCombinedItem[]): string {
  return combinedMessageText({ MultiMsg: items }, 'combined', context);
}
