// The rule registry: an explicit, sorted list. Importing a rule file does not register it.
import type { Rule } from '../src/rule.js';
import healthCheckCodesLenient from './health-check-codes-lenient.js';
import healthCheckDisabled from './health-check-disabled.js';
import healthCheckDomainInvalid from './health-check-domain-invalid.js';
import healthCheckPathInvalid from './health-check-path-invalid.js';
import healthCheckPortMismatch from './health-check-port-mismatch.js';
import healthCheckTimingInvalid from './health-check-timing-invalid.js';
import layer4ListenerWithoutAddress from './layer4-listener-without-address.js';
import listenerAccessControlBlocksAll from './listener-access-control-blocks-all.js';
import listenerWithoutBackend from './listener-without-backend.js';
import loadBalancerWithoutListener from './load-balancer-without-listener.js';
import memberWeightZero from './member-weight-zero.js';
import networkAclBlocksBackendPort from './network-acl-blocks-backend-port.js';
import networkAclBlocksHealthCheck from './network-acl-blocks-health-check.js';
import networkAclBlocksListener from './network-acl-blocks-listener.js';
import poolWithoutListener from './pool-without-listener.js';
import poolWithoutMembers from './pool-without-members.js';
import securityGroupBlocksBackendPort from './security-group-blocks-backend-port.js';
import securityGroupBlocksHealthCheck from './security-group-blocks-health-check.js';
import udpHealthCheckNeedsIcmp from './udp-health-check-needs-icmp.js';

export const rules = [
  healthCheckCodesLenient,
  healthCheckDisabled,
  healthCheckDomainInvalid,
  healthCheckPathInvalid,
  healthCheckPortMismatch,
  healthCheckTimingInvalid,
  layer4ListenerWithoutAddress,
  listenerAccessControlBlocksAll,
  listenerWithoutBackend,
  loadBalancerWithoutListener,
  memberWeightZero,
  networkAclBlocksBackendPort,
  networkAclBlocksHealthCheck,
  networkAclBlocksListener,
  poolWithoutListener,
  poolWithoutMembers,
  securityGroupBlocksBackendPort,
  securityGroupBlocksHealthCheck,
  udpHealthCheckNeedsIcmp,
] as const satisfies readonly Rule[];
