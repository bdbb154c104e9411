// Prevents health checks that probe a port the backends do not serve.
import { defineRule } from '../src/rule.js';
import { joinAddresses } from '../src/analysis/index.js';
import { isUnknown } from '../src/types.js';

export default defineRule({
  id: 'health-check-port-mismatch',
  title: 'Health-check port differs from the members\' port',
  severity: 'warning',
  providers: ['huaweicloud', 'opentelekomcloud', 'flexibleengine', 'alicloud'],
  securitySeverity: '4.0',
  tags: ['reliability', 'load-balancer', 'health-check'],
  docs: {
    why: 'The health check probes the port it is given. When that port differs from the port the backend serves, a server whose application is down can be reported healthy, or a healthy one unhealthy when nothing listens on the health-check port; the security group must also admit both ports.',
    fix: 'Remove the health-check port so the member port is used, or set it to the member port.',
    seed: 'Huawei Cloud ELB "Troubleshooting an Unhealthy Backend Server" (self-service troubleshooting, https://support.huaweicloud.com/intl/id-id/usermanual-elb/elb_ug_zd_0002.html) "Health check configurations: The port configured for the health check"; ELB FAQ "How Do I Troubleshoot an Unhealthy Backend Server?" (https://support.huaweicloud.com/intl/es-us/eu-west-0-usermanual-elb/en-us_topic_0091131429.html) step 1',
    examples: {
      fail: `resource "huaweicloud_lb_monitor" "fail_port" {
  pool_id     = huaweicloud_lb_pool.web.id
  type        = "TCP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  port        = 9090
}`,
      pass: `resource "huaweicloud_lb_monitor" "pass_same_port" {
  pool_id     = huaweicloud_lb_pool.web.id
  type        = "TCP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  port        = 8080
}`,
    },
  },
  check(model, ctx) {
    for (const pool of model.pools) for (const monitor of pool.monitors) {
      if (monitor.port === undefined) continue;
      // Alibaba CLB default server group: its members serve the listener's backend_port.
      const own = monitor.listener;
      if (pool.anyPortEnabled === true && own?.backendPortAt && typeof own.backendPort === 'number' && typeof monitor.port === 'number' && monitor.port !== own.backendPort && pool.members.length > 0) {
        ctx.report({
          message: `${monitor.address} checks port ${monitor.port}, but it forwards to port ${own.backendPort} (${own.backendPortAt.attribute}) of ${joinAddresses(pool.members.map((m) => m.address))}.`,
          address: monitor.address,
          attribute: monitor.at.port.attribute,
          range: monitor.at.port.range,
          related: [{ range: own.backendPortAt.range, address: own.address, message: `${own.backendPortAt.attribute} ${own.backendPort}` }],
        });
        continue;
      }
      if (pool.anyPortEnabled === true) continue;
      const range = monitor.at.port.range;
      if (isUnknown(monitor.port)) {
        if (pool.members.length > 0) ctx.unknown(monitor.port, { address: monitor.address, range });
        continue;
      }
      const port = monitor.port;
      const others = pool.members.filter((m) => typeof m.port === 'number' && m.port !== port);
      if (others.length === 0) continue;
      if (isUnknown(pool.anyPortEnabled)) {
        ctx.unknown(pool.anyPortEnabled, { address: monitor.address, range });
        continue;
      }
      const ports = [...new Set(others.map((m) => m.port as number))].sort((a, b) => a - b);
      ctx.report({
        message: `${monitor.address} checks port ${monitor.port}, but ${joinAddresses(others.map((m) => m.address))} serve${others.length === 1 ? 's' : ''} port ${ports.join(', ')}.`,
        address: monitor.address,
        attribute: monitor.at.port.attribute,
        range,
        related: others.slice(0, 10).map((m) => ({ range: m.at.port.range, address: m.address, message: `member port ${String(m.port)}` })),
      });
    }
  },
});
