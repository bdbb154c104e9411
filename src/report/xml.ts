// XML 1.0 text for the JUnit and checkstyle reports. XML 1.0 cannot carry most C0 controls at
// all, not even as character references (`&#1;` is a fatal error in every conforming parser),
// nor lone surrogates or U+FFFE/U+FFFF; a message quoting an ESC from a user's file would make the
// whole report unreadable to Jenkins or reviewdog. Those characters become visible escapes
// (`\x1b`), as in the text report; C1 controls and bidi marks, legal but shown raw by the HTML
// views of these reports ("Trojan Source"), are escaped the same way.
import { escapeChar } from './sanitize.js';

/** Characters XML 1.0 forbids (§2.2 Char), plus C1 controls, DEL and the bidi/direction marks. */
const UNREPRESENTABLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visible(text: string): string {
  return text.replace(UNREPRESENTABLE, escapeChar);
}

/** Element content: `&`, `<`, `>` escaped; tab, CR and LF kept (CR as a reference, so it survives parsing). */
export function xmlText(text: string): string {
  return visible(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Attribute value (in double quotes): tab, LF and CR as references, which attribute-value normalization keeps. */
export function xmlAttribute(text: string): string {
  return visible(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** `<name a="1" b="2"` with each value escaped (no closing `>`). */
export function openTag(name: string, attributes: Record<string, string | number>): string {
  const attrs = Object.entries(attributes).map(([k, v]) => ` ${k}="${xmlAttribute(String(v))}"`);
  return `<${name}${attrs.join('')}`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
