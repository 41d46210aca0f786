/** UTF-8 byte length: every vendor limit is stated in bytes of the decoded text. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
