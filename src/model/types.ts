// The normalized load-balancer graph every rule reads. Provider adapters build it; attribute-name
// differences between providers end here. A field the configuration does not determine is an
// `Unknown` (with its reason), never a guess.
import type { ProviderFamily, Range, ResourceInstance, Unknown } from '../types.js';

export type Maybe<T> = T | Unknown;

/** `shared` = fixed health-check source range (HW lb_*, OTC/FE *_v2); `dedicated` = backend-subnet source (HW elb_*, OTC/FE *_v3). */
export type LbKind = 'shared' | 'dedicated' | 'clb' | 'alb' | 'nlb';

/**
 * Where a field of a node is written: the attribute in its provider's spelling (for messages)
 * and the range of its value (the block header when the attribute is not written).
 */
export interface FieldSource {
  attribute: string;
  range: Range;
}

/** What every node has: the Terraform address and where it is written. */
export interface NodeBase {
  address: string;
  family: ProviderFamily;
  /** The resource type (`huaweicloud_elb_pool`). */
  type: string;
  /** Where a finding on the node points: the resource block's header (rule nodes: the rule's definition). */
  range: Range;
  /** The whole resource block (a fix is inserted after it). */
  blockRange: Range;
  /** The evaluated resource, for the model builders only: rules and the analysis read fields and ranges. */
  resource: ResourceInstance;
}

export interface Subnet extends NodeBase {
  cidr: Maybe<string>;
  acls: NetworkAcl[];
}

export interface LoadBalancer extends NodeBase {
  kind: LbKind;
  /** Subnet of the LB's own address (client side). */
  subnet: Maybe<Subnet> | undefined;
  /** Subnets the LB talks to backends from (dedicated: health-check source). */
  backendSubnets: Maybe<Subnet[]>;
  /**
   * When `backendSubnets` is an Unknown because a conditional with an unknown condition picks
   * them: the subnet lists it may pick, each fully known.
   */
  backendSubnetChoices?: Subnet[][];
  /** Dedicated only: "IP as a backend" / cross-VPC backend. */
  crossVpcBackend: Maybe<boolean>;
  /** Has a private IPv4 (true for shared LBs, which always get a VIP). */
  hasPrivateIpv4: Maybe<boolean>;
  hasIpv6: Maybe<boolean>;
  /** An EIP is bound inline or by an association resource. */
  hasEip: Maybe<boolean>;
  /** The network ACLs of `subnet` filter client traffic to the listeners (Huawei family; not Alibaba). */
  subnetAclFiltersClients: boolean;
  listeners: Listener[];
  pools: Pool[];
  /** A listener with an unknown count/for_each may belong to this load balancer. */
  hasUnknownListeners: boolean;
  /** Set with `hasUnknownListeners` (`markUnknownListeners`): the first thing not known that set it. */
  unknownListenersWhy?: Unknown;
}

export type ListenerProtocol = 'TCP' | 'UDP' | 'HTTP' | 'HTTPS' | 'TLS' | 'QUIC' | 'IP' | 'TERMINATED_HTTPS' | string;

export interface AccessControl {
  /** The resource that holds the whitelist (a whitelist, ipgroup or the listener). */
  node: NodeBase;
  enabled: Maybe<boolean>;
  type: Maybe<'white' | 'black'>;
  /** Entries (IPs/CIDRs); an empty array is an empty list. */
  entries: Maybe<string[]>;
  /** Where the entries are written, on `node`. */
  entriesAt: FieldSource;
}

export interface Listener extends NodeBase {
  loadBalancer: Maybe<LoadBalancer> | undefined;
  protocol: Maybe<ListenerProtocol>;
  port: Maybe<number>;
  /** Pools this listener sends traffic to (default pool, pools naming the listener, policies). */
  pools: Pool[];
  /** True when a reference to a pool or policy on this listener could not be resolved. */
  hasUnknownBackend: boolean;
  /** Set with `hasUnknownBackend` (`markUnknownBackend`): the first thing not known that set it. */
  unknownBackendWhy?: Unknown;
  /**
   * Rules of its own decide where its traffic goes: l7 forwarding policies or rules (forward,
   * redirect, fixed response), or an Alibaba CLB redirect. Such a listener may need no default pool.
   */
  hasRoutingRules: boolean;
  transparentClientIp: Maybe<boolean>;
  /** Alibaba: redirect listener (health check off by design). */
  isRedirect: boolean;
  accessControls: AccessControl[];
  /**
   * Alibaba CLB: the port this listener forwards to on members of a pool without member ports
   * (the default server group, `backend_port`). Used where `Pool.anyPortEnabled` is true.
   */
  backendPort?: Maybe<number>;
  /** Where `backendPort` is written. */
  backendPortAt?: FieldSource;
}

export interface Member extends NodeBase {
  pool: Pool;
  /** The backend IP the member sends traffic to (`address` is the Terraform address). */
  ip: Maybe<string>;
  port: Maybe<number>;
  weight: Maybe<number>;
  /** The weight is not written: the provider's default applies. */
  weightDefaulted: boolean;
  /** Where `port` and `weight` are written. */
  at: { port: FieldSource; weight: FieldSource };
  backend: Maybe<Backend> | undefined;
  /** The member's subnet when known directly (member.subnet_id). */
  subnet: Maybe<Subnet> | undefined;
}

export type MonitorField = 'port' | 'interval' | 'timeout' | 'maxRetries' | 'maxRetriesDown' | 'urlPath' | 'domain' | 'expectedCodes' | 'enabled';

