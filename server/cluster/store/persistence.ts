/**
 * Durability for the store: an append-only log of JSON lines, fsync'ed before a write is
 * acknowledged, compacted on start (a snapshot of live objects plus a tail of history, so that
 * watches resume from a resourceVersion across restarts).
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { KObject } from './types.js';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface LogRecord {
  rv: number;
  res: string;
  type: ChangeType;
  obj: KObject;
  prev?: KObject;
}

export interface Loaded {
  rv: number;
  objects: { res: string; obj: KObject }[];
  history: LogRecord[];
}

type Line = { snap: number } | { s: 1; res: string; obj: KObject } | ({ h?: 1 } & LogRecord);

export class WriteAheadLog {
  private fd = -1;
  private appended = 0;
  readonly path: string;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.path = join(dir, 'store.log');
  }

  /** Reads the log (tolerating a torn last line) and returns the state, the history tail and the last rv. */
  load(): Loaded {
    const state = new Map<string, { res: string; obj: KObject }>();
    const history: LogRecord[] = [];
    let rv = 0;
    if (existsSync(this.path)) {
      const lines = readFileSync(this.path, 'utf8').split('\n');
      for (const text of lines) {
        if (!text) continue;
        let line: Line;
        try {
          line = JSON.parse(text) as Line;
        } catch {
          continue; // a torn write from a crash: it was never acknowledged
        }
        if ('snap' in line) rv = Math.max(rv, line.snap);
        else if ('s' in line)
          state.set(`${line.res}|${line.obj.metadata.namespace ?? ''}|${line.obj.metadata.name}`, {
            res: line.res,
            obj: line.obj,
          });
        else {
          history.push({ rv: line.rv, res: line.res, type: line.type, obj: line.obj, prev: line.prev });
          rv = Math.max(rv, line.rv);
          if (line.h) continue;
          const key = `${line.res}|${line.obj.metadata.namespace ?? ''}|${line.obj.metadata.name}`;
          if (line.type === 'DELETED') state.delete(key);
          else state.set(key, { res: line.res, obj: line.obj });
        }
      }
    }
    history.sort((a, b) => a.rv - b.rv);
    return { rv, objects: [...state.values()], history };
  }

  /** Rewrites the log as snapshot + history tail, atomically, then opens it for appending. */
  compact(rv: number, objects: Iterable<{ res: string; obj: KObject }>, history: LogRecord[]): void {
    this.close();
    const tmp = `${this.path}.tmp`;
    const fd = openSync(tmp, 'w');
    const chunks: string[] = [JSON.stringify({ snap: rv })];
    const flush = () => {
      if (chunks.length) writeSync(fd, chunks.join('\n') + '\n');
      chunks.length = 0;
    };
    for (const o of objects) {
      chunks.push(JSON.stringify({ s: 1, res: o.res, obj: o.obj }));
      if (chunks.length >= 1000) flush();
    }
    for (const h of history) {
      chunks.push(JSON.stringify({ h: 1, rv: h.rv, res: h.res, type: h.type, obj: h.obj }));
      if (chunks.length >= 1000) flush();
    }
    flush();
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, this.path);
    try {
      const dfd = openSync(this.dir, 'r');
      fsyncSync(dfd);
      closeSync(dfd);
    } catch {
      // directories cannot be fsync'ed on every platform
    }
    this.fd = openSync(this.path, 'a');
    this.appended = 0;
  }

  /** Appends one change and fsyncs: returns only once the change is durable. */
  append(rec: LogRecord): void {
    if (this.fd < 0) this.fd = openSync(this.path, 'a');
    writeSync(this.fd, JSON.stringify({ rv: rec.rv, res: rec.res, type: rec.type, obj: rec.obj }) + '\n');
    fsyncSync(this.fd);
    this.appended++;
  }

  get appendedSinceCompaction(): number {
    return this.appended;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}
