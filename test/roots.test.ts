// Several Terraform roots in one run: each root folder is its own configuration; module folders
// are not roots; paths stay relative to the current folder.
import { describe, expect, it } from 'vitest';
import { MODULES, cli, findingsOf } from './helpers/cli-run.js';
import { lintFolder } from './helpers/fixtures.js';

const lintPaths = (paths: string[]) => lintFolder(MODULES, { paths });

describe('multiple roots', () => {
  it('finds the roots of a repository: module folders and .terraform are not roots', async () => {
    const r = await lintPaths(['.']);
    expect(r.roots).toEqual(['for-each-services', 'plan-blue-green', 'registry-elb', 'strict-origins']);
    expect(r.errors).toEqual([]);
  });

  it('lints each root as its own configuration, with paths relative to the cwd', async () => {
    const r = await cli(['for-each-services', 'registry-elb', '--format', 'json'], MODULES);
    expect(findingsOf(r.stdout).map((f) => [f.ruleId, f.location.file])).toEqual([
      ['security-group-blocks-health-check', 'for-each-services/modules/service/security.tf'],
      ['member-weight-zero', 'registry-elb/.terraform/modules/elb/modules/shared/main.tf'],
    ]);
  });

  it('a root linted together with another root keeps its own variables (no leak between roots)', async () => {
    // plan-blue-green has var.health_check_cidr without value; for-each-services has no such variable.
    const together = await lintPaths(['.']);
    const alone = await lintPaths(['for-each-services']);
    const key = (f: { ruleId: string; address: string; range: { file: string } }) => `${f.ruleId} ${f.address} ${f.range.file}`;
    expect(together.findings.filter((f) => f.range.file.startsWith('for-each-services/')).map(key)).toEqual(alone.findings.map(key));
  });

  it('a module folder named next to its caller is linted as part of the caller only', async () => {
    const r = await lintPaths(['for-each-services', 'for-each-services/modules/service']);
    expect(r.roots).toEqual(['for-each-services']);
    expect(r.findings.map((f) => f.address)).toEqual(['module.service["admin"].huaweicloud_networking_secgroup.backend']);
  });
});
