import { fill, h } from '../dom.js';
import { bytes, count, rate } from '../format.js';
import type { Channel } from '../types.js';

/** The registry's channels and their capabilities, straight from `rc.channels()`. */
export function renderChannels(root: HTMLElement, channels: Channel[]): void {
  const rows = channels.map((c) => {
    const cap = c.capability;
    const quota = cap.quotas[0];
    return h(
      'tr',
      {},
      h('td', {}, h('code', {}, c.id)),
      h('td', {}, c.provider),
      h('td', {}, h('span', { class: `badge ${c.mode}` }, c.mode === 'vendor' ? 'real vendor' : 'emulator')),
      h('td', {}, cap.operation),
      h('td', {}, cap.audiences.join(', ')),
      h('td', { class: 'num' }, bytes(cap.maxPayloadBytes)),
      h('td', { class: 'num' }, cap.maxRecipientsPerRequest === 0 ? '—' : count(cap.maxRecipientsPerRequest)),
      h('td', {}, cap.delivery),
      h('td', {}, cap.vendorDeduplicates ? 'yes' : 'no'),
      h(
        'td',
        {},
        quota ? rate(quota.limit, quota.intervalMs) : '—',
        quota ? h('div', { class: 'dim' }, quota.scope) : null,
      ),
    );
  });
  fill(
    root,
    h('h2', {}, 'Channels ', h('span', { class: 'dim' }, 'rc.channels(): capabilities as data')),
    h(
      'table',
      { class: 'channels' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...[
            'channel',
            'provider',
            'sends to',
            'operation',
            'audiences',
            'max payload',
            'recipients / request',
            'delivery',
            'vendor dedupes',
            'quota',
          ].map((label) => h('th', {}, label)),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}
