import { createRoomcast } from '@roomcast/core';
import { expectTypeOf, test } from 'vitest';
import { type TrtcProvider, trtc } from '../src/index.js';

const rc = createRoomcast({
  providers: { tencent: trtc({ sdkAppId: 1400000000, secretKey: 'k', adminUserId: 'administrator' }) },
});

test('only the kinds trtc declares are channels', () => {
  expectTypeOf(rc.provider('tencent')).toEqualTypeOf<TrtcProvider>();
  void (() => rc.send('tencent:signal', { roomId: 'r', type: 'gift', data: 'x' }));
  void (() => rc.send('tencent:broadcast', { roomId: 'r', from: 'h', text: 't' }));
  // @ts-expect-error Tencent live rooms have no barrage kind
  void (() => rc.send('tencent:barrage', { roomId: 'r', from: 'h', text: 't' }));
  // @ts-expect-error nor direct messages
  void (() => rc.send('tencent:direct', { from: 'h', to: ['u'], text: 't' }));
});
