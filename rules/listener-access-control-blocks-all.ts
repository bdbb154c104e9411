// Prevents listeners whose whitelist is switched on but empty, which shuts every client out.
import { defineRule } from '../src/rule.js';
import { isUnknown } from '../src/types.js';

// An empty whitelist denies everyone on Huawei Cloud and OTC but admits everyone on Alibaba
// (providers.md §6 pitfall 5), so the rule only speaks for the families where it blocks.
const EMPTY_WHITELIST_BLOCKS = new Set(['huaweicloud', 'opentelekomcloud', 'flexibleengine']);

export default defineRule({
  id: 'listener-access-control-blocks-all',
  title: 'Listener whitelist is enabled with no entries',
  severity: 'error',
  providers: ['huaweicloud', 'opentelekomcloud', 'flexibleengine'],
  securitySeverity: '6.0',
  tags: ['security', 'reliability', 'load-balancer', 'access-control'],
  docs: {
    why: 'On Huawei Cloud, OTC and FlexibleEngine, access control enabled with an empty whitelist admits no client at all: the listener is unreachable. (On Alibaba an empty whitelist admits everyone, so lblint stays silent there.)',
    fix: 'Add the client CIDRs to the whitelist, or disable access control.',
    seed: 'Open Telekom Cloud ELB FAQ "Why Can\'t I Access My Backend Servers Through a Load Balancer?" (elb_faq_0066; Huawei Cloud\'s counterpart: https://support.huaweicloud.com/intl/en-us/elb_faq/elb_faq_0048.html) "Step 5: Check Whether Access Control Is Enabled"',
    examples: {
      fail: `resource "huaweicloud_lb_whitelist" "fail_empty" {
  enable_whitelist = true
  whitelist        = ""
  listener_id      = huaweicloud_lb_listener.http.id
}`,
      pass: `resource "huaweicloud_lb_whitelist" "pass_office" {
  enable_whitelist = true
  whitelist        = "203.0.113.0/24,198.51.100.7"
  listener_id      = huaweicloud_lb_listener.http.id
}`,
    },
  },
  check(model, ctx) {
    for (const { listener, control } of model.accessControls) {
      if (!EMPTY_WHITELIST_BLOCKS.has(control.node.family)) continue;
      if (control.type !== 'white' || !Array.isArray(control.entries) || control.entries.length > 0) continue;
      if (isUnknown(control.enabled)) {
        ctx.unknown(control.enabled, { address: control.node.address, range: control.node.range });
        continue;
      }
      if (control.enabled !== true) continue;
      ctx.report({
        message: `${control.node.address} enables a whitelist with no entries on ${listener.address}, so no client can connect.`,
        address: control.node.address,
        attribute: control.entriesAt.attribute,
        range: control.entriesAt.range,
        related: [{ range: listener.range, address: listener.address, message: `listener on port ${String(listener.port)}` }],
      });
    }
  },
});
