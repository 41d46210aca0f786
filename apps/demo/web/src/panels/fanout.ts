import { api, errorMessage } from '../api.js';
import { fill, h } from '../dom.js';
import type { Events } from '../events.js';
import { count, ms, rate } from '../format.js';
import type { Channel, FanoutSnapshot } from '../types.js';

/**
 * Fan-out: one message to 1,000+ generated users. A progress bar, live throughput against the
 * vendor quota, and the final accounting (accepted + failed = total, delivered = accepted).
 */
export function mountFanout(root: HTMLElement, channels: Channel[], events: Events): void {
  const eligible = channels.filter(
    (c) =>
      c.mode === 'emulator' &&
      (c.capability.audiences.includes('users') || c.capability.audiences.includes('room-users')),
  );
  if (eligible.length === 0) {
    fill(
      root,
      h('h2', {}, 'Fan-out'),
      h('p', { class: 'dim' }, 'Fan-out generates users on the emulator; every vendor is real.'),
    );
    return;
  }
  const select = h(
    'select',
    { 'data-testid': 'fanout-channel' },
    ...eligible.map((c) => h('option', { value: c.id }, c.id)),
  );
  const total = h('input', {
    type: 'number',
    min: 1,
    max: 20000,
    value: 2000,
    class: 'narrow',
    'data-testid': 'fanout-count',
  });
  const offline = h('input', {
    type: 'number',
    min: 0,
    value: 25,
    class: 'narrow',
    'data-testid': 'fanout-offline',
  });
  const text = h('input', { value: 'Season pass unlocked 🎉' });
  const bar = h('div', { class: 'bar-fill' });
  const live = h('p', { class: 'meta', 'data-testid': 'fanout-live' }, 'Not started.');
  const summary = h('div', { 'data-testid': 'fanout-summary' });
  const status = h('p', { class: 'dim' });
  let currentId = 0;

  function show(s: FanoutSnapshot) {
    if (s.id !== currentId) return;
    bar.style.width = `${((s.settled / s.total) * 100).toFixed(1)}%`;
    const quota = s.quota ? ` of ${rate(s.quota.limit, s.quota.intervalMs)} quota` : '';
    fill(
      live,
      `${count(s.settled)} / ${count(s.total)} settled · ${count(s.requestsPerSecond)} req/s${quota} · `,
      `${count(s.recipientsPerSecond)} recipients/s · ${count(s.attempts)} requests · ${ms(s.elapsedMs)}`,
    );
    if (s.summary) renderSummary(s);
  }

  function renderSummary(s: FanoutSnapshot) {
    const r = s.summary!;
    const lost = r.unaccounted;
    const clean = lost === 0 && r.duplicates === 0 && r.acceptedNotDelivered === 0;
    const rows: [string, string][] = [
      ['accepted', count(r.accepted)],
      [
        'failed',
        `${count(r.failed)}${
          Object.keys(r.failedByCode).length
            ? ` (${Object.entries(r.failedByCode)
                .map(([c, n]) => `${c} ×${count(n)}`)
                .join(', ')})`
            : ''
        }`,
      ],
      ['unaccounted (lost)', count(lost)],
      ['delivered to simulated clients', count(r.delivered)],
      ['accepted but not delivered', count(r.acceptedNotDelivered)],
      ['delivered twice', count(r.duplicates)],
      ['vendor requests (answered / attempts)', `${count(r.requests)} / ${count(r.attempts)}`],
      ['duration', ms(r.durationMs)],
    ];
    fill(
      summary,
      h(
        'div',
        { class: `status ${clean ? 'ok' : 'partial'}`, 'data-status': clean ? 'ok' : 'partial' },
        clean
          ? 'Nothing lost: every recipient accounted for, delivered exactly once'
          : 'Check the accounting',
      ),
      r.error ? h('p', { class: 'error-message' }, String(r.error.message)) : null,
      h(
        'table',
        { class: 'accounting' },
        h('tbody', {}, ...rows.map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', { class: 'num' }, v)))),
      ),
    );
  }

  async function start() {
    fill(summary);
    fill(status);
    bar.style.width = '0%';
    const reply = await api.post<FanoutSnapshot>('./api/fanout', {
      channel: select.value,
      count: Number(total.value),
      offline: Number(offline.value),
      text: text.value,
    });
    if (!reply.ok) {
      fill(status, errorMessage(reply.body));
      return;
    }
    currentId = reply.body.id;
    show(reply.body);
  }

  events.on('fanout', (data) => show(data as FanoutSnapshot));
  fill(
    root,
    h('h2', {}, 'Fan-out ', h('span', { class: 'dim' }, 'one send, many users')),
    h(
      'div',
      { class: 'row' },
      h('label', {}, 'Channel', select),
      h('label', {}, 'Users', total),
      h('label', {}, 'Offline', offline),
    ),
    h('label', {}, 'Message', text),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { class: 'primary', 'data-testid': 'fanout-start', onclick: () => void start() },
        'Fan out',
      ),
    ),
    h('div', { class: 'bar', 'data-testid': 'fanout-bar' }, bar),
    live,
    status,
    summary,
  );
}
