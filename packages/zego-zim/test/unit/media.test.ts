import { describe, expect, it } from 'vitest';
import { zimAudio, zimCombined, zimFile, zimImage, zimVideo } from '../../src/builders.js';
import { encodeSendPeerMessage } from '../../src/client/requests.js';
import { ZIM_DEFAULT_MESSAGE_LIMITS } from '../../src/limits.js';
import type { ZimCombinedItem } from '../../src/types/media.js';
import { thrown } from './helpers.js';

const url = 'https://cdn.example.com/a.png';
const peer = (MessageType: number, Message: unknown) =>
  encodeSendPeerMessage(
    { FromUserId: 'bot', ToUserId: ['u1'], Priority: 2, MessageType, MessageBody: { Message } } as never,
    ZIM_DEFAULT_MESSAGE_LIMITS,
  );

describe('media messages', () => {
  it('builds image JSON in ZIM key order', () => {
    const json = zimImage({
      FileName: 'a.png',
      Origin: { Url: url, Width: 640, Height: 480 },
      Thumbnail: { Url: url, Width: 64, Height: 48 },
      Uid: 'f1',
      Size: 1000,
    });
    expect(JSON.parse(json)).toEqual({
      Uid: 'f1',
      Origin: { Url: url, Width: 640, Height: 480 },
      Thumbnail: { Url: url, Width: 64, Height: 48 },
      FileName: 'a.png',
      Size: 1000,
    });
    expect(Object.keys(JSON.parse(json))).toEqual(['Uid', 'Origin', 'Thumbnail', 'FileName', 'Size']);
  });

  it('builds file, audio and video JSON', () => {
    expect(JSON.parse(zimFile({ Url: url, FileName: 'r.pdf', Size: 5 }))).toEqual({
      Url: url,
      FileName: 'r.pdf',
      Size: 5,
    });
    expect(JSON.parse(zimAudio({ Url: url, FileName: 'v.m4a', MediaDuration: 12 }))).toEqual({
      Url: url,
      FileName: 'v.m4a',
      MediaDuration: 12,
    });
    const video = JSON.parse(
      zimVideo({ Url: url, FileName: 'c.mp4', MediaDuration: 3, Thumbnail: { Url: url } }),
    );
    expect(video).toEqual({ Url: url, FileName: 'c.mp4', MediaDuration: 3, Thumbnail: { Url: url } });
  });

  it('limits Url to 500 bytes and FileName to 150 bytes', () => {
    const long = `https://x/${'a'.repeat(490)}`;
    expect(long.length).toBe(500);
    expect(() => zimFile({ Url: long, FileName: 'f' })).not.toThrow();
    expect(thrown(() => zimFile({ Url: `${long}a`, FileName: 'f' })).message).toContain('Url is 501 bytes');
    expect(() => zimFile({ Url: url, FileName: 'n'.repeat(150) })).not.toThrow();
    expect(thrown(() => zimFile({ Url: url, FileName: 'é'.repeat(76) })).message).toContain(
      'FileName is 152 bytes',
    );
    expect(thrown(() => zimImage({ Origin: { Url: `${long}a` }, FileName: 'f' })).message).toContain(
      'Origin.Url',
    );
  });

  it('requires the documented fields', () => {
    expect(thrown(() => zimImage({ FileName: 'a' } as never)).message).toMatch(/Origin must be an object/);
    expect(thrown(() => zimImage({ Origin: { Url: url } } as never)).message).toMatch(/FileName/);
    expect(thrown(() => zimAudio({ Url: url, FileName: 'a' } as never)).message).toMatch(/MediaDuration/);
    expect(thrown(() => zimFile({ Url: url, FileName: 'a', Width: 3 } as never)).message).toMatch(
      /Width is not accepted/,
    );
  });

  it('serializes objects given to the client and validates strings as given', () => {
    const body = peer(12, { Url: url, FileName: 'r.pdf' });
    expect(body.MessageBody).toEqual({ Message: JSON.stringify({ Url: url, FileName: 'r.pdf' }) });
    const text = `{"Url":"${url}","FileName":"r.pdf"}`;
    expect((peer(12, text).MessageBody as { Message: string }).Message).toBe(text);
    expect(thrown(() => peer(12, 'not json')).message).toMatch(/file JSON/);
    expect(thrown(() => peer(11, '{"FileName":"a"}')).code).toBe('INVALID_ARGUMENT');
  });
});

describe('combined messages', () => {
  const text: ZimCombinedItem = { MsgType: 1, Msg: 'hi' };

  it('builds MultiMsg with media items serialized', () => {
    const json = zimCombined([
      text,
      { MsgType: 11, Msg: { Origin: { Url: url }, FileName: 'a.png' } },
      { MsgType: 200, Msg: '{"k":1}', SubMsgType: 7, SearchedContent: 'k' },
    ]);
    expect(JSON.parse(json)).toEqual({
      MultiMsg: [
        { MsgType: 1, Msg: 'hi' },
        { MsgType: 11, Msg: JSON.stringify({ Origin: { Url: url }, FileName: 'a.png' }) },
        { MsgType: 200, SubMsgType: 7, Msg: '{"k":1}', SearchedContent: 'k' },
      ],
    });
  });

  it('takes 1–20 items', () => {
    expect(() => zimCombined(Array.from({ length: 20 }, () => text))).not.toThrow();
    expect(thrown(() => zimCombined(Array.from({ length: 21 }, () => text))).message).toContain(
      '21 items; ZIM allows 20',
    );
    expect(thrown(() => zimCombined([])).code).toBe('INVALID_ARGUMENT');
  });

  it('checks item types and custom-only fields', () => {
    expect(thrown(() => zimCombined([{ MsgType: 2, Msg: 'x' } as never])).message).toMatch(/MsgType must be/);
    expect(thrown(() => zimCombined([{ MsgType: 200, Msg: 'x' } as never])).message).toMatch(/SubMsgType/);
    expect(thrown(() => zimCombined([{ MsgType: 1, Msg: 'x', SubMsgType: 1 } as never])).code).toBe(
      'INVALID_ARGUMENT',
    );
  });

  it('applies the 5 KB combined limit to the serialized Message', () => {
    const item = (n: number): ZimCombinedItem => ({ MsgType: 1, Msg: 'x'.repeat(n) });
    expect(() => peer(10, { MultiMsg: [item(2000), item(2000), item(1000)] })).not.toThrow();
    expect(thrown(() => peer(10, { MultiMsg: [item(2000), item(2000), item(1100)] })).message).toMatch(
      /for combined messages/,
    );
  });
});
