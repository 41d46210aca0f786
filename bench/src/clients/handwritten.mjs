// The baselines: what a user writes today without roomcast, the minimal signed `fetch` for each
// vendor request (vendor-apis.md §1.3–1.4, §2.4, §3.1). No validation, no timeout, no retry, no
// per-recipient accounting: the answer's code is checked and that is all.
import { createHash, randomBytes } from 'node:crypto';
import TLSSigAPIv2 from 'tls-sig-api-v2';

function zegoCommon(appId, serverSecret, action) {
  const nonce = randomBytes(8).toString('hex');
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHash('md5').update(`${appId}${nonce}${serverSecret}${timestamp}`).digest('hex');
  return (
    `?Action=${action}&AppId=${appId}&SignatureNonce=${nonce}&Timestamp=${timestamp}` +
    `&Signature=${signature}&SignatureVersion=2.0`
  );
}

/** ZEGO RTC SendCustomCommand (GET, everything in the query). */
export function handZegoSignal({ baseUrl, appId, serverSecret, fetch = globalThis.fetch }) {
  return async function send({ roomId, from, to, data }) {
    let url =
      `${baseUrl}/${zegoCommon(appId, serverSecret, 'SendCustomCommand')}` +
      `&RoomId=${encodeURIComponent(roomId)}&FromUserId=${encodeURIComponent(from)}`;
    for (const user of to ?? []) url += `&ToUserId[]=${encodeURIComponent(user)}`;
    url += `&MessageContent=${encodeURIComponent(data)}`;
    const response = await fetch(url);
    const body = await response.json();
    if (body.Code !== 0) throw new Error(`SendCustomCommand failed: ${body.Code} ${body.Message}`);
    return body;
  };
}

/** ZEGO ZIM SendPeerMessage (POST: signature in the query, message as JSON). */
export function handZimDirect({ baseUrl, appId, serverSecret, fetch = globalThis.fetch }) {
  return async function send({ from, to, text }) {
    const response = await fetch(`${baseUrl}/${zegoCommon(appId, serverSecret, 'SendPeerMessage')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        FromUserId: from,
        ToUserId: to,
        MessageType: 1,
        Priority: 2,
        MessageBody: { Message: text },
      }),
    });
    const body = await response.json();
    if (body.Code !== 0) throw new Error(`SendPeerMessage failed: ${body.Code} ${body.Message}`);
    return body;
  };
}

/** Tencent live-engine send_custom_msg: the admin UserSig made once with Tencent's own library. */
export function handTencentSignal({ baseUrl, sdkAppId, secretKey, adminUserId, fetch = globalThis.fetch }) {
  const userSig = new TLSSigAPIv2.Api(sdkAppId, secretKey).genUserSig(adminUserId, 86_400);
  const prefix =
    `${baseUrl}/v4/live_engine_http_srv/send_custom_msg?sdkappid=${sdkAppId}` +
    `&identifier=${encodeURIComponent(adminUserId)}&usersig=${userSig}`;
  return async function send({ roomId, from, type, data }) {
    const random = Math.floor(Math.random() * 4294967296);
    const response = await fetch(`${prefix}&random=${random}&contenttype=json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ RoomId: roomId, Sender_Account: from, BusinessId: type, Data: data }),
    });
    const body = await response.json();
    if (body.ErrorCode !== 0) throw new Error(`send_custom_msg failed: ${body.ErrorCode} ${body.ErrorInfo}`);
    return body;
  };
}
