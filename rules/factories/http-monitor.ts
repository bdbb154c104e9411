// The check behind the health-check-{path,domain}-invalid and health-check-codes-lenient rules:
// one attribute that only HTTP(S) health checks use, reported when its known value is wrong and
// the monitor is (known to be) an HTTP(S) check.
import type { RuleContext } from '../../src/rule.js';
import type { HealthMonitor, Maybe, Model, MonitorField } from '../../src/model/types.js';
import { isHttpMonitor } from '../../src/analysis/index.js';
import { isUnknown } from '../../src/types.js';

export interface HttpMonitorAttribute<P> {
  value(monitor: HealthMonitor): Maybe<string> | undefined;
  /** The monitor field that holds the value (for its attribute name and range). */
  field: MonitorField;
  /** What is wrong with a known value; undefined when nothing is. */
  problem(value: string, monitor: HealthMonitor): P | undefined;
  message(monitor: HealthMonitor, value: string, problem: P): string;
}

export function httpMonitorAttributeCheck<P>(spec: HttpMonitorAttribute<P>) {
  return (model: Model, ctx: RuleContext): void => {
    for (const monitor of model.monitors) {
      const value = spec.value(monitor);
      if (value === undefined) continue;
      const { attribute, range } = monitor.at[spec.field];
      if (isUnknown(value)) {
        if (isHttpMonitor(monitor)) ctx.unknown(value, { address: monitor.address, range });
        continue;
      }
      const problem = spec.problem(value, monitor);
      if (problem === undefined) continue;
      // The value is only sent by HTTP(S) checks.
      if (isUnknown(monitor.protocol)) {
        ctx.unknown(monitor.protocol, { address: monitor.address, range });
        continue;
      }
      if (!isHttpMonitor(monitor)) continue;
      ctx.report({ message: spec.message(monitor, value, problem), address: monitor.address, attribute, range });
    }
  };
}
