/**
 * A ustar archive of a directory and files, streamed (POSIX.1-1988 headers: what `tar c` writes
 * for short names). Small on purpose: the export server archives a volume's mount point, which
 * holds at most a disk image.
 */
import { createReadStream } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';

export interface TarEntry {
  /** "./" for the directory itself, "./disk.img" for a file (at most 100 bytes). */
  name: string;
  /** Files only: the file to copy and its size. */
  file?: { path: string; size: number };
  mtime?: number;
}

const BLOCK = 512;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

export function tarHeader(entry: TarEntry): Buffer {
  const h = Buffer.alloc(BLOCK);
  const dir = !entry.file;
  h.write(entry.name, 0, 100, 'utf8');
  h.write(octal(dir ? 0o755 : 0o644, 8), 100, 'ascii');
  h.write(octal(107, 8), 108, 'ascii');
  h.write(octal(107, 8), 116, 'ascii');
  h.write(octal(entry.file?.size ?? 0, 12), 124, 'ascii');
  h.write(octal(Math.floor((entry.mtime ?? Date.now()) / 1000), 12), 136, 'ascii');
  h.write(' '.repeat(8), 148, 'ascii');
  h.write(dir ? '5' : '0', 156, 'ascii');
  h.write('ustar\x0000', 257, 'binary');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

/** The archive: each header, each file's bytes padded to a block, then two zero blocks. */
export function tarStream(entries: TarEntry[]): Readable {
  const out = new PassThrough();
  void (async () => {
    for (const e of entries) {
      if (!out.write(tarHeader(e))) await new Promise((r) => out.once('drain', r));
      if (!e.file) continue;
      for await (const chunk of createReadStream(e.file.path)) {
        if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
      }
      const pad = (BLOCK - (e.file.size % BLOCK)) % BLOCK;
      if (pad) out.write(Buffer.alloc(pad));
    }
    out.end(Buffer.alloc(2 * BLOCK));
  })().catch((err: unknown) => out.destroy(err as Error));
  return out;
}
