// Deterministic generator of Terraform repositories for `npm run bench` (no randomness beyond a
// seeded PRNG, so every run lints the same bytes).
//   node bench/generate.mjs DIR SIZE mixed|all-lb     (writes a repository into DIR)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Small deterministic PRNG (mulberry32).
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function lbModule(i, r) {
  const port = 8000 + Math.floor(r() * 100);
  return `
resource "huaweicloud_vpc_subnet" "app_${i}" {
  name       = "app-${i}"
  vpc_id     = var.vpc_id
  cidr       = cidrsubnet(var.vpc_cidr, 8, ${i % 250})
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, ${i % 250}), 1)
}

resource "huaweicloud_networking_secgroup" "app_${i}" {
  name = "app-${i}"
}

resource "huaweicloud_networking_secgroup_rule" "app_${i}" {
  security_group_id = huaweicloud_networking_secgroup.app_${i}.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "${port}"
  remote_ip_prefix  = ${r() < 0.5 ? '"100.125.0.0/16"' : 'var.vpc_cidr'}
}

resource "huaweicloud_compute_instance" "app_${i}" {
  count              = 2
  name               = "app-${i}-\${count.index}"
  image_id           = var.image_id
  flavor_id          = "s6.medium.2"
  security_group_ids = [huaweicloud_networking_secgroup.app_${i}.id]
  network {
    uuid = huaweicloud_vpc_subnet.app_${i}.id
  }
}

resource "huaweicloud_lb_loadbalancer" "app_${i}" {
  name          = "app-${i}"
  vip_subnet_id = huaweicloud_vpc_subnet.app_${i}.ipv4_subnet_id
}

resource "huaweicloud_lb_listener" "app_${i}" {
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_lb_loadbalancer.app_${i}.id
}

resource "huaweicloud_lb_pool" "app_${i}" {
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.app_${i}.id
}

resource "huaweicloud_lb_member" "app_${i}" {
  count         = 2
  pool_id       = huaweicloud_lb_pool.app_${i}.id
  address       = huaweicloud_compute_instance.app_${i}[count.index].access_ip_v4
  protocol_port = ${port}
  subnet_id     = huaweicloud_vpc_subnet.app_${i}.ipv4_subnet_id
  weight        = ${r() < 0.1 ? 0 : 10}
}

resource "huaweicloud_lb_monitor" "app_${i}" {
  pool_id     = huaweicloud_lb_pool.app_${i}.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}
`;
}

function otherResources(i, r) {
  const blocks = [];
  const n = 6 + Math.floor(r() * 6);
  for (let k = 0; k < n; k++) {
    blocks.push(`
resource "aws_s3_bucket" "b_${i}_${k}" {
  bucket = "bucket-${i}-${k}"
  tags = {
    team  = "team-${k % 7}"
    owner = local.owner
  }
}

resource "google_compute_instance" "vm_${i}_${k}" {
  name         = "vm-${i}-${k}"
  machine_type = "e2-medium"
  zone         = "europe-west1-b"
  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
  network_interface {
    network = "default"
  }
  metadata = {
    startup-script = <<-EOT
      #!/bin/bash
      echo "hello ${i} ${k}" > /tmp/hello
    EOT
  }
}
`);
  }
  return blocks.join('');
}

/** Writes a repository of `files` .tf files into `dir`; returns their total size and their paths (sorted). */
export function generate(dir, files, shape) {
  const r = rng(files * (shape === 'mixed' ? 1 : 7));
  const perRoot = 50;
  let bytes = 0;
  const paths = [];
  const write = (file, text) => {
    writeFileSync(file, text);
    paths.push(file);
    bytes += Buffer.byteLength(text);
  };
  for (let i = 0; i < files; i++) {
    const rootDir = path.join(dir, `root-${Math.floor(i / perRoot)}`);
    if (i % perRoot === 0) {
      mkdirSync(rootDir, { recursive: true });
      write(path.join(rootDir, 'variables.tf'), `variable "vpc_id" { default = "vpc-1" }\nvariable "vpc_cidr" { default = "10.0.0.0/16" }\nvariable "image_id" { default = "img-1" }\nlocals { owner = "platform" }\n`);
      continue;
    }
    const lb = shape === 'all-lb' || r() < 0.1;
    write(path.join(rootDir, `f${i}.tf`), lb ? (shape === 'all-lb' ? lbModule(i, r) : lbModule(i, r) + otherResources(i, r)) : otherResources(i, r));
  }
  return { bytes, paths: paths.sort() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, size, shape] = process.argv.slice(2);
  if (!dir || !size || (shape !== 'mixed' && shape !== 'all-lb')) {
    console.error('usage: node bench/generate.mjs DIR SIZE mixed|all-lb');
    process.exit(2);
  }
  const { bytes } = generate(dir, Number(size), shape);
  console.log(JSON.stringify({ dir, files: Number(size), bytes }));
}
