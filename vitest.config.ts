import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The bin's V8 code cache (src/lblint.cts) goes to a temporary folder, not the user's cache.
    env: { LBLINT_CODE_CACHE_DIR: path.join(os.tmpdir(), 'lblint-test-code-cache') },
  },
});
