import { api } from '../api.js';
import { fill, h } from '../dom.js';
import { errorFacts } from './result-view.js';

interface Demo {
  id: string;
  title: string;
  code: string;
}

interface Outcome {
  ok: boolean;
  code: string;
  vendorRequests?: number;
  error?: Record<string, unknown>;
}

/** Bad input through the vendor clients: each fails before the network, with a message that says what to fix. */
export function mountBadInput(root: HTMLElement): void {
  const output = h('div', { class: 'result', 'data-testid': 'bad-input-result' });
  const buttons = h('div', { class: 'buttons' });

  async function run(demo: Demo) {
    const reply = await api.post<Outcome>('./api/vendor-client', { demo: demo.id });
    const outcome = reply.body;
    fill(
      output,
      h('pre', { class: 'code' }, outcome.code ?? demo.code),
      outcome.error
        ? h(
            'div',
            {},
            h('div', { class: 'status error', 'data-status': 'error' }, String(outcome.error.code)),
            h('p', { class: 'error-message' }, String(outcome.error.message)),
            h('p', {}, errorFacts(outcome.error)),
          )
        : h('div', { class: 'status ok' }, 'no error (unexpected)'),
      outcome.vendorRequests !== undefined
        ? h(
            'p',
            { class: 'dim' },
            `Vendor requests made: ${outcome.vendorRequests} (the client refused before the network).`,
          )
        : null,
    );
  }

  void api.get<{ demos: Demo[] }>('./api/vendor-client').then(({ body }) => {
    fill(
      buttons,
      ...body.demos.map((d) =>
        h('button', { 'data-testid': `bad-${d.id}`, onclick: () => void run(d) }, d.title),
      ),
    );
  });
  fill(
    root,
    h('h2', {}, 'Bad input ', h('span', { class: 'dim' }, 'through the vendor clients')),
    buttons,
    output,
  );
}
