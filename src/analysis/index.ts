// The analysis layer: questions rules ask of the model (flows, sources, verdicts with their traces,
// message text). Reads the model and src/net; knows nothing of rules, reports or the disk.
export * from './acls.js';
export * from './flows.js';
export * from './messages.js';
export { verdictUnknown } from './net-values.js';
export * from './queries.js';
export * from './security-groups.js';
export * from './sources.js';