export interface HealthMonitor extends NodeBase {
  /** Upper-case: TCP, UDP_CONNECT, HTTP, HTTPS, PING, GRPC, TLS. */
  protocol: Maybe<string>;
  port: Maybe<number> | undefined;
  interval: Maybe<number> | undefined;
  timeout: Maybe<number> | undefined;
  maxRetries: Maybe<number> | undefined;
  maxRetriesDown: Maybe<number> | undefined;
  urlPath: Maybe<string> | undefined;
  domain: Maybe<string> | undefined;
  expectedCodes: Maybe<string> | undefined;
  enabled: Maybe<boolean>;
  /** Where each field is written. */
  at: Readonly<Record<MonitorField, FieldSource>>;
  /** How this provider writes "health check off" (`enabled = false`, `health_check = "off"`). */
  offText: string;
  /**
   * Alibaba CLB: the health check belongs to this listener (`health_check_*` of
   * `alicloud_slb_listener` or an `alicloud_slb_rule`), not to the pool: a pool served by two
   * listeners has one monitor per listener, and each listener's traffic uses only its own.
   */
  listener?: Listener;
  /** The kind of load balancer the monitor belongs to, where limits differ by product (Alibaba ALB/NLB). */
  lbKind?: LbKind;
}

export interface Pool extends NodeBase {
  loadBalancer: Maybe<LoadBalancer> | undefined;
  protocol: Maybe<string>;
  listeners: Listener[];
  members: Member[];
  monitors: HealthMonitor[];
  /** A resource we do not model references this pool (an AS group, a pool reference we cannot resolve…). */
  hasForeignReferences: boolean;
  /** Some member/monitor/listener reference could not be resolved, so "none" cannot be proven. */
  hasUnknownMembers: boolean;
  hasUnknownMonitors: boolean;
  hasUnknownListeners: boolean;
  /** Set with the flag of the same name (`markUnknownMembers`…): the first thing not known that set it, naming the expression. */
  unknownMembersWhy?: Unknown;
  unknownMonitorsWhy?: Unknown;
  unknownListenersWhy?: Unknown;
  /** Set with `hasForeignReferences`: the first resource we do not model that references this pool. */
  foreignReferrer?: string;
  /** The first of them that may route traffic to it (not an auto-scaling group, which only adds members). */
  foreignTrafficReferrer?: string;
  anyPortEnabled: Maybe<boolean>;
}

export interface SecurityGroupRuleNode extends NodeBase {
  /** Range of the rule's definition (a rule resource, or an inline block). */
  range: Range;
  direction: Maybe<'ingress' | 'egress'>;
  ethertype: Maybe<4 | 6>;
  protocol: Maybe<string>;
  /** Raw port spec ("80", "8000-8080", "-1/-1", ...) or numeric min/max; undefined = all. */
  ports: Maybe<string> | undefined;
  remoteCidr: Maybe<string> | undefined;
  remoteGroup: Maybe<string> | undefined;
  action: Maybe<'allow' | 'deny'>;
  priority: Maybe<number>;
}

/** How a rule of a security group is written as its own resource (for fix snippets). */
export interface SecurityGroupRuleSyntax {
  /** The rule resource type. */
  type: string;
  /** The group owns its rules (Nova `compute_secgroup_v2`): a new rule is an inline `rule` block. */
  inline?: true;
  /** The body lines of a rule resource that admits `protocol` (and `port`) from `cidr` into the group `groupRef`. */
  ingressBody(rule: { groupRef: string; protocol: string; port?: number; cidr: string }): string[];
}

export interface SecurityGroup extends NodeBase {
  name: Maybe<string> | undefined;
  /** The resource name (`web` of `huaweicloud_networking_secgroup.web`). */
  resourceName: string;
  /** How to write a new rule of this group (for fix snippets); none where no fix is offered (Alibaba). */
  ruleSyntax?: SecurityGroupRuleSyntax;
  rules: SecurityGroupRuleNode[];
  /** Some rule could belong to this group but its group reference is unknown. */
  hasUnknownRules: boolean;
  /** Why rules may be missing that could belong to this group: the skipped resource or module call and its reason. */
  unknownRulesFrom?: string;
}

export interface AclRuleNode {
  id: string;
  range: Range;
  address: string;
  protocol: Maybe<string>;
  sourceCidr: Maybe<string> | undefined;
  destinationCidr: Maybe<string> | undefined;
  sourcePorts: Maybe<string> | undefined;
  destinationPorts: Maybe<string> | undefined;
  action: Maybe<'allow' | 'deny'>;
  enabled: Maybe<boolean>;
  /** The rule's own IP version (Huawei `ip_version`); undefined = taken from its CIDRs. */
  ipVersion?: Maybe<number>;
}

export interface NetworkAcl extends NodeBase {
  enabled: Maybe<boolean>;
  /** Stateful ACLs (Huawei, OTC) need only inbound rules; stateless (Alibaba) need the reply too. */
  stateful: boolean;
  /** Ordered rules; Unknown when the list cannot be determined. */
  ingress: Maybe<AclRuleNode[]>;
  egress: Maybe<AclRuleNode[]>;
}

/** An ECS instance or a NIC that a member address points at. */
export interface Backend extends NodeBase {
  ip: Maybe<string> | undefined;
  securityGroups: Maybe<SecurityGroup[]>;
  /**
   * When `securityGroups` is an Unknown because a conditional with an unknown condition picks
   * them: the group lists it may pick, each fully known. A verdict the same for all holds.
   */
  securityGroupChoices?: SecurityGroup[][];
  subnet: Maybe<Subnet> | undefined;
}

export interface Model {
  loadBalancers: LoadBalancer[];
  listeners: Listener[];
  pools: Pool[];
  monitors: HealthMonitor[];
  /** Whitelists/ipgroups with the listener they apply to. */
  accessControls: { listener: Listener; control: AccessControl }[];
}
