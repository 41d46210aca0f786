import { api, errorMessage } from '../api.js';
import { fill, h } from '../dom.js';
import type { Events } from '../events.js';
import { clock } from '../format.js';
import type { DeliveryEvent, VendorId } from '../types.js';

interface ClientJson {
  vendor: VendorId;
  roomId: string;
  userId: string;
  online: boolean;
  inbox: DeliveryEvent[];
}

interface ClientsReply {
  available: boolean;
  clients: ClientJson[];
}

const INBOX_SIZE = 30;
const VENDOR_LABEL: Record<VendorId, string> = {
  'zego-rtc': 'ZEGO RTC',
  'zego-zim': 'ZEGO ZIM',
  trtc: 'Tencent RTC',
};

/** What a ZIM client send's status means, after the before_send_msg answer (see Callbacks). */
const SAY_OUTCOME: Record<string, string> = {
  delivered: 'delivered',
  silent: 'dropped (the sender sees success, nobody receives it)',
  refused: 'refused (the sender gets 111101)',
  failed: 'not sent (the before-send hook got no answer)',
};

const cardKey = (c: { vendor: string; roomId: string; userId: string }) =>
  `${c.vendor}-${c.roomId}-${c.userId}`;

function inboxItem(d: DeliveryEvent): HTMLElement {
  return h(
    'li',
    { class: 'inbox-item', 'data-delivery': d.id, title: JSON.stringify(d.raw) },
    h('span', { class: 'callback' }, d.callback),
    h('span', { class: 'dim' }, ` ${clock(d.at)} from ${d.from}`),
    h('div', { class: 'content' }, d.content),
  );
}

/**
 * Simulated clients: users joined to emulator rooms. Each card is one client SDK; its inbox shows
 * what that SDK's callback (onIMRecvCustomCommand, peerMessageReceived, onRecvNewMessage…) received,
 * fed live by the event stream.
 */
export function mountClients(root: HTMLElement, events: Events): void {
  const cards = h('div', { class: 'cards' });
  const status = h('p', { class: 'dim' });
  const inboxes = new Map<string, { list: HTMLElement; client: ClientJson; seen: Set<number> }>();

  const vendor = h(
    'select',
    { name: 'vendor', 'data-testid': 'client-vendor' },
    ...(Object.keys(VENDOR_LABEL) as VendorId[]).map((v) => h('option', { value: v }, VENDOR_LABEL[v])),
  );
  const room = h('input', { name: 'room', value: 'live-1', 'data-testid': 'client-room' });
  const user = h('input', { name: 'user', placeholder: 'user id, e.g. carol', 'data-testid': 'client-user' });

  async function change(path: string, body: Record<string, unknown>) {
    const reply = await api.post<ClientsReply>(path, body);
    if (!reply.ok) fill(status, errorMessage(reply.body));
    else render(reply.body);
  }

  /** A ZIM client send; the before-send answer decides whether anyone receives it. */
  async function say(ref: { vendor: VendorId; roomId: string; userId: string }) {
    const reply = await api.post<{ status: string }>('./api/clients/say', ref);
    if (!reply.ok) fill(status, errorMessage(reply.body));
    else fill(status, `${ref.userId} said hi: ${SAY_OUTCOME[reply.body.status] ?? reply.body.status}`);
  }

  function render(reply: ClientsReply) {
    if (!reply.available) {
      fill(cards, h('p', { class: 'dim' }, 'Every vendor is real: simulated clients need the emulator.'));
      return;
    }
    inboxes.clear();
    const byVendor = new Map<VendorId, ClientJson[]>();
    for (const c of reply.clients) byVendor.set(c.vendor, [...(byVendor.get(c.vendor) ?? []), c]);
    fill(
      cards,
      ...[...byVendor].map(([v, clients]) =>
        h('div', { class: 'vendor-group' }, h('h3', {}, VENDOR_LABEL[v]), ...clients.map((c) => card(c))),
      ),
    );
  }

  function card(c: ClientJson): HTMLElement {
    const list = h('ul', { class: 'inbox', 'data-testid': `inbox-${cardKey(c)}` });
    const entry = { list, client: c, seen: new Set<number>() };
    inboxes.set(cardKey(c), entry);
    for (const d of c.inbox) addToInbox(entry, d);
    const ref = { vendor: c.vendor, roomId: c.roomId, userId: c.userId };
    return h(
      'div',
      {
        class: `client ${c.online ? 'online' : 'offline'}`,
        'data-testid': `client-${cardKey(c)}`,
        'data-online': String(c.online),
      },
      h(
        'div',
        { class: 'client-head' },
        h('span', { class: 'dot' }),
        h('strong', {}, c.userId),
        h('span', { class: 'dim' }, ` in ${c.roomId}`),
        h(
          'button',
          {
            class: 'small',
            'data-testid': `toggle-${cardKey(c)}`,
            onclick: () => void change('./api/clients/online', { ...ref, online: !c.online }),
          },
          c.online ? 'Go offline' : 'Go online',
        ),
        c.vendor === 'zego-zim' && c.online
          ? h(
              'button',
              {
                class: 'small',
                title: 'send as this ZIM client: before_send_msg runs (see Callbacks)',
                'data-testid': `say-${cardKey(c)}`,
                onclick: () => void say(ref),
              },
              'Say hi',
            )
          : null,
        h(
          'button',
          { class: 'small ghost', title: 'remove', onclick: () => void change('./api/clients/remove', ref) },
          '×',
        ),
      ),
      list,
    );
  }

  function addToInbox(entry: { list: HTMLElement; seen: Set<number> }, d: DeliveryEvent) {
    if (entry.seen.has(d.id)) return;
    entry.seen.add(d.id);
    entry.list.prepend(inboxItem(d));
    while (entry.list.children.length > INBOX_SIZE) entry.list.lastElementChild?.remove();
  }

  events.on('delivery', (data) => {
    const d = data as DeliveryEvent;
    for (const entry of inboxes.values()) {
      const c = entry.client;
      if (c.vendor === d.vendor && c.userId === d.to && (d.roomId === undefined || d.roomId === c.roomId)) {
        addToInbox(entry, d);
      }
    }
  });
  events.on('clients', (data) => render(data as ClientsReply));

  const form = h(
    'form',
    {
      class: 'row add-client',
      onsubmit: (event: Event) => {
        event.preventDefault();
        if (user.value.trim() === '') return;
        void change('./api/clients', {
          vendor: vendor.value,
          roomId: room.value.trim(),
          userId: user.value.trim(),
        });
        user.value = '';
      },
    },
    vendor,
    room,
    user,
    h('button', { type: 'submit' }, 'Join'),
  );
  fill(
    root,
    h(
      'h2',
      {},
      'Simulated clients ',
      h('span', { class: 'dim' }, 'live inboxes, named after the SDK callback'),
    ),
    form,
    status,
    cards,
  );
  void api.get<ClientsReply>('./api/clients').then((reply) => render(reply.body));
}
