/**
 * UTF-8 sizes: GitHub limits a check run's summary and text in bytes, not characters, and an
 * icon or a non-Latin name takes several bytes per character.
 */

/** The UTF-8 length of a code point. */
function codePointBytes(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}

/** The UTF-8 length of a string. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) bytes += codePointBytes(char.codePointAt(0) ?? 0);
  return bytes;
}

/** The longest start of `text`, in whole characters, that fits in `max` bytes. */
export function startWithinBytes(text: string, max: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    bytes += codePointBytes(char.codePointAt(0) ?? 0);
    if (bytes > max) break;
    end += char.length;
  }
  return text.slice(0, end);
}

/** The longest end of `text`, in whole characters, that fits in `max` bytes. */
export function endWithinBytes(text: string, max: number): string {
  const chars = Array.from(text);
  let bytes = 0;
  let start = chars.length;
  while (start > 0) {
    bytes += codePointBytes(chars[start - 1]?.codePointAt(0) ?? 0);
    if (bytes > max) break;
    start -= 1;
  }
  return chars.slice(start).join('');
}
