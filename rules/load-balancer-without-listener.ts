// Prevents load balancers that clients cannot connect to at all.
import { Unknown } from '../src/types.js';
import { defineRule } from '../src/rule.js';
import { completedElsewhere } from '../src/model/open-world.js';
import { hasListenersWithUnknownLb } from '../src/analysis/index.js';

export default defineRule({
  id: 'load-balancer-without-listener',
  title: 'Load balancer has no listener',
  severity: 'warning',
  providers: ['huaweicloud', 'opentelekomcloud', 'flexibleengine', 'alicloud'],
  securitySeverity: '3.0',
  tags: ['reliability', 'load-balancer'],
  docs: {
    why: 'A load balancer without a listener does not accept any connection: clients cannot reach the backends through it.',
    fix: 'Add a listener for the protocol and port clients use, or remove the load balancer.',
    seed: 'Alibaba Cloud CLB health check FAQ (https://www.alibabacloud.com/help/en/slb/classic-load-balancer/user-guide/faq-about-health-checks) "no listener is configured"; Huawei Cloud ELB FAQ "How Do I Troubleshoot an Unhealthy Backend Server of a Dedicated Load Balancer?" (https://support.huaweicloud.com/intl/en-us/elb_faq/en-us_topic_0018127975.html) "If there are no listeners, add a listener"',
    examples: {
      fail: `resource "huaweicloud_elb_loadbalancer" "fail_idle" {
  name              = "idle"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.lb.ipv4_subnet_id
  availability_zone = var.availability_zones
}`,
      pass: `resource "huaweicloud_elb_listener" "pass_http" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_elb_loadbalancer.pass_serving.id
  default_pool_id = huaweicloud_elb_pool.web.id
}`,
    },
  },
  check(model, ctx) {
    for (const lb of model.loadBalancers) {
      if (lb.listeners.length > 0) continue;
      const range = lb.range;
      const elsewhere = completedElsewhere(model, lb);
      if (elsewhere) {
        ctx.unknown(elsewhere, { address: lb.address, range });
        continue;
      }
      const listenerMayBelong = lb.hasUnknownListeners ? undefined : hasListenersWithUnknownLb(model, lb.family);
      if (lb.hasUnknownListeners || listenerMayBelong) {
        ctx.unknown(lb.unknownListenersWhy ?? listenerMayBelong ?? new Unknown('a listener with an unknown load balancer reference exists'), { address: lb.address, range });
        continue;
      }
      ctx.report({
        message: `${lb.address} has no listener, so clients cannot connect to it.`,
        address: lb.address,
        range,
      });
    }
  },
});
