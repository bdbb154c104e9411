// Pure CIDR / port / protocol math and the security-group and ACL evaluators. No Terraform here.
export * from './cidr.js';
export * from './ports.js';
export * from './protocol.js';
export * from './unknown.js';
export * from './flow.js';
export type { TraceEffect, TraceStep, Verdict, VerdictStatus } from './verdict.js';
export * from './secgroup.js';
export * from './acl.js';
export * from './decide.js';
