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
