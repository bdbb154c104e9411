// Text from the user's files (paths, addresses, quoted values) must not reach a terminal or a
// log raw: an ESC starts an ANSI sequence, CR/LF could forge lines or workflow commands, and
// bidi controls reorder what the reader sees ("Trojan Source").

/** C0 and C1 controls, DEL, and the bidi/direction marks. */
const UNSAFE_CLASS = '[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]';
const UNSAFE = new RegExp(UNSAFE_CLASS, 'g');
const UNSAFE_ONE = new RegExp(`^${UNSAFE_CLASS}$`);

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The visible escape for one unsafe character: `\n`, `\x1b`, `\u202e`. */
export function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named !== undefined) return named;
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Is `ch` (one UTF-16 code unit) a character `escapeLine` replaces? */
export function isUnsafeChar(ch: string): boolean {
  return UNSAFE_ONE.test(ch);
}

/** One-line text: every control character (tab and newline included) becomes a visible escape. */
export function escapeLine(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** Several lines (fix HCL): split on newlines, then escape each line. */
export function escapeLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n').map((line) => escapeLine(line.replace(/\t/g, '  ')));
}
