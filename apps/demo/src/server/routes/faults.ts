import { FAULT_PRESETS, ruleFromPreset } from '../../backend/fault-presets.js';
import { HttpError } from '../http-util.js';
import type { DemoContext, Route } from '../route.js';

function emulatorOf(ctx: DemoContext) {
  const emulator = ctx.backend.emulator;
  if (emulator === undefined)
    throw new HttpError(409, 'every vendor is real: there is no emulator to inject faults into');
  return emulator;
}

/** Presets and the rules still active (each hit uses one up). */
export function faultState(ctx: DemoContext) {
  return { presets: FAULT_PRESETS, active: ctx.backend.emulator?.faults.list() ?? [] };
}

/**
 * Fault injection, proxied to the embedded emulator. `POST /api/faults` takes a preset
 * (`{ preset: 'rate-limit', vendor: 'zego-rtc', count: 3 }`) or a raw emulator rule (`{ rule }`).
 */
export const faultRoutes: Route[] = [
  { method: 'GET', pattern: /^\/api\/faults$/, handle: ({ ctx }) => ({ body: faultState(ctx) }) },
  {
    method: 'POST',
    pattern: /^\/api\/faults$/,
    handle: async ({ ctx, body }) => {
      const emulator = emulatorOf(ctx);
      const input = await body();
      let id: number;
      try {
        const rule =
          typeof input.rule === 'object' && input.rule !== null ? input.rule : ruleFromPreset(input);
        id = emulator.faults.inject(rule as never);
      } catch (error) {
        throw new HttpError(400, error instanceof Error ? error.message : String(error));
      }
      const reply = { id, ...faultState(ctx) };
      ctx.hub.publish('faults', faultState(ctx));
      return { status: 201, body: reply };
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/api\/faults$/,
    handle: ({ ctx }) => {
      emulatorOf(ctx).faults.clear();
      ctx.hub.publish('faults', faultState(ctx));
      return { body: faultState(ctx) };
    },
  },
];
