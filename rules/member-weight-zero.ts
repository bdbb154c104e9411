// Prevents members that receive no traffic (or, on Huawei Cloud, a weight the provider never sends).
import { defineRule } from '../src/rule.js';
import { joinAddresses } from '../src/analysis/index.js';

// Providers that never apply a zero weight: the intent (no traffic) does not take effect.
const PROVIDER_NOTE: Record<string, string> = {
  huaweicloud:
    'but the huaweicloud provider drops a zero weight from the API request, so the member is created with the default weight 1 and every plan shows a diff',
  flexibleengine: 'but the flexibleengine provider rejects 0 at plan time (weight must be 1-100)',
};

export default defineRule({
  id: 'member-weight-zero',
  title: 'Backend member has weight 0',
  severity: 'warning',
  providers: ['huaweicloud', 'opentelekomcloud', 'flexibleengine', 'alicloud'],
  securitySeverity: '4.0',
  tags: ['reliability', 'load-balancer'],
  docs: {
    why: 'A backend server with weight 0 receives no new requests, and its health-check result is meaningless. When every member of a backend group has weight 0, the listener forwards nothing. On Huawei Cloud the provider silently drops `weight = 0` (it is never sent), so the intent does not take effect at all.',
    fix: 'Give the member a weight of 1-100, or remove it from the pool instead of setting its weight to 0.',
    seed: 'Open Telekom Cloud ELB FAQ "Why Can\'t I Access My Backend Servers Through a Load Balancer?" (elb_faq_0066; Huawei Cloud\'s counterpart: https://support.huaweicloud.com/intl/en-us/elb_faq/elb_faq_0048.html) "Step 4: Check Whether the Backend Server Configuration Is Correct"; ELB FAQ "How Do I Troubleshoot an Unhealthy Backend Server?" (https://support.huaweicloud.com/intl/es-us/eu-west-0-usermanual-elb/en-us_topic_0091131429.html) "View the Health Check Result" (weight 0 note)',
    examples: {
      fail: `resource "huaweicloud_lb_member" "fail_weight_zero" {
  pool_id       = huaweicloud_lb_pool.web.id
  address       = huaweicloud_compute_instance.web[1].access_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  weight        = 0
}`,
      pass: `resource "huaweicloud_lb_member" "pass_weight" {
  pool_id       = huaweicloud_lb_pool.web.id
  address       = huaweicloud_compute_instance.web[1].access_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  weight        = 10
}`,
    },
  },
  check(model, ctx) {
    for (const pool of model.pools) {
      const zero = pool.members.filter((m) => m.weight === 0);
      if (zero.length === 0) continue;
      // An auto-scaling group that registers members of its own (hasForeignReferences) keeps the pool serving.
      const allZero = !pool.hasUnknownMembers && !pool.hasForeignReferences && pool.members.every((m) => m.weight === 0);
      for (const member of zero) {
        const note = PROVIDER_NOTE[member.family];
        const weight = member.at.weight;
        const effect = allZero
          ? `every member of ${pool.address} has weight 0, so the pool ${note ? 'would forward' : 'forwards'} no traffic`
          : `it ${note ? 'would receive' : 'receives'} no new requests`;
        ctx.report({
          // Alibaba ALB: an omitted weight is sent as 0.
          message: `${member.address} ${member.weightDefaulted ? `omits ${weight.attribute}, which defaults to 0 (the provider sends 0)` : `sets ${weight.attribute} = 0`}: ${effect}${note ? `, ${note}` : ''}.`,
          address: member.address,
          attribute: weight.attribute,
          range: weight.range,
          severity: allZero ? 'error' : 'warning',
          related: [{ range: pool.range, address: pool.address, message: `pool of ${joinAddresses([member.address])}` }],
        });
      }
    }
  },
});
