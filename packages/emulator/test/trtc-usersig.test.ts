import { createHmac } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index.js';
import { manualClock, start, trtc } from './helpers/http.js';
import { encodeTicket, makeUserSig } from './helpers/sign.js';
import { vectors } from './helpers/vectors.js';

const tls = vectors.tencent_usersig;

interface SigCase {
  sdkappid: number;
  key: string;
  identifier: string;
  expire: number;
  time: number;
  string_to_sign: string;
  hmac_sha256_base64: string;
  decoded_json: string;
  expected_usersig: string;
}

function decodeLocally(usersig: string): string {
  const b64 = usersig.replaceAll('*', '+').replaceAll('-', '/').replaceAll('_', '=');
  return inflateSync(Buffer.from(b64, 'base64')).toString('utf8');
}

/** get_room_info on an existing room: ErrorCode 0 means the UserSig and admin checks passed. */
async function verifyOver(emu: Emulator, usersig: string, query: Record<string, string> = {}) {
  const { status, body } = await trtc(emu, 'get_room_info', { RoomId: 'probe' }, { usersig, query });
  expect(status).toBe(200);
  return body.ErrorCode as number;
}

async function emulatorFor(
  c: { sdkappid: number; key: string; identifier: string },
  nowSeconds: number,
  extraAdmins: string[] = [],
) {
  const emu = await start({
    now: () => nowSeconds * 1000,
    credentials: {
      trtc: {
        sdkAppId: c.sdkappid,
        secretKey: c.key,
        adminUserId: c.identifier,
        extraAdminUserIds: extraAdmins,
      },
    },
  });
  emu.trtc.createRoom('probe');
  return emu;
}

describe('UserSig vectors (tls-sig-api-v2 cases)', () => {
  for (const c of tls.cases as SigCase[]) {
    it(`${c.identifier}: the expected UserSig verifies; the test signer agrees with the vector`, async () => {
      expect(decodeLocally(c.expected_usersig)).toBe(c.decoded_json);
      expect(createHmac('sha256', c.key).update(c.string_to_sign).digest('base64')).toBe(
        c.hmac_sha256_base64,
      );
      const mine = makeUserSig({
        sdkAppId: c.sdkappid,
        secretKey: c.key,
        identifier: c.identifier,
        expire: c.expire,
        time: c.time,
      });
      expect(decodeLocally(mine)).toBe(c.decoded_json);

      const emu = await emulatorFor(c, c.time + 1);
      expect(
        await verifyOver(emu, c.expected_usersig, { sdkappid: String(c.sdkappid), identifier: c.identifier }),
      ).toBe(0);
      expect(await verifyOver(emu, mine, { sdkappid: String(c.sdkappid), identifier: c.identifier })).toBe(0);
      await emu.close();
    });
  }

  it('cross-implementation variants (Python json.dumps + zlib 1.2.13, Go-style stored blocks) verify like the Node ones', async () => {
    for (const variant of tls.cross_implementation_variants) {
      const idx = Number(/cases\[(\d+)\]/.exec(variant.must_verify_same_as)![1]);
      const c = tls.cases[idx] as SigCase;
      const emu = await emulatorFor(c, c.time + 1);
      const q = { sdkappid: String(c.sdkappid), identifier: c.identifier };
      for (const style of [variant.python_lib_style, variant.go_lib_style_approx]) {
        expect(decodeLocally(style.usersig)).toBe(style.json);
        expect(await verifyOver(emu, style.usersig, q)).toBe(0);
      }
      await emu.close();
    }
  });

  it('the userbuf (PrivateMapKey) variant verifies with TLS.userbuf in the signed string', async () => {
    const pmk = tls.private_map_key_example;
    const emu = await emulatorFor(pmk, pmk.time + 1);
    expect(
      await verifyOver(emu, pmk.expected_usersig, {
        sdkappid: String(pmk.sdkappid),
        identifier: pmk.identifier,
      }),
    ).toBe(0);
    await emu.close();
  });
});

