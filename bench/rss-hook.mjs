// Preloaded into the lblint CLI by bench/run.mjs (`node --import`): on exit, writes the peak RSS
// of the whole process (main thread and parse workers) to $LBLINT_BENCH_STATS.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.LBLINT_BENCH_STATS;
  if (file) writeFileSync(file, JSON.stringify({ maxRssKB: process.resourceUsage().maxRSS }));
});
