export { createOutbox, type Outbox } from './outbox/create-outbox.js';
export { outboxJobId } from './outbox/job-id.js';
export type { OutboxOptions } from './outbox/options.js';
export { checkRedisRequirements, type InfoClient, type RedisRequirements } from './outbox/requirements.js';
export type { OutboxSendOptions } from './outbox/send-unit.js';
export type { EnqueueOptions, EnqueueReceipt, OutboxEvents, OutboxResult } from './outbox/types.js';
export type { OnRedisDown, RedisRateLimitStoreOptions, RedisStatusEvent } from './store/options.js';
export {
  type RedisGrantedReservation,
  type RedisRateLimitStore,
  redisRateLimitStore,
} from './store/redis-store.js';
export type { RedisScriptClient } from './store/script-client.js';