describe('UserSig negative cases (negative_cases_for_emulator)', () => {
  const clock = manualClock(0);
  let emu: Emulator;
  beforeAll(async () => {
    const c = tls.cases[0] as SigCase;
    emu = await start({
      now: clock.now,
      credentials: {
        trtc: {
          sdkAppId: c.sdkappid,
          secretKey: c.key,
          adminUserId: 'xiaojun',
          extraAdminUserIds: ['expired_user'],
        },
      },
    });
    emu.trtc.createRoom('probe');
  });
  afterAll(() => emu.close());

  for (const n of tls.negative_cases_for_emulator) {
    it(`${n.name} → ${n.expected_error_code}`, async () => {
      clock.set(n.now);
      const q = { sdkappid: String(n.request.sdkappid), identifier: n.request.identifier };
      expect(await verifyOver(emu, n.usersig, q)).toBe(n.expected_error_code);
    });
  }
});

describe('UserSig decoding and admin checks', () => {
  const c = tls.cases[1] as SigCase; // administrator, 1 day from 1609459200
  let emu: Emulator;
  beforeAll(async () => {
    emu = await emulatorFor(c, c.time + 100);
  });
  afterAll(() => emu.close());
  const q = { sdkappid: String(c.sdkappid), identifier: c.identifier };
  const sign = (identifier: string, expire = c.expire) =>
    createHmac('sha256', c.key)
      .update(
        `TLS.identifier:${identifier}\nTLS.sdkappid:${c.sdkappid}\nTLS.time:${c.time}\nTLS.expire:${expire}\n`,
      )
      .digest('base64');

  it('any zlib level, any key order, whitespace and \\u escapes verify', async () => {
    for (const level of [0, 1, 9]) {
      expect(await verifyOver(emu, encodeTicket(c.decoded_json, level), q)).toBe(0);
    }
    const reordered = `{ "TLS.sig" : "${sign(c.identifier)}", "TLS.expire": ${c.expire},\n "TLS.time": ${c.time}, "TLS.sdkappid": ${c.sdkappid}, "TLS.identifier": "\\u0061dministrator", "TLS.ver": "2.0" }`;
    expect(await verifyOver(emu, encodeTicket(reordered), q)).toBe(0);
  });

  it('a valid ticket for a non-admin identifier answers 60010', async () => {
    const userSig = makeUserSig({
      sdkAppId: c.sdkappid,
      secretKey: c.key,
      identifier: 'viewer42',
      expire: c.expire,
      time: c.time,
    });
    expect(await verifyOver(emu, userSig, { ...q, identifier: 'viewer42' })).toBe(60010);
  });

  it('undecodable tickets answer 70003; tampered lifetime answers 70009', async () => {
    expect(await verifyOver(emu, encodeTicket('not json'), q)).toBe(70003);
    expect(await verifyOver(emu, encodeTicket('[1,2]'), q)).toBe(70003);
    const noVer = JSON.stringify({
      'TLS.identifier': c.identifier,
      'TLS.sdkappid': c.sdkappid,
      'TLS.time': c.time,
      'TLS.expire': c.expire,
      'TLS.sig': sign(c.identifier),
    });
    expect(await verifyOver(emu, encodeTicket(noVer), q)).toBe(70003);
    expect(await verifyOver(emu, 'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBw', q)).toBe(70003); // truncated
    expect(await verifyOver(emu, Buffer.from(c.decoded_json).toString('base64'), q)).toBe(70003); // not compressed
    const longer = c.decoded_json.replace(`"TLS.expire":${c.expire}`, `"TLS.expire":${c.expire * 10}`);
    expect(await verifyOver(emu, encodeTicket(longer), q)).toBe(70009);
  });

  it('a matching ticket for an app the emulator does not have answers 70020', async () => {
    const other = makeUserSig({
      sdkAppId: 1400999999,
      secretKey: c.key,
      identifier: c.identifier,
      expire: c.expire,
      time: c.time,
    });
    expect(await verifyOver(emu, other, { ...q, sdkappid: '1400999999' })).toBe(70020);
  });

  it('expiry is strict: valid at time+expire, 70001 one second later', async () => {
    const local = await emulatorFor(c, c.time + c.expire);
    expect(await verifyOver(local, c.expected_usersig, q)).toBe(0);
    await local.close();
    const late = await emulatorFor(c, c.time + c.expire + 1);
    expect(await verifyOver(late, c.expected_usersig, q)).toBe(70001);
    await late.close();
  });
});
