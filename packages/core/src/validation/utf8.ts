/**
 * UTF-8 length of a string in bytes, the unit every vendor limit is stated in: an emoji counts 4,
 * a CJK character 3. Lone surrogates count 3 (they would be sent as U+FFFD).
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Formats a byte count the way error messages show it: `1,031`. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
