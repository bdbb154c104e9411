import { describe, expect, it } from 'vitest';
import { parseHcl, parseHclErrorMessage } from '../src/load/hcl.js';
import { scanJson } from '../src/load/json.js';
import { scanHcl, type ScanResult } from '../src/load/scanner.js';
import type { AttributeNode, BlockNode, Range } from '../src/types.js';

function fmt(r: Range): string {
  return `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
}

/** `0/1/@port`: blocks[0].blocks[1].attributes.port. */
function pick(result: Pick<ScanResult, 'blocks' | 'attributes'>, selector: string): BlockNode | AttributeNode {
  let blocks = result.blocks;
  let attributes = result.attributes;
  let node: BlockNode | AttributeNode | undefined;
  for (const token of selector.split('/')) {
    if (token.startsWith('@')) node = attributes[token.slice(1)];
    else {
      const block: BlockNode | undefined = blocks[Number(token)];
      node = block;
      if (block !== undefined) {
        blocks = block.blocks;
        attributes = block.attributes;
      }
    }
    if (node === undefined) throw new Error(`nothing at ${selector}`);
  }
  if (node === undefined) throw new Error(`nothing at ${selector}`);
  return node;
}

function field(node: BlockNode | AttributeNode, which: string): string {
  if ('exprText' in node) {
    if (which === 'name') return fmt(node.nameRange);
    if (which === 'value') return fmt(node.valueRange);
    if (which === 'expr') return node.exprText;
    return fmt(node.range);
  }
  if (which === 'header') return fmt(node.headerRange);
  if (which === 'labels') return node.labels.join('|');
  return fmt(node.range);
}

const RESOURCE = `resource "huaweicloud_lb_pool" "web" {
  name     = "web"
  protocol = "HTTP"
}
`;

describe('scanHcl ranges', () => {
  it.each([
    ['a block spans type to closing brace', RESOURCE, '0', 'range', '1:1-4:2'],
    ['a header ends after the last label', RESOURCE, '0', 'header', '1:1-1:37'],
    ['an attribute spans name to end of value', RESOURCE, '0/@protocol', 'range', '3:3-3:20'],
    ['an attribute name range', RESOURCE, '0/@protocol', 'name', '3:3-3:11'],
    ['an attribute value range', RESOURCE, '0/@protocol', 'value', '3:14-3:20'],
    ['bare labels are labels', 'provider huaweicloud {\n}\n', '0', 'labels', 'huaweicloud'],
    ['a block without labels has a header of its type', 'locals {\n  a = 1\n}\n', '0', 'header', '1:1-1:7'],
    ['a nested block', 'resource "t" "n" {\n  rule {\n    port = 80\n  }\n}\n', '0/0', 'range', '2:3-4:4'],
    ['an attribute of a nested block', 'resource "t" "n" {\n  rule {\n    port = 80\n  }\n}\n', '0/0/@port', 'value', '3:12-3:14'],
    ['a doubly nested block', 'resource "t" "n" {\n  dynamic "r" {\n    content {\n      p = 1\n    }\n  }\n}\n', '0/0/0/@p', 'range', '4:7-4:12'],
    ['a one-line block', 'resource "t" "n" {\n  blk { a = 1 }\n}\n', '0/0', 'range', '2:3-2:16'],
    ['an attribute inside a one-line block', 'resource "t" "n" {\n  blk { a = 1 }\n}\n', '0/0/@a', 'range', '2:9-2:14'],
    ['an empty one-line block', 'terraform {}\n', '0', 'range', '1:1-1:13'],
    ['an object-valued attribute', 'resource "t" "n" {\n  tags = { a = "b" }\n}\n', '0/@tags', 'value', '2:10-2:21'],
    ['a multi-line object attribute', 'resource "t" "n" {\n  tags = {\n    a = "b"\n  }\n}\n', '0/@tags', 'value', '2:10-4:4'],
    ['a multi-line list', 'resource "t" "n" {\n  l = [\n    1,\n    2,\n  ]\n}\n', '0/@l', 'value', '2:7-5:4'],
    ['a multi-line function call', 'resource "t" "n" {\n  c = cidrsubnet(\n    var.a, 8, 1\n  )\n}\n', '0/@c', 'value', '2:7-4:4'],
    ['a heredoc', 'resource "t" "n" {\n  u = <<EOF\nhello }\nEOF\n  x = 1\n}\n', '0/@u', 'value', '2:7-4:4'],
    ['an indented heredoc', 'resource "t" "n" {\n  u = <<-EOT\n    a { "\n    EOT\n  x = 1\n}\n', '0/@u', 'value', '2:7-4:8'],
    ['the attribute after a heredoc', 'resource "t" "n" {\n  u = <<-EOT\n    a { "\n    EOT\n  x = 1\n}\n', '0/@x', 'range', '5:3-5:8'],
    ['a comment with braces and quotes', 'resource "t" "n" {\n  # } " {\n  // }\n  /* { " */\n  a = 1\n}\n', '0/@a', 'range', '5:3-5:8'],
    ['a trailing comment is not in the value', 'resource "t" "n" {\n  a = 1 # }\n}\n', '0/@a', 'value', '2:7-2:8'],
    ['a string with a brace and a hash', 'resource "t" "n" {\n  a = "} # {"\n}\n', '0/@a', 'value', '2:7-2:14'],
    ['a closing brace in an interpolated string', 'resource "t" "n" {\n  a = "x${ "}" }y"\n}\n', '0/@a', 'value', '2:7-2:19'],
    ['nested interpolations', 'resource "t" "n" {\n  a = "${ {k = "${"}"}"} }"\n  b = 2\n}\n', '0/@b', 'range', '3:3-3:8'],
    ['an escaped quote', 'resource "t" "n" {\n  a = "say \\"}\\""\n}\n', '0/@a', 'value', '2:7-2:18'],
    ['an escaped interpolation', 'resource "t" "n" {\n  a = "$${ x"\n}\n', '0/@a', 'value', '2:7-2:14'],
    ['a template directive', 'resource "t" "n" {\n  a = "%{ if true }}%{ endif }"\n}\n', '0/@a', 'value', '2:7-2:32'],
    ['a conditional', 'resource "t" "n" {\n  a = var.x ? { b = 1 } : {}\n}\n', '0/@a', 'value', '2:7-2:29'],
    ['CRLF lines', 'resource "t" "n" {\r\n  a = 1\r\n}\r\n', '0/@a', 'value', '2:7-2:8'],
    ['CRLF block end', 'resource "t" "n" {\r\n  a = 1\r\n}\r\n', '0', 'range', '1:1-3:2'],
    ['CRLF is not in the value text', 'resource "t" "n" {\r\n  a = "x"\r\n}\r\n', '0/@a', 'expr', '"x"'],
    ['a BOM is not a column', '\uFEFFresource "t" "n" {\n  a = 1\n}\n', '0', 'header', '1:1-1:17'],
    ['a tab is one column', 'resource "t" "n" {\n\ta\t=\t1\n}\n', '0/@a', 'value', '2:6-2:7'],
    ['an emoji is two columns', 'resource "t" "n" {\n  a = "😀" # x\n  b = 1\n}\n', '0/@a', 'value', '2:7-2:11'],
    ['a column after an emoji', 'resource "t" "n" {\n  a = ["😀", "é"]\n}\n', '0/@a', 'value', '2:7-2:18'],
    ['a top-level attribute (tfvars)', 'cidr = "10.0.0.0/8"\nports = [80, 443]\n', '@ports', 'value', '2:9-2:18'],
    ['exprText is exact source', 'resource "t" "n" {\n  a = [ 1,  2 ] // c\n}\n', '0/@a', 'expr', '[ 1,  2 ]'],
    ['exprText of a multi-line value', 'x = {\n  a = 1\n}\n', '@x', 'expr', '{\n  a = 1\n}'],
    ['a second block after the first', `${RESOURCE}\nresource "t" "second" {\n}\n`, '1', 'range', '6:1-7:2'],
  ])('%s', (_name, text, selector, which, expected) => {
    const result = scanHcl('a.tf', text);
    expect(result.errors).toEqual([]);
    expect(field(pick(result, selector), which)).toBe(expected);
  });

  it('keeps blocks and nested blocks in source order', () => {
    const r = scanHcl('a.tf', 'resource "t" "n" {\n  rule { a = 1 }\n  rule { a = 2 }\n  other {}\n}\n');
    expect(r.blocks[0]?.blocks.map((b) => `${b.type}:${b.attributes['a']?.exprText ?? ''}`)).toEqual(['rule:1', 'rule:2', 'other:']);
  });

  it('treats an object-valued attribute as an attribute, not a block', () => {
    const r = scanHcl('a.tf', 'resource "t" "n" {\n  tags = { a = "b" }\n  tags_block { a = "b" }\n}\n');
    expect(Object.keys(r.blocks[0]?.attributes ?? {})).toEqual(['tags']);
    expect(r.blocks[0]?.blocks.map((b) => b.type)).toEqual(['tags_block']);
  });

  it('sets ranges with the file path', () => {
    const r = scanHcl('dir/a.tf', RESOURCE);
    expect(r.blocks[0]?.range.file).toBe('dir/a.tf');
    expect(r.blocks[0]?.attributes['name']?.valueRange.file).toBe('dir/a.tf');
  });
});

describe('scanHcl on broken input', () => {
  it.each([
    ['an unclosed block', 'resource "t" "n" {\n  a = 1\n', /unclosed block/],
    ['an unterminated string', 'resource "t" "n" {\n  a = "abc\n}\n', /unterminated string/],
    ['an unterminated heredoc', 'a = <<EOF\nxx\n', /unterminated heredoc/],
    ['an unclosed bracket', 'a = [1,\n', /unclosed '\['/],
    ['a stray brace', '}\n', /unexpected '}'/],
    ['garbage', '@@@ !!\n', /unexpected character/],
    ['a missing value', 'a =\n', /has no value/],
    ['an unterminated comment', '/* x\n', /unterminated comment/],
  ])('%s is reported, not thrown', (_name, text, message) => {
    const r = scanHcl('a.tf', text);
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(message);
  });

  it('does not hang or throw on deep nesting and random bytes', () => {
    const deep = `${'a {\n'.repeat(20000)}${'['.repeat(20000)}${'"${'.repeat(20000)}`;
    expect(() => scanHcl('a.tf', deep)).not.toThrow();
    let seed = 7;
    const junk = Array.from({ length: 20000 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return '{}[]()"$%#/*<-=\n\r\tab \\'.charAt(seed % 22);
    }).join('');
    const started = Date.now();
    const r = scanHcl('a.tf', junk);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(Array.isArray(r.blocks)).toBe(true);
  });

  it('is linear on a large file', () => {
    const big = RESOURCE.repeat(20000);
    const started = Date.now();
    const r = scanHcl('a.tf', big);
    expect(r.blocks).toHaveLength(20000);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('ignore directives', () => {
  it.each([
    [
      'rule, reason, target',
      '# lblint-ignore member-weight-zero -- canary\nresource "t" "n" {}\n',
      { rules: ['member-weight-zero'], reason: 'canary', targetLine: 2, problems: [], range: '1:1-1:45' },
    ],
    [
      'several rules',
      '# lblint-ignore a-rule, b-rule c-rule -- why\nx {}\n',
      { rules: ['a-rule', 'b-rule', 'c-rule'], reason: 'why', targetLine: 2, problems: [] },
    ],
    [
      'the // form',
      '  // lblint-ignore a-rule -- why not\n  x = 1\n',
      { rules: ['a-rule'], reason: 'why not', targetLine: 2, problems: [], range: '1:3-1:37' },
    ],
    ['a missing reason', '# lblint-ignore a-rule\nx = 1\n', { rules: ['a-rule'], targetLine: 2, problems: ['missing reason (write `-- why`)'] }],
    ['an empty reason', '# lblint-ignore a-rule --  \nx = 1\n', { rules: ['a-rule'], targetLine: 2, problems: ['missing reason (write `-- why`)'] }],
    ['no rule ids', '# lblint-ignore -- because\nx = 1\n', { rules: [], reason: 'because', targetLine: 2, problems: ['no rule ids'] }],
    [
      'until before the reason',
      '# lblint-ignore a-rule until=2026-12-31 -- migrating\nx = 1\n',
      { rules: ['a-rule'], reason: 'migrating', until: '2026-12-31', targetLine: 2, problems: [] },
    ],
    [
      'until at the end of the reason',
      '# lblint-ignore a-rule -- migrating until=2026-12-31\nx = 1\n',
      { rules: ['a-rule'], reason: 'migrating', until: '2026-12-31', targetLine: 2, problems: [] },
    ],
    [
      'an invalid until date',
      '# lblint-ignore a-rule until=2026-02-30 -- x\nx = 1\n',
      { rules: ['a-rule'], reason: 'x', targetLine: 2, problems: ['invalid until date'] },
    ],
    [
      'a malformed until date',
      '# lblint-ignore a-rule -- x until=soon\nx = 1\n',
      { rules: ['a-rule'], reason: 'x', targetLine: 2, problems: ['invalid until date'] },
    ],
    [
      'the target skips blank lines and other comments',
      '# lblint-ignore a-rule -- x\n\n# another\n  // more\n/* block\n comment */\n\nresource "t" "n" {}\n',
      { rules: ['a-rule'], reason: 'x', targetLine: 8, problems: [] },
    ],
    [
      'a CRLF comment',
      '# lblint-ignore a-rule -- x\r\nx = 1\r\n',
      { rules: ['a-rule'], reason: 'x', targetLine: 2, problems: [], range: '1:1-1:28' },
    ],
    [
      'a directive inside a block',
      'resource "t" "n" {\n  # lblint-ignore a-rule -- x\n  weight = 0\n}\n',
      { rules: ['a-rule'], reason: 'x', targetLine: 3, problems: [] },
    ],
  ])('%s', (_name, text, expected) => {
    const r = scanHcl('a.tf', text);
    expect(r.ignores).toHaveLength(1);
    const d = r.ignores[0];
    if (d === undefined) throw new Error('no directive');
    const { range, ...rest } = expected as typeof expected & { range?: string };
    expect(d).toMatchObject(rest);
    expect(Object.keys(d).sort()).toEqual(['range', 'targetLine', ...Object.keys(rest).filter((k) => k !== 'targetLine')].sort());
    if (range !== undefined) expect(fmt(d.range)).toBe(range);
  });

  it.each([
    ['a plain comment', '# just a note\nx = 1\n'],
    ['a similar word', '# lblint-ignored a -- b\nx = 1\n'],
    ['a block comment', '/* lblint-ignore a -- b */\nx = 1\n'],
    ['a hash inside a string', 'x = "# lblint-ignore a -- b"\n'],
    ['a heredoc line', 'x = <<EOF\n# lblint-ignore a -- b\nEOF\n'],
  ])('%s is not a directive', (_name, text) => {
    expect(scanHcl('a.tf', text).ignores).toEqual([]);
  });
});

describe('scanJson', () => {
  const TF_JSON = `{
  "resource": {
    "huaweicloud_lb_pool": {
      "web": {
        "protocol": "HTTP",
        "lb_method": "ROUND_ROBIN"
      }
    }
  },
  "variable": { "cidr": { "default": "10.0.0.0/8" } },
  "locals": { "a": 1 }
}
`;
  it('finds resources with two labels and their attributes', () => {
    const r = scanJson('a.tf.json', TF_JSON);
    expect(r.errors).toEqual([]);
    expect(r.blocks.map((b) => `${b.type}:${b.labels.join('.')}`)).toEqual(['resource:huaweicloud_lb_pool.web', 'variable:cidr', 'locals:']);
    const pool = r.blocks[0];
    if (pool === undefined) throw new Error('no pool');
    expect(fmt(pool.headerRange)).toBe('4:7-4:12');
    expect(fmt(pool.range)).toBe('4:7-7:8');
    expect(pool.attributes['protocol']?.exprText).toBe('"HTTP"');
    expect(fmt(pool.attributes['protocol']?.valueRange ?? pool.range)).toBe('5:21-5:27');
    expect(fmt(r.blocks[1]?.attributes['default']?.range ?? pool.range)).toBe('10:27-10:50');
  });

  it('uses top-level keys as attributes of a .tfvars.json', () => {
    const r = scanJson('x.auto.tfvars.json', '{\n  "ports": [80, 443],\n  "name": "x"\n}\n');
    expect(Object.keys(r.attributes)).toEqual(['ports', 'name']);
    expect(r.attributes['ports']?.exprText).toBe('[80, 443]');
    expect(fmt(r.attributes['ports']?.valueRange ?? r.attributes['name']!.range)).toBe('2:12-2:21');
  });

  it.each([
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}\n', '3:3'],
    ['a trailing comma', '{\n  "a": 1,\n}\n', '3:1'],
    ['an unterminated string', '{\n  "a": "x\n}\n', '2:8'],
    ['garbage', '{\n  "a": nope\n}\n', '2:8'],
  ])('locates %s', (_name, text, at) => {
    const r = scanJson('a.tf.json', text);
    const e = r.errors[0];
    expect(e === undefined ? '' : `${e.range.start.line}:${e.range.start.column}`).toBe(at);
  });
});

describe('parseHcl', () => {
  it('returns hcl2json output', async () => {
    const r = await parseHcl('a.tf', RESOURCE);
    expect(r).toEqual({ ok: true, json: { resource: { huaweicloud_lb_pool: { web: [{ name: 'web', protocol: 'HTTP' }] } } } });
  });

  it('locates a parse error', async () => {
    const r = await parseHcl('dir/a.tf', 'resource "t" "n" {\n  a = \n}\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { line: 2, column: 7, endLine: 3, endColumn: 1, message: 'Invalid expression: Expected the start of an expression, but found an invalid expression token.' },
    ]);
  });

  it('splits several errors and keeps locations inside details', () => {
    const message =
      'parse config: [a.tf:3,26-4,1: Invalid single-argument block definition; An argument ... here. a.tf:11,32-12,1: Attribute redefined; The argument "a" was already set at a.tf:2,2-3. Each argument may be set only once.]';
    expect(parseHclErrorMessage('a.tf', message)).toEqual([
      { line: 3, column: 26, endLine: 4, endColumn: 1, message: 'Invalid single-argument block definition: An argument ... here.' },
      {
        line: 11,
        column: 32,
        endLine: 12,
        endColumn: 1,
        message: 'Attribute redefined: The argument "a" was already set at a.tf:2,2-3. Each argument may be set only once.',
      },
    ]);
  });

  it('reads a same-line range', () => {
    expect(parseHclErrorMessage('a.tf', 'parse config: [a.tf:2,5-6: Unclosed configuration block; There is no closing brace.]')).toEqual([
      { line: 2, column: 5, endLine: 2, endColumn: 6, message: 'Unclosed configuration block: There is no closing brace.' },
    ]);
  });

  it('keeps an unlocated message', () => {
    expect(parseHclErrorMessage('a.tf', 'boom')).toEqual([{ line: 1, column: 1, message: 'boom' }]);
  });
});

const REALISTIC = [
  `terraform {
  required_providers {
    huaweicloud = {
      source  = "huaweicloud/huaweicloud"
      version = ">= 1.60"
    }
  }
}

variable "backend_ports" {
  type    = list(number)
  default = [80, 8080]
}

locals {
  hc_cidr = "100.125.0.0/16" # shared ELB health checks
  name    = "web-\${var.env}"
}

resource "huaweicloud_networking_secgroup" "app" {
  name        = "app"
  description = <<-EOT
    Backends { of the "web" pool }
    EOT
}

resource "huaweicloud_networking_secgroup_rule" "hc" {
  count             = length(var.backend_ports)
  security_group_id = huaweicloud_networking_secgroup.app.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = var.backend_ports[count.index]
  port_range_max    = var.backend_ports[count.index]
  remote_ip_prefix  = local.hc_cidr
}

resource "huaweicloud_lb_loadbalancer" "lb" {
  name          = local.name
  vip_subnet_id = var.subnet_id
  tags = {
    team = "web"
    "cost-center" = "42"
  }
}

resource "huaweicloud_lb_listener" "http" {
  loadbalancer_id = huaweicloud_lb_loadbalancer.lb.id
  protocol        = "HTTP"
  protocol_port   = 80
}

resource "huaweicloud_lb_pool" "web" {
  listener_id = huaweicloud_lb_listener.http.id
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"

  persistence {
    type        = "HTTP_COOKIE"
  }
}

resource "huaweicloud_lb_monitor" "web" {
  pool_id     = huaweicloud_lb_pool.web.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz?x=\${join(",", ["}", "{"])}"
}

output "lb_ip" {
  value = huaweicloud_lb_loadbalancer.lb.vip_address
}
`,
  `provider "alicloud" {
  region = "eu-central-1"
}

data "alicloud_zones" "default" {
  available_resource_creation = "VSwitch"
}

resource "alicloud_slb_load_balancer" "this" {
  load_balancer_name = "clb"
  address_type       = "intranet"
  vswitch_id         = alicloud_vswitch.this.id
  load_balancer_spec = "slb.s2.small"
}

resource "alicloud_slb_listener" "http" {
  load_balancer_id          = alicloud_slb_load_balancer.this.id
  backend_port              = 80
  frontend_port             = 80
  protocol                  = "http"
  bandwidth                 = 10
  health_check              = "on"
  health_check_uri          = "/cons"
  health_check_connect_port = 20
  healthy_threshold         = 8
  unhealthy_threshold       = 8
  health_check_timeout      = 8
  health_check_interval     = 5
  health_check_http_code    = "http_2xx,http_3xx"
  acl_status                = "off"
}

resource "alicloud_network_acl" "this" {
  vpc_id           = alicloud_vpc.this.id
  network_acl_name = "acl"
  ingress_acl_entries {
    protocol       = "tcp"
    port           = "80/80"
    source_cidr_ip = "0.0.0.0/0"
    policy         = "accept"
  }
  egress_acl_entries {
    protocol            = "all"
    port                = "-1/-1"
    destination_cidr_ip = "0.0.0.0/0"
    policy              = "accept"
  }
  dynamic "resources" {
    for_each = toset([alicloud_vswitch.this.id])
    content {
      resource_id   = resources.value
      resource_type = "VSwitch"
    }
  }
}

module "vpc" {
  source = "./modules/vpc"
  cidrs  = { for k, v in var.subnets : k => cidrsubnet(v, 8, 1) if v != "" }
}
`,
];

describe('scanner agrees with hcl2json', () => {
  it.each(REALISTIC.map((text, i) => [i, text] as const))('realistic file %i', async (_i, text) => {
    const parsed = await parseHcl('a.tf', text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const scan = scanHcl('a.tf', text);
    expect(scan.errors).toEqual([]);
    const fromScanner: string[] = [];
    for (const b of scan.blocks) {
      const attrs = Object.keys(b.attributes).sort().join(',');
      const nested = [...new Set(b.blocks.map((n) => n.type))].sort().join(',');
      fromScanner.push(`${b.type}|${b.labels.join('.')}|${attrs}|${nested}`);
    }
    const fromHcl: string[] = [];
    const bodyKeys = (body: Record<string, unknown>, nestedTypes: Set<string>): string => {
      const attrs = Object.keys(body).filter((k) => !nestedTypes.has(k));
      return `${attrs.sort().join(',')}|${[...nestedTypes].sort().join(',')}`;
    };
    const walk = (type: string, node: unknown, depth: number, labels: string[]): void => {
      if (depth > 0) {
        for (const [k, v] of Object.entries(node as Record<string, unknown>)) walk(type, v, depth - 1, [...labels, k]);
        return;
      }
      for (const body of node as Record<string, unknown>[]) {
        const block = scan.blocks.find((b) => b.type === type && b.labels.join('.') === labels.join('.'));
        const nested = new Set((block?.blocks ?? []).map((n) => n.type));
        fromHcl.push(`${type}|${labels.join('.')}|${bodyKeys(body, nested)}`);
      }
    };
    const depthOf: Record<string, number> = { resource: 2, data: 2, variable: 1, output: 1, module: 1, provider: 1, locals: 0, terraform: 0 };
    for (const [type, node] of Object.entries(parsed.json)) walk(type, node, depthOf[type] ?? 0, []);
    expect(fromScanner.sort()).toEqual(fromHcl.sort());
    // Every nested block the scanner found is an array of objects in hcl2json's output.
    for (const b of scan.blocks.filter((x) => x.type === 'resource')) {
      const body = (parsed.json['resource'] as Record<string, Record<string, Record<string, unknown>[]>>)[b.labels[0] ?? '']?.[b.labels[1] ?? '']?.[0];
      for (const n of b.blocks) if (n.type !== 'dynamic') expect(Array.isArray(body?.[n.type])).toBe(true);
      for (const name of Object.keys(b.attributes)) expect(body).toHaveProperty([name]);
    }
  });
});
