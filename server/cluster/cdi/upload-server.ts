/**
 * What cdi-uploadserver does with an upload's bytes: write them to the volume (never held in
 * memory), then unpack gz/xz, check the image (qemu-img info and check where qemu-img is on the
 * machine, else the qcow2 header), refuse one larger than the volume, and leave CDI's `disk.img`:
 * raw, converted by qemu-img from qcow2 (or qcow2 itself without qemu-img).
 */
import { execFile, spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat, truncate } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { compressionOf, readImageHeader } from './image-format.js';
import type { VolumeInfo } from './volumes.js';

/** CDI's no-capacity error: the upload server answers it with 400, other failures with 500. */
export class NoCapacityError extends Error {}

export interface ProcessOptions {
  /** qemu-img's path, or null to do without (header checks only, qcow2 kept as is). */
  qemuImg: string | null;
}

/** Writes the request body to `file`; rejects when the client stops before the end. */
export async function receive(body: Readable, file: string): Promise<number> {
  await pipeline(body, createWriteStream(file));
  return (await stat(file)).size;
}

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { maxBuffer: 1024 * 1024, timeout: 30 * 60_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error((stderr || err.message).trim().split('\n').slice(-3).join(' ')));
      else resolve(stdout);
    });
  });
}

async function head(file: string, bytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of createReadStream(file, { start: 0, end: bytes - 1 })) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Unpacks a gz or xz upload into `out`; returns the wrapper found. */
async function unpack(file: string, out: string): Promise<'gz' | 'xz' | 'none'> {
  const kind = compressionOf(await head(file, 6));
  if (kind === 'gz') await pipeline(createReadStream(file), createGunzip(), createWriteStream(out));
  if (kind === 'xz') {
    const xz = spawn('xz', ['-dc', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    xz.stderr.on('data', (c: Buffer) => (stderr += c.toString().slice(0, 2000)));
    const exited = new Promise<number>((resolve, reject) => {
      xz.on('error', () => reject(new Error('xz-compressed images need xz on the machine')));
      xz.on('close', (code) => resolve(code ?? 1));
    });
    await pipeline(xz.stdout, createWriteStream(out));
    if ((await exited) !== 0) throw new Error(`xz: ${stderr.trim() || 'the stream is not valid xz'}`);
  }
  if (kind !== 'none') await rm(file, { force: true });
  return kind;
}

const noCapacity = (virtual: number, capacity: number) =>
  new NoCapacityError(
    `effective image size is larger than the reported available storage: Virtual image size ${virtual} is larger ` +
      `than the reported available storage ${capacity}. A larger PVC is required.`,
  );

/**
 * Turns the received file into `disk` (CDI's disk.img). `capacity` is the PVC's size in bytes.
 * Errors carry CDI's wording after "Saving stream failed: ".
 */
export async function processUpload(
  received: string,
  disk: string,
  capacity: number,
  opts: ProcessOptions,
): Promise<VolumeInfo> {
  const unpacked = path.join(path.dirname(received), 'upload.raw');
  const wrapper = await unpack(received, unpacked);
  const file = wrapper === 'none' ? received : unpacked;
  try {
    const header = await readImageHeader(file);
    if (header.invalid) throw new Error(`Unable to process data: ${header.invalid}`);
    const sourceFormat = wrapper === 'none' ? header.kind : `${header.kind}.${wrapper}`;
    const fmt = header.kind === 'qcow2' ? 'qcow2' : 'raw';
    let virtualSize = header.kind === 'qcow2' ? (header.virtualSize ?? 0) : (await stat(file)).size;
    if (opts.qemuImg) {
      const info = JSON.parse(await run(opts.qemuImg, ['info', '--output=json', '-f', fmt, file])) as {
        'virtual-size'?: number;
      };
      virtualSize = info['virtual-size'] ?? virtualSize;
      if (fmt === 'qcow2') await qcow2Check(opts.qemuImg, file);
    }
    if (virtualSize > capacity) throw noCapacity(virtualSize, capacity);
    if (fmt === 'qcow2' && opts.qemuImg) {
      await run(opts.qemuImg, ['convert', '-f', 'qcow2', '-O', 'raw', '-t', 'writeback', file, disk]);
      await rm(file, { force: true });
    } else {
      await rename(file, disk);
    }
    const format = fmt === 'qcow2' && !opts.qemuImg ? 'qcow2' : 'raw';
    // CDI grows a raw image to the volume's size (sparse).
    if (format === 'raw' && virtualSize < capacity) await truncate(disk, capacity);
    return { format, virtualSize, sourceFormat };
  } catch (err) {
    await rm(file, { force: true });
    throw err;
  }
}

/** qemu-img check: corruption (exit 2) or a check that cannot run (1) fails; leaks (3) do not. */
async function qcow2Check(qemuImg: string, file: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    execFile(qemuImg, ['check', '-f', 'qcow2', file], { maxBuffer: 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      if (code === 0 || code === 3) return resolve();
      const detail = (stderr || stdout).trim().split('\n').slice(0, 2).join(' ');
      reject(new Error(`Unable to process data: the qcow2 image is invalid or truncated: ${detail}`));
    });
  });
}
