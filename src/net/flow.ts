// The traffic an evaluator judges: a whole source range towards one member and port.
import type { AddressSet, Cidr } from './cidr.js';

export type FlowProtocol = 'tcp' | 'udp' | 'icmp';

export interface Flow {
  /** ICMP over IPv6 is ICMPv6; the IP version is `source.version`. */
  protocol: FlowProtocol;
  /** Every address the traffic may come from (e.g. 100.125.0.0/16), judged address by address. */
  source: AddressSet;
  /** The member's address; undefined when unknown. */
  destination?: Cidr;
  /** Destination port; undefined for ICMP, or when unknown. */
  port?: number;
}
