// The dialect of a Huawei-derived family (Huawei Cloud, Open Telekom Cloud, FlexibleEngine): its
// resource type names, attribute names and defaults, one table per family (../huaweicloud.ts,
// ../opentelekomcloud.ts, ../flexibleengine.ts). Attribute names and defaults: providers.md §1-§3.
import type { ProviderFamily } from '../../types.js';
import type { LoadBalancer, SecurityGroupRuleSyntax } from '../types.js';

/** How a listener's whitelist (IP address group) is written and what its defaults are. */
export type IpGroupStyle =
  /** `ip_group = <ipgroup id>` + `access_policy`; `enabledAttribute` (if any) toggles it. */
  | {
      style: 'attribute';
      /** Attribute that switches access control; when absent, `enabledDefault` applies. */
      enabledAttribute?: string;
      /** 'unknown': an API default nobody has verified; 'policy-set': the provider enables it whenever `access_policy` is set. */
      enabledDefault: 'unknown' | 'policy-set';
    }
  /** `ip_group { id, enable, type }` (OTC): `enable` defaults to false. */
  | { style: 'block' };

export interface LbProduct {
  kind: 'dedicated' | 'shared';
  types: {
    loadBalancer: string;
    listener: string;
    pool: string;
    member: string;
    monitor: string;
    /** Forwarding policies that reference pools (`redirect_pool_id`, `redirect_pools_config`). */
    policies: string[];
  };
  loadBalancer: {
    /** Subnet of the LB's own private address (shared: the VIP subnet, always set). */
    subnetAttribute: string;
    /** Dedicated: the backend ("downstream") subnets = health-check source. */
    backendSubnetsAttribute?: string;
    /** Dedicated: "IP as a backend". */
    crossVpcAttribute?: string;
    ipv6Attribute?: string;
    /** Dedicated: attributes whose presence binds or creates an EIP inline. */
    inlineEipAttributes?: string[];
    /** Dedicated: nested blocks whose presence binds or creates an EIP inline (OTC `public_ip {}`). */
    inlineEipBlocks?: string[];
    /** Exported attributes naming the LB's port, as EIP associations reference them. */
    eipPortPaths: string[];
  };
  monitor: {
    protocol: string;
    interval: string;
    port: string;
    codes: string;
    enabled: string;
  };
  /** `*_whitelist` resource (`listener_id`, `enable_whitelist`, `whitelist`). */
  whitelist?: string;
  /** IP address group resource (`ip_list { ip }`) and how listeners use it. */
  ipGroup?: IpGroupStyle & {
    type: string;
    /** An ipgroup without `ip_list` entries: 'empty' = no entries; 'unknown' = the docs disagree on what it means. */
    emptyList: 'empty' | 'unknown';
  };
  /** Huawei `elb_active_standby_pool`: a pool with inline members and monitor. */
  activeStandbyPool?: string;
}

export interface Dialect {
  family: ProviderFamily;
  /** Subnets and the exported id attributes other resources use to name them. */
  subnets: { type: string; idPaths: string[][] }[];
  /** Security groups, their rule resource and how a rule writes its ports (for fix snippets). */
  securityGroup: { group: string; rule: string; ports: 'ports' | 'port-range' };
  /** Nova-shaped groups with inline rules (`compute_secgroup_v2`), where the provider still registers them. */
  computeSecurityGroups?: string[];
  /** Resources that attach extra security groups to a port: such a port's groups are not all known. */
  portSecurityGroupAssociations?: string[];
  instances: string[];
  ports: string[];
  /** An instance `network { port = … }` takes the port's security groups and subnet (OTC/FE). */
  instanceNetworkPort?: boolean;
  /** EIP bindings: `path` (within the resource's values) holds the bound port or LB id. */
  eipBindings: { type: string; path: string[] }[];
  acls: {
    /** Huawei `vpc_network_acl` (inline ordered rules). */
    inline?: string;
    /** Legacy `network_acl { inbound_rules, outbound_rules, subnets }` + `network_acl_rule`. */
    legacy?: { acl: string; rule: string };
    /** Neutron FWaaS v2 firewall groups (OTC's network ACL). */
    firewall?: { group: string; policy: string; rule: string; port: string; routerInterface: string };
  };
  products: LbProduct[];
}

/** `<prefix>{loadbalancer,listener,pool,member,monitor}<suffix>`: OTC/FE `…_lb_*_v2` and `…_lb_*_v3`. */
export function lbTypes(prefix: string, suffix: string, policies: string[]): LbProduct['types'] {
  const t = (name: string) => `${prefix}${name}${suffix}`;
  return { loadBalancer: t('loadbalancer'), listener: t('listener'), pool: t('pool'), member: t('member'), monitor: t('monitor'), policies };
}

/** Neutron FWaaS v2 resources (`<prefix>fw_*_v2`) and the port resources their groups attach to. */
export function fwaasV2(prefix: string): NonNullable<Dialect['acls']['firewall']> {
  return {
    group: `${prefix}fw_firewall_group_v2`,
    policy: `${prefix}fw_policy_v2`,
    rule: `${prefix}fw_rule_v2`,
    port: `${prefix}networking_port_v2`,
    routerInterface: `${prefix}networking_router_interface_v2`,
  };
}

/** Load-balancer attributes of the Huawei dedicated-ELB shape (Huawei `elb_loadbalancer`, FlexibleEngine `lb_loadbalancer_v3`). */
export function elbLoadBalancer(eipPortPaths: string[]): LbProduct['loadBalancer'] {
  return {
    subnetAttribute: 'ipv4_subnet_id',
    backendSubnetsAttribute: 'backend_subnets',
    crossVpcAttribute: 'cross_vpc_backend',
    ipv6Attribute: 'ipv6_network_id',
    inlineEipAttributes: ['ipv4_eip_id', 'iptype'],
    eipPortPaths,
  };
}

/** Monitor attributes of the dedicated-ELB shape (`protocol`, `interval`, `status_code`, `enabled`). */
export const ELB_MONITOR: LbProduct['monitor'] = { protocol: 'protocol', interval: 'interval', port: 'port', codes: 'status_code', enabled: 'enabled' };

/** Monitor attributes of the neutron LBaaS shape (`type`, `delay`, `expected_codes`, `admin_state_up`); the port attribute varies. */
export function lbaasMonitor(port: 'port' | 'monitor_port'): LbProduct['monitor'] {
  return { protocol: 'type', interval: 'delay', port, codes: 'expected_codes', enabled: 'admin_state_up' };
}

/**
 * The body of a `*_networking_secgroup_rule*` resource admitting one flow: `ports = "80"` on
 * Huawei Cloud, `port_range_min`/`port_range_max` on the neutron providers (OTC, FlexibleEngine).
 */
export function secgroupRuleBody(ports: 'ports' | 'port-range'): SecurityGroupRuleSyntax['ingressBody'] {
  return ({ groupRef, protocol, port, cidr }) => [
    `security_group_id = ${groupRef}`,
    `direction         = "ingress"`,
    `ethertype         = "IPv4"`,
    `protocol          = "${protocol}"`,
    ...(port === undefined ? [] : ports === 'port-range' ? [`port_range_min    = ${port}`, `port_range_max    = ${port}`] : [`ports             = "${port}"`]),
    `remote_ip_prefix  = "${cidr}"`,
  ];
}

/** The fields of a load balancer common to every product (./products.ts); the product adds the rest. */
export type LoadBalancerNode = Omit<LoadBalancer, 'backendSubnets' | 'crossVpcBackend' | 'hasPrivateIpv4' | 'hasIpv6' | 'hasEip'>;
