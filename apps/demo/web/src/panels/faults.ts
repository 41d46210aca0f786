import { api, errorMessage } from '../api.js';
import { fill, h } from '../dom.js';
import type { Events } from '../events.js';

interface FaultsReply {
  presets: { id: string; label: string; expect: string }[];
  active: ({ id: number; kind: string; vendor?: string; remaining: number | null } & Record<
    string,
    unknown
  >)[];
}

/** "#3 zego-rtc · code 206 · 2 left" (Infinity arrives as null in JSON). */
function describe(f: FaultsReply['active'][number]): string {
  const detail =
    f.kind === 'code'
      ? `code ${f.code}`
      : f.kind === 'latency'
        ? `latency ${f.ms} ms`
        : f.kind === 'http'
          ? `HTTP ${f.status}`
          : f.kind;
  const share = typeof f.share === 'number' ? ` · ${Math.round(f.share * 100)}% of requests` : '';
  return `#${f.id} ${f.vendor ?? 'all vendors'} · ${detail}${share} · ${f.remaining === null ? '∞' : f.remaining} left`;
}

/** Fault controls: inject a vendor misbehaviour into the emulator, then send and watch what core does. */
export function mountFaults(root: HTMLElement, events: Events, emulated: boolean): void {
  if (!emulated) {
    fill(
      root,
      h('h2', {}, 'Faults'),
      h('p', { class: 'dim' }, 'Every vendor is real: faults need the emulator.'),
    );
    return;
  }
  const vendor = h(
    'select',
    { 'data-testid': 'fault-vendor' },
    h('option', { value: 'zego-rtc' }, 'ZEGO RTC'),
    h('option', { value: 'zego-zim' }, 'ZEGO ZIM'),
    h('option', { value: 'trtc' }, 'Tencent RTC'),
  );
  const countInput = h('input', {
    type: 'number',
    min: 1,
    value: 3,
    class: 'narrow',
    'data-testid': 'fault-count',
  });
  const share = h(
    'select',
    {},
    h('option', { value: '1' }, 'every request'),
    h('option', { value: '0.5' }, '50% of requests'),
    h('option', { value: '0.2' }, '20% of requests'),
  );
  const presets = h('div', { class: 'buttons' });
  const active = h('ul', { class: 'active-faults', 'data-testid': 'active-faults' });
  const status = h('p', { class: 'dim' });

  function renderActive(reply: FaultsReply) {
    fill(
      active,
      ...(reply.active.length === 0
        ? [h('li', { class: 'dim' }, 'No active faults.')]
        : reply.active.map((f) => h('li', {}, describe(f)))),
    );
  }

  async function inject(preset: string) {
    const body: Record<string, unknown> = {
      preset,
      vendor: vendor.value,
      count: Number(countInput.value) || 1,
    };
    if (share.value !== '1') body.share = Number(share.value);
    const reply = await api.post<FaultsReply>('./api/faults', body);
    if (!reply.ok) fill(status, errorMessage(reply.body));
    else {
      fill(status, `Injected ${preset} into ${vendor.value}: now send something.`);
      renderActive(reply.body);
    }
  }

  events.on('faults', (data) => renderActive(data as FaultsReply));
  void api.get<FaultsReply>('./api/faults').then(({ body }) => {
    fill(
      presets,
      ...body.presets.map((p) =>
        h(
          'button',
          { title: p.expect, 'data-testid': `fault-${p.id}`, onclick: () => void inject(p.id) },
          p.label,
        ),
      ),
    );
    renderActive(body);
  });

  fill(
    root,
    h('h2', {}, 'Faults ', h('span', { class: 'dim' }, 'injected into the emulator')),
    h(
      'div',
      { class: 'row' },
      vendor,
      h('label', { class: 'inline' }, 'next ', countInput, ' requests'),
      share,
    ),
    presets,
    status,
    active,
    h(
      'button',
      {
        class: 'small',
        onclick: () =>
          void api.delete<FaultsReply>('./api/faults').then(({ body }) => {
            fill(status, 'Faults cleared.');
            renderActive(body);
          }),
      },
      'Clear faults',
    ),
  );
}
