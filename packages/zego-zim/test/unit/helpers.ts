/** Runs `fn`, expects it to throw, and returns what it threw. */
export function thrown(fn: () => unknown): { code: string; message: string; operation?: string } {
  try {
    fn();
  } catch (caught) {
    return caught as { code: string; message: string; operation?: string };
  }
  throw new Error('expected a throw');
}
