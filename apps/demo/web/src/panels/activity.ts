import { fill, h } from '../dom.js';
import type { Events } from '../events.js';
import type { VendorCallEvent } from '../types.js';

const ROWS = 40;

function row(e: VendorCallEvent): HTMLElement {
  const where = `${e.operation} #${e.attempt}`;
  switch (e.type) {
    case 'response':
      return h(
        'li',
        { class: e.providerCode === 0 || e.providerCode === undefined ? 'ok' : 'warn' },
        h('code', {}, where),
        ` HTTP ${e.httpStatus} · code ${e.providerCode ?? '—'} · ${e.durationMs} ms`,
        e.requestId ? h('span', { class: 'dim' }, ` · ${e.requestId}`) : '',
      );
    case 'retry':
      return h('li', { class: 'retry' }, h('code', {}, where), ` ${e.code}: retrying in ${e.delayMs} ms`);
    case 'error':
      return h('li', { class: 'bad' }, h('code', {}, where), ` failed: ${e.code} after ${e.durationMs} ms`);
  }
}

/** Every vendor request the registry makes, from core's hooks: retries and failures show up here first. */
export function mountActivity(root: HTMLElement, events: Events): void {
  const list = h('ul', { class: 'activity', 'data-testid': 'activity' });
  let pending: VendorCallEvent[] = [];
  let scheduled = false;
  events.on('call', (data) => {
    pending.push(data as VendorCallEvent);
    if (scheduled) return;
    scheduled = true;
    // A fan-out answers hundreds of requests a second: draw once per frame.
    requestAnimationFrame(() => {
      scheduled = false;
      for (const e of pending.slice(-ROWS)) list.prepend(row(e));
      pending = [];
      while (list.children.length > ROWS) list.lastElementChild?.remove();
    });
  });
  fill(root, h('h2', {}, 'Vendor calls ', h('span', { class: 'dim' }, 'from core hooks (redacted)')), list);
}
