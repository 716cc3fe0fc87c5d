import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

/** Whether qemu-img is on this machine (it makes the test images when it is). */
export function hasQemuImg(): boolean {
  try {
    execFileSync('qemu-img', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const CLUSTER_BITS = 16;
const CLUSTER = 1 << CLUSTER_BITS;

/**
 * An empty qcow2 (version 3) of `virtualSize` bytes, laid out as qemu-img lays one out: header in
 * cluster 0, the refcount table in cluster 1, its one refcount block in cluster 2, the L1 table in
 * cluster 3 (no data cluster allocated: the disk reads as zeros). `qemu-img check` finds no error.
 */
export function handMadeQcow2(virtualSize: number): Buffer {
  const l2Entries = CLUSTER / 8;
  const l1Size = Math.ceil(virtualSize / (CLUSTER * l2Entries));
  const l1Clusters = Math.max(1, Math.ceil((l1Size * 8) / CLUSTER));
  const clusters = 3 + l1Clusters;
  const b = Buffer.alloc(clusters * CLUSTER);
  b.write('QFI\xfb', 0, 'latin1');
  b.writeUInt32BE(3, 4); // version
  b.writeBigUInt64BE(0n, 8); // no backing file
  b.writeUInt32BE(CLUSTER_BITS, 20);
  b.writeBigUInt64BE(BigInt(virtualSize), 24);
  b.writeUInt32BE(0, 32); // no encryption
  b.writeUInt32BE(l1Size, 36);
  b.writeBigUInt64BE(BigInt(3 * CLUSTER), 40); // L1 table
  b.writeBigUInt64BE(BigInt(CLUSTER), 48); // refcount table
  b.writeUInt32BE(1, 56); // refcount table clusters
  b.writeUInt32BE(0, 60); // snapshots
  b.writeBigUInt64BE(0n, 64);
  b.writeBigUInt64BE(0n, 72); // incompatible features
  b.writeBigUInt64BE(0n, 80); // compatible features
  b.writeBigUInt64BE(0n, 88); // autoclear features
  b.writeUInt32BE(4, 96); // refcount order: 16-bit refcounts
  b.writeUInt32BE(104, 100); // header length
  // Header extensions: the end marker (type 0, length 0) at 104 is already zero.
  b.writeBigUInt64BE(BigInt(2 * CLUSTER), CLUSTER); // refcount table[0] → refcount block
  for (let c = 0; c < clusters; c++) b.writeUInt16BE(1, 2 * CLUSTER + c * 2);
  return b;
}

/** Writes a qcow2 of `virtualSize` bytes to `path`: with qemu-img when present, else hand-made. */
export function makeQcow2(path: string, virtualSize: number): 'qemu-img' | 'hand-made' {
  if (hasQemuImg()) {
    execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', path, String(virtualSize)]);
    return 'qemu-img';
  }
  writeFileSync(path, handMadeQcow2(virtualSize));
  return 'hand-made';
}

/**
 * A qcow2 whose header is sound to a browser (magic, version, size) but that sets an incompatible
 * feature bit no QEMU knows: qemu-img (and so CDI) refuses to open it.
 */
export function qcow2WithUnknownFeature(path: string, virtualSize: number): void {
  const b = handMadeQcow2(virtualSize);
  b.writeBigUInt64BE(1n << 20n, 72);
  writeFileSync(path, b);
}
