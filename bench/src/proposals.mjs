// Measures the per-request fixes BENCHMARKS.md proposes against the shipped code (buildQuery is
// imported; requireZimRecipients and bytesToBase64 are not exported, so faithful copies stand in)
// and checks that the proposed version returns the same output. The proposed versions live here
// only until they are applied in their packages.
//   node src/proposals.mjs
import { RoomcastError, requireId, requireRecipients } from '@roomcast/core';
import { buildQuery } from '@roomcast/zego-common';

function nsPerCall(fn, calls = 100_000, rounds = 5) {
  for (let i = 0; i < calls / 2; i++) fn();
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    for (let i = 0; i < calls; i++) fn();
    samples.push(((performance.now() - started) * 1e6) / calls);
  }
  return samples.sort((a, b) => a - b)[rounds >> 1];
}

function report(title, current, proposed, calls) {
  const a = nsPerCall(current, calls);
  const b = nsPerCall(proposed, calls);
  console.log(
    `${title}\n  shipped  ${Math.round(a)} ns\n  proposed ${Math.round(b)} ns  (saves ${Math.round(a - b)} ns per call)\n`,
  );
}

// 1. zego-common buildQuery: skip encoding for strings made only of RFC 3986 unreserved characters.
const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;
const KEY_SAFE = /^[A-Za-z0-9\-._~[\]]*$/;
const encodeValue = (v) =>
  UNRESERVED.test(v)
    ? v
    : encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const encodeKey = (k) => (KEY_SAFE.test(k) ? k : encodeValue(k).replace(/%5B/g, '[').replace(/%5D/g, ']'));
const fastBuildQuery = (params) => params.map(([k, v]) => `${encodeKey(k)}=${encodeValue(v)}`).join('&');
const params = [
  ['AppId', '1234567890'],
  ['SignatureNonce', '4fd24687296dd9f3'],
  ['Timestamp', '1615186943'],
  ['Signature', '43e5cfcca828314675f91b001390566a'],
  ['SignatureVersion', '2.0'],
  ['Action', 'SendCustomCommand'],
  ['RoomId', 'bench-room'],
  ['FromUserId', 'bench-server'],
  ...Array.from({ length: 10 }, (_, i) => ['ToUserId[]', `user-${i}`]),
  ['MessageContent', '{"type":"gift","giftId":7}'],
];
const hostile = [
  ['a b[]', "+ & = % 😀 中文 !'()* ~._-"],
  ['x', ''],
];
for (const list of [params, hostile]) {
  if (fastBuildQuery(list) !== buildQuery(list))
    throw new Error('fast buildQuery differs from the shipped one');
}
report(
  'zego-common buildQuery, SendCustomCommand with 10 recipients',
  () => buildQuery(params),
  () => fastBuildQuery(params),
);

// 2. zego-zim requireZimRecipients: name the failing index only when an id fails.
const ZIM_ID = /^[0-9A-Za-z!#$%&()+\-:;<=.>?@[\]^_{}|~ ]+$/;
const context = { provider: 'zego-zim', operation: 'SendPeerMessage' };
const charset = (id, where) => {
  if (!ZIM_ID.test(id))
    throw new RoomcastError('INVALID_ARGUMENT', `${where} has a character ZIM refuses`, context);
};
function shipped(value, sender) {
  const ids = requireRecipients(value, 'ToUserId', 100, context);
  for (const id of ids) {
    const where = `ToUserId[${value.indexOf(id)}]`;
    charset(requireId(id, where, 32, context), where);
  }
  if (ids.includes(sender)) throw new Error('sender');
  return ids;
}
function proposed(value, sender) {
  const ids = requireRecipients(value, 'ToUserId', 100, context);
  for (const id of ids) {
    // The pattern is ASCII-only, so for a matching id its length is its UTF-8 byte count.
    if (ZIM_ID.test(id) && id.length <= 32) continue;
    const where = `ToUserId[${value.indexOf(id)}]`;
    charset(requireId(id, where, 32, context), where);
  }
  if (ids.includes(sender)) throw new Error('sender');
  return ids;
}
const recipients = Array.from({ length: 100 }, (_, i) => `user-${i}`);
report(
  'zego-zim requireZimRecipients, 100 recipients',
  () => shipped(recipients, 'server'),
  () => proposed(recipients, 'server'),
  20_000,
);

// 3. trtc bytesToBase64: Buffer in the Node-only platform module instead of fromCharCode + btoa.
const bytes = new Uint8Array(Array.from({ length: 180 }, (_, i) => (i * 97) % 256));
const viaBtoa = () => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};
const viaBuffer = () => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
if (viaBtoa() !== viaBuffer()) throw new Error('base64 differs');
report('trtc bytesToBase64 of a 180-byte deflated UserSig', viaBtoa, viaBuffer);
