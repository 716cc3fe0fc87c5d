/**
 * What the embedded cluster's storage holds: one folder per bound volume (`pvc-<uid>`, the
 * PVC's spec.volumeName, as hostpath-provisioner makes them) with CDI's `disk.img` in it once an
 * upload (or, later, an import) has written one. The folder is `<data-dir>/volumes` with
 * --data-dir, else a temporary folder removed when the cluster closes. Guests (qemu/) read disk
 * images from here; nothing else touches these files.
 */
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface VolumeInfo {
  /** raw after qemu-img conversion; qcow2 when qemu-img is missing and the upload was qcow2. */
  format: 'raw' | 'qcow2';
  virtualSize: number;
  /** What the upload was before decompression and conversion (qcow2, raw, iso; gz, xz). */
  sourceFormat: string;
}

const execFileAsync = promisify(execFile);
/**
 * Disk images are copied with coreutils' cp: a reflink where the file system has them, else a copy
 * that keeps holes (a guest's mostly empty disk stays small; Node's copyFile writes every zero).
 */
const CP_SPARSE = ['--reflink=auto', '--sparse=always', '--'];

/** A blank guest disk is the PVC's size, within these bounds (ext2's metadata grows with the size). */
const MIN_BLANK_BYTES = 16 * 2 ** 20;
const MAX_BLANK_BYTES = 64 * 2 ** 30;

function openAndClose(file: string): string {
  closeSync(openSync(file, 'a'));
  return file;
}

const VOLUME_NAME = /^pvc-[0-9a-f-]{36}$/;
const SNAPSHOT_HANDLE = /^snapshot-[0-9a-f-]{36}$/;

export class VolumeStore {
  readonly root: string;
  private readonly temporary: boolean;

  constructor(dataDir?: string) {
    if (dataDir) {
      this.root = path.join(dataDir, 'volumes');
      mkdirSync(this.root, { recursive: true });
      this.temporary = false;
    } else {
      this.root = mkdtempSync(path.join(tmpdir(), 'kvc-volumes-'));
      this.temporary = true;
    }
  }

  /** The volume's folder, or undefined for a name that is not one the PV binder makes. */
  dir(volumeName: string): string | undefined {
    return VOLUME_NAME.test(volumeName) ? path.join(this.root, volumeName) : undefined;
  }

  /** CDI's disk.img path of the volume (it may not exist yet), creating the folder. */
  diskPath(volumeName: string): string | undefined {
    const dir = this.dir(volumeName);
    if (!dir) return undefined;
    mkdirSync(dir, { recursive: true });
    return path.join(dir, 'disk.img');
  }

  /** The written disk image and what it is, when the volume holds one. */
  disk(volumeName: string): ({ path: string } & VolumeInfo) | undefined {
    const dir = this.dir(volumeName);
    if (!dir || !existsSync(path.join(dir, 'disk.img')) || !existsSync(path.join(dir, 'volume.json'))) return undefined;
    try {
      const info = JSON.parse(readFileSync(path.join(dir, 'volume.json'), 'utf8')) as VolumeInfo;
      return { path: path.join(dir, 'disk.img'), ...info };
    } catch {
      return undefined;
    }
  }

  /**
   * The volume's disk image for a real guest (guest/qemu): the one it holds, else a new blank raw
   * one of `bytes` (sparse: it takes no room until written; the guest formats it).
   */
  guestDisk(volumeName: string, bytes: number): ({ path: string } & VolumeInfo) | undefined {
    const existing = this.disk(volumeName);
    if (existing) return existing;
    const file = this.diskPath(volumeName);
    if (!file || !(bytes > 0)) return undefined;
    const size = Math.min(Math.max(bytes, MIN_BLANK_BYTES), MAX_BLANK_BYTES);
    truncateSync(openAndClose(file), size);
    const info: VolumeInfo = { format: 'raw', virtualSize: size, sourceFormat: 'blank' };
    this.setInfo(volumeName, info);
    return { path: file, ...info };
  }

  /** Records what disk.img is, once it is complete. */
  setInfo(volumeName: string, info: VolumeInfo): void {
    const dir = this.dir(volumeName);
    if (dir) writeFileSync(path.join(dir, 'volume.json'), JSON.stringify(info));
  }

  /** Empties a volume (a failed upload leaves nothing half-written behind). */
  clear(volumeName: string): void {
    const dir = this.dir(volumeName);
    if (dir) for (const f of ['disk.img', 'volume.json', 'upload.tmp']) rmSync(path.join(dir, f), { force: true });
  }

  /** A clone: the source volume's disk (when it has one) becomes the target's (reflinked where the file system can). */
  async copy(from: string, to: string): Promise<void> {
    const src = this.disk(from);
    const dst = this.diskPath(to);
    if (!src || !dst) return;
    const { path: _path, ...info } = src;
    await execFileAsync('cp', CP_SPARSE.concat(src.path, dst));
    this.setInfo(to, info);
  }

  /** Deletes a volume (reclaim policy Delete, when its PVC goes). */
  remove(volumeName: string): void {
    const dir = this.dir(volumeName);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }

  /** A snapshot's folder (`snapshots/snapshot-<uid>`, the CSI snapshot handle), or undefined for another name. */
  private snapshotDir(handle: string): string | undefined {
    return SNAPSHOT_HANDLE.test(handle) ? path.join(this.root, 'snapshots', handle) : undefined;
  }

  private copyImage(from: string | undefined, to: string | undefined): void {
    if (!from || !to || !existsSync(path.join(from, 'disk.img')) || !existsSync(path.join(from, 'volume.json'))) return;
    mkdirSync(to, { recursive: true });
    execFileSync('cp', CP_SPARSE.concat(path.join(from, 'disk.img'), path.join(to, 'disk.img')));
    copyFileSync(path.join(from, 'volume.json'), path.join(to, 'volume.json'));
  }

  /** A CSI snapshot of the volume's disk image (controllers/snapshot/csi-snapshotter.ts). */
  snapshotDisk(volumeName: string, handle: string): void {
    this.copyImage(this.dir(volumeName), this.snapshotDir(handle));
  }

  /** A volume provisioned from a snapshot gets its disk image. */
  restoreDisk(handle: string, volumeName: string): void {
    this.copyImage(this.snapshotDir(handle), this.dir(volumeName));
  }

  /** A volume cloned from another (a PVC dataSource) gets a copy of its disk image. */
  cloneDisk(sourceVolume: string, volumeName: string): void {
    this.copyImage(this.dir(sourceVolume), this.dir(volumeName));
  }

  deleteSnapshot(handle: string): void {
    const dir = this.snapshotDir(handle);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }

  close(): void {
    if (this.temporary) rmSync(this.root, { recursive: true, force: true });
  }
}
