// Offsets → 1-based line/column (UTF-16 code units, the unit of JS strings and of SARIF).
import type { Position, Range } from '../types.js';

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export class SourceText {
  readonly text: string;
  private readonly lineStarts: number[];

  constructor(
    readonly file: string,
    text: string,
  ) {
    this.text = stripBom(text);
    const starts = [0];
    let i = this.text.indexOf('\n');
    while (i >= 0) {
      starts.push(i + 1);
      i = this.text.indexOf('\n', i + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset of the first character of a 1-based line (text length past the last line). */
  lineStart(line: number): number {
    return this.lineStarts[line - 1] ?? this.text.length;
  }

  line(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  position(offset: number): Position {
    const line = this.line(offset);
    return { line, column: offset - this.lineStart(line) + 1 };
  }

  range(start: number, end: number): Range {
    return { file: this.file, start: this.position(start), end: this.position(end) };
  }
}

/**
 * HCL counts columns in grapheme clusters; lblint counts UTF-16 code units.
 * Converts an HCL column on `lineText` to ours.
 */
export function hclColumnToUtf16(lineText: string, column: number): number {
  if (column <= 1) return 1;
  let seen = 1;
  let units = 1;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(lineText)) {
    if (seen >= column) break;
    seen += 1;
    units += segment.length;
  }
  return units + (column - seen);
}
