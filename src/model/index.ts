// Builds the normalized graph from evaluated resources, one adapter per provider family.
import type { ResourceInstance } from '../types.js';
import { withCurrentTypes } from './aliases.js';
import { buildAlicloud } from './alicloud/index.js';
import { ResourceIndex, emptyModel } from './graph.js';
import { buildFlexibleEngine } from './flexibleengine.js';
import { buildHuaweiCloud } from './huaweicloud.js';
import { buildOpenTelekomCloud } from './opentelekomcloud.js';
import type { Model } from './types.js';

export function buildModel(resources: readonly ResourceInstance[], skipped: readonly { address: string; reason?: string }[] = []): Model {
  // Older resource names the providers still register are read as the current ones (aliases.ts).
  const index = new ResourceIndex(withCurrentTypes(resources), skipped);
  const model = emptyModel();
  buildHuaweiCloud(index, model);
  buildOpenTelekomCloud(index, model);
  buildFlexibleEngine(index, model);
  buildAlicloud(index, model);
  return model;
}

export type * from './types.js';
