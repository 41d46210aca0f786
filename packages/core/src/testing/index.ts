export { type CallbackReceiver, startCallbackReceiver } from './callback-receiver.js';
export {
  type ConformanceOptions,
  type ConformanceTarget,
  describeProviderConformance,
} from './conformance.js';
export {
  type MemoryProvider,
  type MemoryProviderOptions,
  type MemoryScript,
  memoryProvider,
  type RecordedSend,
} from './memory-provider.js';
