/**
 * Splits recipients into requests of at most `size`, keeping order: each recipient lands in exactly
 * one batch. A whole-room send (`undefined`) is one request without recipients.
 */
export function toBatches(
  recipients: readonly string[] | undefined,
  size: number,
): (readonly string[] | undefined)[] {
  if (recipients === undefined) return [undefined];
  const batches: string[][] = [];
  for (let i = 0; i < recipients.length; i += size) batches.push(recipients.slice(i, i + size));
  return batches;
}
