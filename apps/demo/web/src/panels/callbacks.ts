import { api, errorMessage } from '../api.js';
import { fill, h } from '../dom.js';
import type { Events } from '../events.js';
import { clock } from '../format.js';
import type { BeforeSendState, CallbackEntry } from '../types.js';

const ROWS = 40;
const HOOKS = [
  { vendor: 'zego-zim', label: 'ZIM before_send_msg', hint: 'client sends: "Say hi" on a ZIM client' },
  { vendor: 'trtc', label: 'Tencent BeforeSendMsg', hint: 'server sends: tencent:* in Compose' },
] as const;

interface CallbacksReply {
  entries: CallbackEntry[];
  beforeSend: BeforeSendState;
}

/** "live-1 · alice, bob · from server · "hi"": the unified fields a row shows. */
function details(e: Extract<CallbackEntry, { ok: true }>): string {
  const parts: string[] = [];
  if (e.roomId !== undefined) parts.push(`room ${e.roomId}`);
  else if (e.conversation !== undefined) parts.push(`${e.conversation.type} ${e.conversation.id}`);
  if (e.userIds !== undefined && e.userIds.length > 0) parts.push(e.userIds.join(', '));
  if (e.from !== undefined) parts.push(`from ${e.from}`);
  if (e.text !== undefined) parts.push(JSON.stringify(e.text));
  if (e.sent === false) parts.push('not sent');
  return parts.join(' · ');
}

function row(e: CallbackEntry): HTMLElement {
  if (!e.ok) {
    return h(
      'li',
      { class: 'bad', 'data-callback': e.id },
      h('code', {}, `HTTP ${e.httpStatus}`),
      ` ${e.alias}: ${e.code}`,
      h('div', { class: 'dim' }, `${clock(e.receivedAt)} ${e.message}`),
    );
  }
  return h(
    'li',
    { class: e.answer === undefined || e.answer === 'allow' ? 'ok' : 'warn', 'data-callback': e.id },
    h('code', {}, e.type),
    ` ${e.alias} · ${e.name}`,
    e.answer ? h('span', { class: `answer ${e.answer}` }, ` → ${e.answer}`) : '',
    h('div', { class: 'dim' }, `${clock(e.receivedAt)} ${details(e)}`),
    h(
      'details',
      {},
      h('summary', { class: 'dim' }, 'vendor payload'),
      h('pre', { class: 'code' }, JSON.stringify(e.vendor, null, 2)),
    ),
  );
}

/**
 * The vendor callbacks the demo server received (ZEGO RTC/ZIM webhooks, Tencent callbacks), each
 * verified by `rc.handleCallback`; forged or unsigned ones show as errors. The toggles answer the
 * next before-send hook with a drop or a rejection: the message then never reaches an inbox.
 */
export function mountCallbacks(root: HTMLElement, events: Events, emulated: boolean): void {
  const list = h('ul', { class: 'activity callbacks', 'data-testid': 'callbacks' });
  const seen = new Set<number>();
  const status = h('p', { class: 'dim' });
  const selects = new Map<string, HTMLSelectElement>();

  const add = (entries: CallbackEntry[]) => {
    // Oldest first, so each prepend leaves the newest on top.
    for (const e of entries) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      list.prepend(row(e));
    }
    while (list.children.length > ROWS) list.lastElementChild?.remove();
  };
  const showState = (state: BeforeSendState) => {
    for (const [vendor, select] of selects) select.value = state[vendor as keyof BeforeSendState];
  };

  const toggles = HOOKS.map(({ vendor, label, hint }) => {
    const select = h(
      'select',
      {
        'data-testid': `before-send-${vendor}`,
        title: hint,
        onchange: () =>
          void api
            .post<BeforeSendState>('./api/before-send', { vendor, action: select.value })
            .then((reply) => {
              if (!reply.ok) fill(status, errorMessage(reply.body));
              else showState(reply.body);
            }),
      },
      h('option', { value: 'allow' }, 'allow'),
      h('option', { value: 'drop' }, 'drop the next'),
      h('option', { value: 'reject' }, 'reject the next'),
    );
    selects.set(vendor, select);
    return h('label', { class: 'inline', title: hint }, `${label} `, select);
  });

  let pending: CallbackEntry[] = [];
  let scheduled = false;
  events.on('callback', (data) => {
    pending.push(data as CallbackEntry);
    if (scheduled) return;
    scheduled = true;
    // A fan-out logs in hundreds of users, each a room_login callback: draw once per frame.
    requestAnimationFrame(() => {
      scheduled = false;
      add(pending.slice(-ROWS));
      pending = [];
    });
  });
  events.on('before-send', (data) => showState(data as BeforeSendState));
  void api.get<CallbacksReply>('./api/callbacks').then(({ body }) => {
    add([...body.entries].reverse());
    showState(body.beforeSend);
  });

  fill(
    root,
    h('h2', {}, 'Callbacks ', h('span', { class: 'dim' }, 'vendor webhooks, verified by rc.handleCallback')),
    emulated
      ? h('div', { class: 'row' }, ...toggles)
      : h(
          'p',
          { class: 'dim' },
          'Real vendors post here once their consoles point at /api/callbacks/<alias>.',
        ),
    status,
    list,
  );
}
