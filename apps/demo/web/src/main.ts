import { api } from './api.js';
import { byId, fill, h } from './dom.js';
import { connectEvents } from './events.js';
import { mountActivity } from './panels/activity.js';
import { mountBadInput } from './panels/bad-input.js';
import { mountCallbacks } from './panels/callbacks.js';
import { renderChannels } from './panels/channels.js';
import { mountClients } from './panels/clients.js';
import { mountCompose } from './panels/compose.js';
import { mountFanout } from './panels/fanout.js';
import { mountFaults } from './panels/faults.js';
import { mountStage } from './panels/stage.js';
import type { ChannelsReply, VendorId } from './types.js';

const VENDOR_LABEL: Record<VendorId, string> = {
  'zego-rtc': 'ZEGO RTC',
  'zego-zim': 'ZEGO ZIM',
  trtc: 'Tencent RTC',
};

async function start(): Promise<void> {
  const live = h('span', { class: 'live', 'data-testid': 'events-status' }, 'connecting…');
  const events = connectEvents((connected) => {
    live.className = `live ${connected ? 'on' : 'off'}`;
    live.textContent = connected ? 'live' : 'reconnecting…';
    live.dataset.connected = String(connected);
  });
  const { body } = await api.get<ChannelsReply>('./api/channels');
  fill(
    byId('modes'),
    ...(Object.keys(body.modes) as VendorId[]).map((v) =>
      h(
        'span',
        { class: `badge ${body.modes[v]}` },
        `${VENDOR_LABEL[v]}: ${body.modes[v] === 'vendor' ? 'real vendor' : 'emulator'}`,
      ),
    ),
    body.emulator ? h('span', { class: 'dim' }, ` emulator ${body.emulator.url}`) : null,
    live,
  );
  const emulated = body.emulator !== null;
  renderChannels(byId('channels'), body.channels);
  mountCompose(byId('compose'), body.channels);
  mountBadInput(byId('bad-input'));
  mountStage(byId('stage'), events);
  mountClients(byId('clients'), events);
  mountFanout(byId('fanout'), body.channels, events);
  mountFaults(byId('faults'), events, emulated);
  mountActivity(byId('activity'), events);
  mountCallbacks(byId('callbacks'), events, emulated);
  document.body.dataset.ready = 'true';
}

start().catch((error: unknown) => {
  document.body.prepend(h('p', { class: 'fatal' }, `The dashboard could not start: ${String(error)}`));
});
