/**
 * Text from manifests (names, messages that quote them, waiver reasons) made safe for line-oriented output:
 * control characters (C0, DEL, C1: an escape sequence can recolour or hide text in a terminal, a newline
 * can inject a fake TAP point or log line) and invisible format characters (bidirectional overrides, zero-width
 * characters, line and paragraph separators) are shown as visible escapes instead of acting.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export function lineSafe(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? `\\u{${c.codePointAt(0)!.toString(16).padStart(4, "0")}}`);
}
