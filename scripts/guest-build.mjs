#!/usr/bin/env node
/**
 * `npm run guest:build`: builds the tiny Linux guest that the embedded cluster's QEMU backend
 * boots (`--guests qemu`), from Debian packages on this machine:
 *   - the kernel: /boot/vmlinuz-* of linux-image-amd64 (plus a few of its modules: e1000, virtio-blk,
 *     virtio-scsi and SCSI disks, ext4),
 *   - an initramfs made with cpio: busybox-static and scripts/guest-rootfs/ (/init, inittab...).
 * Output (never in the repository): $KVC_GUEST_DIR, else $XDG_CACHE_HOME/kubevirt-console/guest,
 * else ~/.cache/kubevirt-console/guest: vmlinuz, initramfs.cpio.gz, manifest.json.
 * As root, installs the missing Debian packages with apt-get; otherwise says which to install.
 * `--force` rebuilds even when the output is up to date.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  cpSync,
  symlinkSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Bump when the image layout or the rootfs contract with the backend changes. */
const FORMAT = 2;
const PACKAGES = ['qemu-system-x86', 'linux-image-amd64', 'busybox-static', 'cpio'];
/** Loaded in this order by /init (dependencies first): /lib/modules/order lists them. */
const MODULES = [
  'drivers/net/ethernet/intel/e1000/e1000.ko',
  'drivers/input/evdev.ko',
  'drivers/acpi/button.ko',
  'drivers/misc/pvpanic/pvpanic-mmio.ko',
  // virtio-blk, for the VM's PVC and DataVolume disks (and disks hot-plugged later)
  'drivers/virtio/virtio_ring.ko',
  'drivers/virtio/virtio.ko',
  'drivers/virtio/virtio_pci_modern_dev.ko',
  'drivers/virtio/virtio_pci_legacy_dev.ko',
  'drivers/virtio/virtio_pci.ko',
  'drivers/block/virtio_blk.ko',
  // virtio-scsi and SCSI disks, for disks hot-plugged on KubeVirt's hot-plug bus (scsi: sdX)
  'crypto/crct10dif_common.ko',
  'crypto/crct10dif_generic.ko',
  'lib/crc-t10dif.ko',
  'lib/crc64.ko',
  'crypto/crc64_rocksoft_generic.ko',
  'lib/crc64-rocksoft.ko',
  'block/t10-pi.ko',
  'drivers/scsi/scsi_common.ko',
  'drivers/scsi/scsi_mod.ko',
  'drivers/scsi/sd_mod.ko',
  'drivers/scsi/virtio_scsi.ko',
  // ext4's driver, which mounts the ext2 file system busybox's mke2fs makes
  'lib/crc16.ko',
  'crypto/crc32c_generic.ko',
  'fs/mbcache.ko',
  'fs/jbd2/jbd2.ko',
  'fs/ext4/ext4.ko',
];
const BUSYBOX = '/bin/busybox';

const here = path.dirname(fileURLToPath(import.meta.url));
const rootfsSource = path.join(here, 'guest-rootfs');

function guestDir() {
  if (process.env.KVC_GUEST_DIR) return process.env.KVC_GUEST_DIR;
  const cache = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  return path.join(cache, 'kubevirt-console', 'guest');
}

function say(line) {
  process.stdout.write(`guest:build: ${line}\n`);
}

function fail(line) {
  process.stderr.write(`guest:build: ${line}\n`);
  process.exit(1);
}

