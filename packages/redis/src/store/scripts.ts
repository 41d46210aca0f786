import { createHash } from 'node:crypto';

/** A Lua script with its SHA1, for EVALSHA. */
export interface LuaScript {
  readonly name: string;
  readonly source: string;
  readonly sha1: string;
}

function script(name: string, source: string): LuaScript {
  return { name, source, sha1: createHash('sha1').update(source).digest('hex') };
}

/*
 * Shared by every script. Time is Redis's own clock in integer microseconds, so no client clock
 * decides anything. `redis.replicate_commands()` lets a script that read TIME write on Redis 3.2–4.x
 * (effects replication is the default from 5 and the only mode from 7, where the call is a no-op).
 * Numbers are written with '%.0f': `tostring` would print 1.7e15-sized values in exponent form and
 * lose the low digits.
 */
const PRELUDE = `
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local function fmt(x) return string.format('%.0f', x) end
local function store(key, tat)
  redis.call('SET', key, fmt(tat), 'PX', math.ceil((tat - now) / 1000) + 1)
end
`;

/**
 * Books the next slot of one scope (GCRA with reservation).
 * KEYS[1] scope key. ARGV: emission interval T (µs, may be fractional), burst B, cost n,
 * longest acceptable wait (µs; negative = no limit).
 * Returns {1, wait µs, booked TAT, slot time µs} or, when the slot lies beyond the deadline, {0, wait µs} with
 * nothing written, so a denied caller leaves no trace and the queue never outgrows rate × maxWait.
 */
export const ACQUIRE = script(
  'acquire',
  `${PRELUDE}
local T, B, n, maxWait = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local wait = tat + (n - B) * T - now
if wait < 0 then wait = 0 end
wait = math.ceil(wait)
if maxWait >= 0 and wait > maxWait then return {0, fmt(wait)} end
-- Rounded up: the rate never exceeds 1/T, at a cost of at most 1 µs per slot.
local newTat = math.ceil(tat + n * T)
store(KEYS[1], newTat)
return {1, fmt(wait), fmt(newTat), fmt(now + wait)}
`,
);

/**
 * Fleet-wide back-off after a vendor's "too frequent": nothing new is granted before now + pause.
 * KEYS[1] scope key. ARGV: T (µs), B, pause (µs). Never moves the schedule earlier.
 */
export const PENALIZE = script(
  'penalize',
  `${PRELUDE}
local T, B, pause = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
-- The next caller waits tat + (1 - B)·T - now; solve for a wait of exactly 'pause'.
local want = math.ceil(now + pause + (B - 1) * T)
if want > tat then store(KEYS[1], want) return 1 end
return 0
`,
);

/**
 * Hands a booked slot back, only while it is still the newest booking: refunding an older one
 * would let a later booking move earlier than promised, so then the slot is simply left unused.
 * KEYS[1] scope key. ARGV: T (µs), cost n, the TAT acquire returned.
 */
export const RELEASE = script(
  'release',
  `${PRELUDE}
if redis.call('GET', KEYS[1]) ~= ARGV[3] then return 0 end
local back = math.ceil(tonumber(ARGV[3]) - tonumber(ARGV[2]) * tonumber(ARGV[1]))
if back <= now then redis.call('DEL', KEYS[1]) else store(KEYS[1], back) end
return 1
`,
);
