import { api } from '../api.js';
import { fill, h } from '../dom.js';
import { bytes, count, rate } from '../format.js';
import type { Channel, SendErrorJson, SendResultJson } from '../types.js';
import { renderSendOutcome } from './result-view.js';

const input = (name: string, value: string, placeholder = '') =>
  h('input', { name, value, placeholder, 'data-testid': `compose-${name}`, autocomplete: 'off' });

const list = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Builds the unified message for the chosen kind from the form (core validates the rest). */
function buildMessage(channel: Channel, form: Record<string, string>): Record<string, unknown> {
  const message: Record<string, unknown> = {};
  const audiences = channel.capability.audiences;
  if (!audiences.includes('users') || audiences.length > 1) message.roomId = form.roomId;
  if (form.from) message.from = form.from;
  const to = list(form.to ?? '');
  if ((audiences.includes('room-users') || audiences.includes('users')) && to.length > 0) message.to = to;
  const payload = form.payload ?? '';
  if (channel.kind === 'signal' || (channel.kind === 'direct' && form.mode === 'data'))
    message.data = payload;
  else message.text = payload;
  if (form.type) message.type = form.type;
  return message;
}

/** The compose panel: channel, room, sender, recipients, text or data; send; see the SendResult. */
export function mountCompose(
  root: HTMLElement,
  channels: Channel[],
): { send(channelId: string, message: unknown): Promise<void> } {
  const select = h(
    'select',
    { name: 'channel', 'data-testid': 'compose-channel' },
    ...channels.map((c) => h('option', { value: c.id }, `${c.id}${c.mode === 'vendor' ? ' (real)' : ''}`)),
  );
  const fields = {
    roomId: input('roomId', 'live-1'),
    from: input('from', 'server'),
    to: input('to', 'alice, bob', 'comma-separated user ids'),
    type: input('type', '', 'BusinessId / ZIM custom type'),
    payload: h(
      'textarea',
      { name: 'payload', rows: 3, 'data-testid': 'compose-payload' },
      '{"gift":"rose","count":3}',
    ),
  };
  const mode = h(
    'select',
    { name: 'mode', 'data-testid': 'compose-mode' },
    h('option', { value: 'text' }, 'text'),
    h('option', { value: 'data' }, 'data'),
  );
  const hint = h('p', { class: 'hint' });
  const size = h('span', { class: 'dim' });
  const result = h(
    'div',
    { class: 'result', 'data-testid': 'send-result' },
    h('p', { class: 'dim' }, 'Send something to see the SendResult.'),
  );
  const button = h('button', { class: 'primary', type: 'submit', 'data-testid': 'compose-send' }, 'Send');

  const current = () => channels.find((c) => c.id === select.value) ?? channels[0]!;
  let shownChannel = '';
  const refresh = () => {
    const c = current();
    const cap = c.capability;
    const quota = cap.quotas[0];
    const takesUsers = cap.audiences.includes('room-users') || cap.audiences.includes('users');
    fields.to.disabled = !takesUsers;
    fields.to.placeholder = takesUsers ? 'comma-separated user ids (empty: whole room)' : 'whole room';
    fields.roomId.disabled = cap.audiences.length === 1 && cap.audiences[0] === 'users';
    mode.disabled = c.kind !== 'direct';
    // Signals carry data, broadcast and barrage carry text; direct messages take either (text first).
    if (c.id !== shownChannel) mode.value = c.kind === 'signal' ? 'data' : 'text';
    shownChannel = c.id;
    if (c.id === 'tencent:signal' && fields.type.value === '') fields.type.value = 'gift';
    if (c.id !== 'tencent:signal' && fields.type.value === 'gift') fields.type.value = '';
    fill(
      hint,
      `${cap.operation} · ${cap.audiences.join(' / ')} · ≤ ${bytes(cap.maxPayloadBytes)}`,
      cap.maxRecipientsPerRequest > 0
        ? ` · ${count(cap.maxRecipientsPerRequest)} recipients per request`
        : '',
      quota ? ` · ${rate(quota.limit, quota.intervalMs)}` : '',
      ` · ${cap.delivery}`,
    );
    fill(size, `${count(new TextEncoder().encode(fields.payload.value).length)} bytes (UTF-8)`);
  };
  select.addEventListener('change', refresh);
  fields.payload.addEventListener('input', refresh);

  async function send(channelId: string, message: unknown) {
    button.disabled = true;
    fill(result, h('p', { class: 'dim' }, `Sending through ${channelId}…`));
    try {
      const reply = await api.post<SendResultJson | SendErrorJson>('./api/send', {
        channel: channelId,
        message,
      });
      renderSendOutcome(result, reply.status, reply.body);
    } finally {
      button.disabled = false;
    }
  }

  const form = h(
    'form',
    {
      onsubmit: (event: Event) => {
        event.preventDefault();
        const values: Record<string, string> = { mode: mode.value };
        for (const [name, element] of Object.entries(fields)) values[name] = element.value.trim();
        values.payload = fields.payload.value;
        void send(current().id, buildMessage(current(), values));
      },
    },
    h('label', {}, 'Channel', select),
    hint,
    h('div', { class: 'row' }, h('label', {}, 'Room', fields.roomId), h('label', {}, 'From', fields.from)),
    h('label', {}, 'To', fields.to),
    h('div', { class: 'row' }, h('label', {}, 'Payload as', mode), h('label', {}, 'Type', fields.type)),
    h('label', {}, 'Payload ', size, fields.payload),
    h('div', { class: 'actions' }, button),
  );
  fill(root, h('h2', {}, 'Compose ', h('span', { class: 'dim' }, 'rc.send(channel, message)')), form, result);
  refresh();
  return { send };
}
