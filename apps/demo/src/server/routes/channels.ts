import { ALIAS_VENDOR, type DemoAlias } from '../../shared/vendors.js';
import type { Route } from '../route.js';

/** `GET /api/channels`: every `alias:kind` with its capability as data, and where it sends. */
export const channelRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/api\/channels$/,
    handle: ({ ctx }) => {
      const { backend } = ctx;
      const channels = backend.rc.channels().map((c) => {
        const vendor = ALIAS_VENDOR[c.alias as DemoAlias];
        return { ...c, vendor, mode: backend.modes[vendor] };
      });
      return {
        body: {
          channels,
          modes: backend.modes,
          emulator: backend.emulator ? { url: backend.emulator.url } : null,
        },
      };
    },
  },
];
