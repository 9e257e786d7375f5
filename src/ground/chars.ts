/**
 * Counting characters as people see them (code points) without making an
 * array of them: the card rules ask a line's length many times a line.
 */

const SURROGATE = /[\uD800-\uDFFF]/;

/** `[...text].length` without the array: a surrogate pair is one, a lone surrogate one too. */
export function codePointLength(text: string): number {
  // Most text holds no surrogate at all: one native search tells, no loop over its characters.
  if (!SURROGATE.test(text)) return text.length;
  let length = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const high = text.charCodeAt(i);
    if (high < 0xd800 || high > 0xdbff) continue;
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) {
      length -= 1;
      i += 1;
    }
  }
  return length;
}