function installed(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function ensurePackages() {
  const missing = PACKAGES.filter((p) => !installed(p));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    fail(
      `missing Debian packages: ${missing.join(' ')}\n  install them as root:  apt-get install -y --no-install-recommends ${missing.join(' ')}\n  then run npm run guest:build again`,
    );
  }
  say(`installing ${missing.join(' ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}

/** The newest /boot/vmlinuz-<version> that has its modules installed. */
function findKernel() {
  const versions = readdirSync('/boot')
    .filter((f) => f.startsWith('vmlinuz-'))
    .map((f) => f.slice('vmlinuz-'.length))
    .filter((v) => existsSync(path.join('/lib/modules', v)))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const version = versions.at(-1);
  if (!version) fail('no /boot/vmlinuz-* with modules in /lib/modules: is linux-image-amd64 installed?');
  return {
    version,
    image: path.join('/boot', `vmlinuz-${version}`),
    modules: path.join('/lib/modules', version, 'kernel'),
  };
}

/** A hash of what the image is made of: the rootfs sources, this script, busybox and the kernel. */
function sourceStamp(kernel) {
  const hash = createHash('sha256');
  for (const f of [fileURLToPath(import.meta.url), ...listFiles(rootfsSource)])
    hash.update(`${path.relative(here, f)}\0`).update(readFileSync(f));
  for (const f of [BUSYBOX, kernel.image]) hash.update(`${f}:${statSync(f).size}:${statSync(f).mtimeMs}\0`);
  return hash.digest('hex');
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

function upToDate(out, stamp) {
  try {
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    return (
      manifest.format === FORMAT &&
      manifest.stamp === stamp &&
      existsSync(path.join(out, 'vmlinuz')) &&
      existsSync(path.join(out, 'initramfs.cpio.gz'))
    );
  } catch {
    return false;
  }
}

function buildInitramfs(kernel, staging) {
  cpSync(rootfsSource, staging, { recursive: true });
  for (const dir of [
    'bin',
    'sbin',
    'usr/bin',
    'usr/sbin',
    'lib/modules',
    'proc',
    'sys',
    'dev',
    'run',
    'tmp',
    'root',
    'home',
    'var/log',
  ]) {
    mkdirSync(path.join(staging, dir), { recursive: true });
  }
  copyFileSync(BUSYBOX, path.join(staging, 'bin/busybox'));
  symlinkSync('busybox', path.join(staging, 'bin/sh'));
  const order = [];
  for (const rel of MODULES) {
    const src = path.join(kernel.modules, rel);
    if (!existsSync(src)) {
      say(`note: module ${rel} not found (built in, or compressed: not supported); the guest boots without it`);
      continue;
    }
    copyFileSync(src, path.join(staging, 'lib/modules', path.basename(src)));
    order.push(path.basename(src, '.ko'));
  }
  writeFileSync(path.join(staging, 'lib/modules/order'), order.join('\n') + '\n');
  const files = execFileSync('find', ['.', '-mindepth', '1'], { cwd: staging, encoding: 'utf8' });
  const cpio = execFileSync('cpio', ['--quiet', '-o', '-H', 'newc', '-R', '0:0'], {
    cwd: staging,
    input: files,
    maxBuffer: 256 * 1024 * 1024,
  });
  return gzipSync(cpio, { level: 9 });
}

function main() {
  const force = process.argv.includes('--force');
  ensurePackages();
  if (!existsSync(BUSYBOX)) fail(`${BUSYBOX} not found: install busybox-static`);
  const kernel = findKernel();
  const out = guestDir();
  const stamp = sourceStamp(kernel);
  if (!force && upToDate(out, stamp)) {
    say(`up to date in ${out} (kernel ${kernel.version}); --force rebuilds`);
    return;
  }
  const staging = mkdtempSync(path.join(tmpdir(), 'kvc-guest-rootfs-'));
  try {
    const initramfs = buildInitramfs(kernel, staging);
    mkdirSync(out, { recursive: true });
    copyFileSync(kernel.image, path.join(out, 'vmlinuz'));
    writeFileSync(path.join(out, 'initramfs.cpio.gz'), initramfs);
    const busyboxVersion = execFileSync(BUSYBOX, [], { encoding: 'utf8' }).split('\n')[0].trim();
    const manifest = {
      format: FORMAT,
      kernel: kernel.version,
      busybox: busyboxVersion,
      builtAt: new Date().toISOString(),
      stamp,
    };
    writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    say(
      `built ${out}: kernel ${kernel.version}, initramfs ${(initramfs.length / 1024 / 1024).toFixed(1)} MiB (${busyboxVersion})`,
    );
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

main();
