import type { VendorId } from '../types.js';
import type { Random } from '../util/random.js';
import { type FaultRule, normalizeRule, TRANSPORT_KINDS } from './rules.js';

/** A rule with its remaining count, as `faults.list()` shows it. */
export type ActiveFault = FaultRule & { id: number; remaining: number };

/** The fault injection registry: rules are tried in the order they were injected. */
export class Faults {
  private rules: ActiveFault[] = [];
  private nextId = 1;

  constructor(private readonly random: Random) {}

  /** Adds a rule; returns its id. */
  inject(rule: FaultRule): number {
    const normalized = normalizeRule(rule);
    const id = this.nextId++;
    this.rules.push({ ...normalized, id, remaining: normalized.count ?? 1 });
    return id;
  }

  /** Removes every rule (or one, by id). */
  clear(id?: number): void {
    this.rules = id === undefined ? [] : this.rules.filter((r) => r.id !== id);
  }

  list(): ActiveFault[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /**
   * The first rule of the phase that hits this request, used up by one. `transport` rules act as
   * the request arrives; `business` rules (code, drop) act once the request is authenticated.
   */
  take(vendor: VendorId, action: string, phase: 'transport' | 'business'): FaultRule | undefined {
    if (this.rules.length === 0) return undefined;
    for (const rule of this.rules) {
      if (TRANSPORT_KINDS.has(rule.kind) !== (phase === 'transport')) continue;
      if (rule.vendor !== undefined && rule.vendor !== vendor) continue;
      if (rule.action !== undefined && rule.action !== action) continue;
      if (rule.share !== undefined && this.random.next() >= rule.share) continue;
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
      return rule;
    }
    return undefined;
  }
}
