// The progress line on stderr: only on a terminal, only once a run has taken longer than ~2 s,
// and erased before the report is printed. Plain `\r` and spaces, no ANSI, so NO_COLOR holds.
import type { LintProgress } from './engine/lint.js';
import { escapeLine } from './report/sanitize.js';

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export type ProgressState = LintProgress;

export interface ProgressOptions {
  /** Show nothing before this many milliseconds (default 2000). */
  delayMs?: number;
  /** Redraw at most this often (default 100 ms). */
  intervalMs?: number;
  now?: () => number;
  /** Timers are unref'd so a pending redraw never keeps the process alive. */
  setTimer?: (fn: () => void, ms: number) => { unref?: () => void } | undefined;
  clearTimer?: (timer: unknown) => void;
}

export interface Progress {
  update(state: ProgressState): void;
  /** Erases the line (if one was drawn) and stops the timer. */
  stop(): void;
}

const MAX_WIDTH = 100;

export function describeProgress(state: ProgressState, elapsedMs: number): string {
  const seconds = `${(elapsedMs / 1000).toFixed(1)} s`;
  if (state.phase === 'load' || state.rootsTotal === 0) return `lblint: reading files… ${seconds}`;
  const root = state.root ? `: ${escapeLine(state.root)}` : '';
  const text = `lblint: linting root ${state.rootsDone + 1} of ${state.rootsTotal}${root} (${seconds})`;
  return text.length > MAX_WIDTH ? `${text.slice(0, MAX_WIDTH - 1)}…` : text;
}

export function createProgress(stream: ProgressStream, options: ProgressOptions = {}): Progress {
  if (stream.isTTY !== true) return { update() {}, stop() {} };
  const delay = options.delayMs ?? 2000;
  const interval = options.intervalMs ?? 100;
  const now = options.now ?? (() => Date.now());
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  const started = now();
  let state: ProgressState = { phase: 'load', rootsDone: 0, rootsTotal: 0 };
  let lastDraw = -Infinity;
  let width = 0;
  let stopped = false;

  const draw = (): void => {
    if (stopped) return;
    const t = now();
    if (t - started < delay || t - lastDraw < interval) return;
    lastDraw = t;
    const line = describeProgress(state, t - started);
    stream.write(`\r${line.padEnd(width)}`);
    width = Math.max(width, line.length);
  };
  // The load phase waits on I/O, so a timer can fire there; rule runs are synchronous, so
  // `update` draws directly between roots.
  let timer: unknown;
  const arm = (ms: number): void => {
    const t = setTimer(() => {
      draw();
      if (!stopped) arm(Math.max(interval, 250));
    }, ms);
    t?.unref?.();
    timer = t;
  };
  arm(delay);

  return {
    update(next) {
      state = next;
      draw();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearTimer(timer);
      if (width > 0) stream.write(`\r${' '.repeat(width)}\r`);
    },
  };
}
