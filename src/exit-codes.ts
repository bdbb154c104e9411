// The only names for process exit codes (set by src/main.ts alone).
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
