import { fill, h } from '../dom.js';
import { count, ms } from '../format.js';
import type { SendErrorJson, SendResultJson } from '../types.js';

type ErrorJson = Record<string, unknown>;

const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** "USER_OFFLINE · vendor code 50003 · request 6011…": what a support ticket needs, in one line. */
function errorFacts(error: ErrorJson): HTMLElement {
  return h(
    'span',
    { class: 'facts' },
    h('span', { class: 'code' }, str(error.code)),
    error.providerCode !== undefined ? ` · vendor code ${str(error.providerCode)}` : '',
    error.requestId !== undefined ? ` · request ${str(error.requestId)}` : '',
    error.retryable === true ? ' · retryable' : '',
    error.ambiguous === true ? ' · ambiguous' : '',
  );
}

function resultDetails(result: SendResultJson): HTMLElement {
  const failedRows = result.failed.map((f) =>
    h(
      'tr',
      { class: 'failed', 'data-user': f.userId },
      h('td', {}, '✗ ', f.userId),
      h('td', {}, h('span', { class: 'code' }, str(f.error.code))),
      h('td', { class: 'num' }, str(f.error.providerCode)),
      h('td', { class: 'msg' }, str(f.error.message)),
    ),
  );
  const acceptedRows = result.accepted.map((userId) =>
    h(
      'tr',
      { class: 'accepted', 'data-user': userId },
      h('td', {}, '✓ ', userId),
      h('td', {}, 'accepted'),
      h('td'),
      h('td'),
    ),
  );
  return h(
    'div',
    {},
    h(
      'p',
      { class: 'meta' },
      `${count(result.attempts)} vendor request${result.attempts === 1 ? '' : 's'} · ${ms(result.durationMs)}`,
      result.messageIds.length > 0 ? ` · message ids ${result.messageIds.slice(0, 3).join(', ')}` : '',
    ),
    h('p', { class: 'meta' }, 'request ids: ', h('code', {}, result.requestIds.join(', ') || '—')),
    acceptedRows.length + failedRows.length > 0
      ? h(
          'table',
          { class: 'outcomes' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', {}, 'recipient'),
              h('th', {}, 'outcome'),
              h('th', {}, 'vendor code'),
              h('th', {}, 'why'),
            ),
          ),
          h('tbody', {}, ...acceptedRows, ...failedRows),
        )
      : h('p', { class: 'dim' }, 'Whole-room send: the vendor accepted it for everyone in the room.'),
  );
}

/** Shows what `rc.send` returned (a SendResult) or threw (a RoomcastError, maybe with a partial result). */
export function renderSendOutcome(
  root: HTMLElement,
  status: number,
  body: SendResultJson | SendErrorJson,
): void {
  if ('error' in body) {
    const error = body.error;
    fill(
      root,
      h(
        'div',
        { class: 'status error', 'data-status': 'error' },
        `error ${str(error.code)}`,
        h('span', { class: 'dim' }, ` HTTP ${status}`),
      ),
      h('p', { class: 'error-message' }, str(error.message)),
      h('p', {}, errorFacts(error)),
      body.result ? resultDetails(body.result) : null,
    );
    return;
  }
  fill(
    root,
    h('div', { class: `status ${body.status}`, 'data-status': body.status }, body.status),
    resultDetails(body),
  );
}

export { errorFacts };
