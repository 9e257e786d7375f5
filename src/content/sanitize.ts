/**
 * Removes what a terminal would act on from note text: ANSI/VT escape
 * sequences (CSI, OSC incl. hyperlinks and titles, DCS/SOS/PM/APC strings,
 * two-byte ESC sequences) and the remaining C0/C1 control characters.
 * Tabs become spaces; newlines are kept (callers split lines themselves).
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) go too: they make a terminal or an editor show text in
 * another order than it is (the "Trojan Source" trick), and an unclosed one
 * reorders everything after it on the line.
 */

// OSC / DCS / SOS / PM / APC strings end with BEL or ST (ESC \ or 0x9C).
const STRING_SEQ =
  /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)/g;
// CSI: ESC [ or 0x9B, parameters, intermediates, one final byte.
const CSI_SEQ = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?/g;
// Other ESC sequences: ESC, intermediates, one final byte.
const ESC_SEQ = /\u001b[ -/]*[0-~]?/g;
// Remaining controls except \n and \t (tabs are handled by the caller's option); DEL, C1 and bidi controls included.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function sanitize(text: string, options: { keepTabs?: boolean } = {}): string {
  if (!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(text)) {
    return text;
  }
  const cleaned = text.replace(STRING_SEQ, '').replace(CSI_SEQ, '').replace(ESC_SEQ, '');
  return options.keepTabs
    ? cleaned.replace(CONTROL, '')
    : cleaned.replace(/\t/g, ' ').replace(CONTROL, '');
}
