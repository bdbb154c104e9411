// The characters of HCL identifiers, shared by the scanner and block selector (src/load), the fast
// path (ASCII only: it declines anything else) and the expression lexer (src/eval).

/** ASCII letter or `_` (a char code). */
export function isAsciiIdentStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

/** ASCII letter, digit, `_` or `-` (a char code). */
export function isAsciiIdentPart(c: number): boolean {
  return isAsciiIdentStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
}

/** The first character of an HCL identifier: Unicode ID_Start or `_`. */
export function isIdentStart(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return isAsciiIdentStart(c);
  return /\p{ID_Start}/u.test(ch);
}

/** A further character of an HCL identifier: Unicode ID_Continue or `-`. */
export function isIdentPart(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return isAsciiIdentPart(c);
  return /\p{ID_Continue}/u.test(ch);
}
