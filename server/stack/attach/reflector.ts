/**
 * client-go's reflector over HTTPS: list, then watch from the list's resourceVersion with
 * bookmarks; a watch that ends (server timeout, dropped connection) resumes from the last
 * resourceVersion seen; 410 Gone (the resourceVersion was compacted) relists and turns the
 * difference with what was delivered into ADDED, MODIFIED and DELETED events, so a consumer's
 * cache ends up equal to the server's.
 */
import type { ClientRequest } from 'node:http';
import { request } from 'node:https';
import type { KObject, WatchEventType } from '../../cluster/store/types.js';
import type { ApiTarget } from '../client.js';

export interface ReflectorOptions {
  /** Watch from here without listing first (the events since then only). */
  resourceVersion?: string;
  list(): { items: KObject[]; resourceVersion: string };
  onEvent(type: WatchEventType, obj: KObject): void;
  /** Seconds the server keeps one watch open (client-go picks 5-10 min). */
  timeoutSeconds?: number;
  retryMs?: number;
}

const keyOf = (o: KObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

export class Reflector {
  private rv = '';
  private readonly known = new Map<string, KObject>();
  private req?: ClientRequest;
  private stopped = false;
  private timer?: NodeJS.Timeout;
  /** Watch streams opened (the first, resumes and re-watches after a relist). */
  watches = 0;
  /** Lists made (the first and one per 410 Gone). */
  lists = 0;

  constructor(
    private readonly target: ApiTarget,
    private readonly path: string,
    private readonly opts: ReflectorOptions,
  ) {}

  start(): void {
    if (this.opts.resourceVersion !== undefined) {
      this.rv = this.opts.resourceVersion;
      setImmediate(() => this.watch());
    } else {
      setImmediate(() => this.relist());
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.req?.destroy();
  }

  private emit(type: WatchEventType, obj: KObject): void {
    if (this.stopped) return;
    if (type === 'DELETED') this.known.delete(keyOf(obj));
    else this.known.set(keyOf(obj), obj);
    this.opts.onEvent(type, obj);
  }

  private relist(): void {
    if (this.stopped) return;
    let out: { items: KObject[]; resourceVersion: string };
    try {
      this.lists++;
      out = this.opts.list();
    } catch {
      return this.retry(() => this.relist());
    }
    const seen = new Set<string>();
    for (const obj of out.items) {
      const key = keyOf(obj);
      seen.add(key);
      const old = this.known.get(key);
      if (!old) this.emit('ADDED', obj);
      else if (old.metadata.resourceVersion !== obj.metadata.resourceVersion) this.emit('MODIFIED', obj);
    }
    for (const [key, old] of [...this.known]) if (!seen.has(key)) this.emit('DELETED', old);
    this.rv = out.resourceVersion;
    this.watch();
  }

  private retry(fn: () => void): void {
    if (this.stopped) return;
    this.timer = setTimeout(fn, this.opts.retryMs ?? 1000);
  }

  private watch(): void {
    if (this.stopped) return;
    this.watches++;
    const q = new URLSearchParams({
      watch: '1',
      allowWatchBookmarks: 'true',
      resourceVersion: this.rv,
      timeoutSeconds: String(this.opts.timeoutSeconds ?? 300 + Math.floor(Math.random() * 300)),
    });
    let gone = false;
    let streamed = false;
    let buf = '';
    const req = request(
      new URL(`${this.path}?${q}`, this.target.url),
      { ca: this.target.ca, headers: { authorization: `Bearer ${this.target.token}`, accept: 'application/json' } },
      (res) => {
        if (res.statusCode === 410) gone = true;
        if (res.statusCode !== 200) {
          res.resume();
          return;
        }
        streamed = true;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buf += chunk;
          let nl: number;
          while ((nl = buf.indexOf('\n')) >= 0) {
            const line = buf.slice(0, nl).trim();
            buf = buf.slice(nl + 1);
            if (line && this.onLine(line) === 'gone') {
              gone = true;
              req.destroy();
            }
          }
        });
      },
    );
    this.req = req;
    let ended = false;
    const next = () => {
      if (ended) return;
      ended = true;
      if (gone) this.relist();
      // a stream the server ended (its timeout) resumes at once; a failed request after a pause
      else if (streamed) setImmediate(() => this.watch());
      else this.retry(() => this.watch());
    };
    req.on('close', next);
    req.on('error', () => {});
    req.end();
  }

  private onLine(line: string): 'gone' | undefined {
    let ev: { type?: string; object?: KObject & { code?: number } };
    try {
      ev = JSON.parse(line) as typeof ev;
    } catch {
      return undefined;
    }
    const obj = ev.object;
    if (!obj) return undefined;
    if (ev.type === 'ERROR') return obj.code === 410 ? 'gone' : undefined;
    const rv = obj.metadata?.resourceVersion;
    if (rv) this.rv = rv;
    if (ev.type === 'ADDED' || ev.type === 'MODIFIED' || ev.type === 'DELETED') this.emit(ev.type, obj);
    return undefined;
  }
}
