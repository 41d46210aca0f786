import { api } from '../api.js';
import { h } from '../dom.js';
import type { Events } from '../events.js';
import type { DeliveryEvent } from '../types.js';

const LANES = 6;
const BURST = ['666', 'Nice shot!', '🔥🔥🔥', 'GG', 'LOL', 'encore!', '👏 👏', 'first!', 'so good', '🎉'];

/**
 * The barrage stage: each barrage message scrolls across once, as bullet-screen text. Every client in
 * the room receives its own copy; the stage shows each message once (keyed by vendor message id).
 */
export function mountStage(root: HTMLElement, events: Events): void {
  const stage = h('div', { class: 'stage', 'data-testid': 'barrage-stage' });
  const shown = new Set<string>();
  let lane = 0;

  events.on('delivery', (data) => {
    const d = data as DeliveryEvent;
    if (!d.barrage) return;
    const key = `${d.vendor}:${d.messageId ?? d.requestId}`;
    if (shown.has(key)) return;
    shown.add(key);
    const bullet = h(
      'span',
      { class: `bullet ${d.vendor}`, style: `top:${(lane++ % LANES) * (100 / LANES)}%` },
      d.content,
    );
    bullet.addEventListener('animationend', () => bullet.remove());
    stage.append(bullet);
  });

  async function burst() {
    for (const text of BURST) {
      void api.post('./api/send', {
        channel: 'zego:barrage',
        message: { roomId: 'live-1', from: 'server', text },
      });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  root.append(
    h(
      'h2',
      {},
      'Barrage stage ',
      h('span', { class: 'dim' }, 'zego:barrage / zim:barrage into room live-1'),
      h(
        'button',
        { class: 'small', onclick: () => void burst(), 'data-testid': 'barrage-burst' },
        'Barrage burst',
      ),
    ),
    stage,
  );
}
