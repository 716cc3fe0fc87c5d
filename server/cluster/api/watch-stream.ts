/** Watch over chunked HTTP (one JSON event per line) and over websocket (one text frame per event). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebSocket } from 'ws';
import { queryBool } from './query-bool.js';
import {
  apiVersionOf,
  isStatusError,
  errors,
  type KObject,
  type ResourceInfo,
  type Store,
  type WatchEvent,
  resourceKey,
} from '../store/index.js';
import { isConverted, objectBytes, type Output } from './encode.js';
import { toTable, includeObjectParam } from './table-watch.js';

export interface WatchParams {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  timeoutSeconds?: number;
  allowWatchBookmarks: boolean;
  sendInitialEvents: boolean;
}

export function watchParams(q: URLSearchParams, namespace: string | undefined, name: string | undefined): WatchParams {
  const t = q.get('timeoutSeconds');
  let fieldSelector = q.get('fieldSelector') ?? undefined;
  if (name) fieldSelector = [`metadata.name=${name}`, fieldSelector].filter(Boolean).join(',');
  const timeout = t !== null && /^\d+$/.test(t) ? Number(t) : undefined;
  if (t !== null && timeout === undefined) throw errors.badRequest(`invalid timeoutSeconds: ${t}`);
  return {
    namespace,
    labelSelector: q.get('labelSelector') ?? undefined,
    fieldSelector,
    resourceVersion: q.get('resourceVersion') ?? undefined,
    timeoutSeconds: timeout,
    allowWatchBookmarks: queryBool(q, 'allowWatchBookmarks'),
    sendInitialEvents: queryBool(q, 'sendInitialEvents'),
  };
}

const NEWLINE = Buffer.from('\n');
const EVENT_END = Buffer.from('}\n');
const EVENT_HEAD: Record<string, Buffer> = Object.fromEntries(
  ['ADDED', 'MODIFIED', 'DELETED'].map((t) => [t, Buffer.from(`{"type":"${t}","object":`)]),
);

/**
 * Watch lines of stored objects in the storage version, shared by every watcher: the same
 * change is serialised once, not once per watcher.
 */
const lineCache = new WeakMap<object, Partial<Record<string, Buffer>>>();

function cachedLine(ev: WatchEvent, info: ResourceInfo, version: string): Buffer {
  const cacheable = Object.isFrozen(ev.object) && !isConverted(info, version);
  const lines = cacheable ? lineCache.get(ev.object) : undefined;
  const hit = lines?.[ev.type];
  if (hit) return hit;
  const line = Buffer.concat([EVENT_HEAD[ev.type], objectBytes(ev.object, info, version), EVENT_END]);
  if (cacheable) lineCache.set(ev.object, { ...lines, [ev.type]: line });
  return line;
}

/** Serializes one event as a line ending in a newline; for Table output the object is a one-row Table. */
export function eventEncoder(
  info: ResourceInfo,
  version: string,
  out: Output,
  q: URLSearchParams,
): (ev: WatchEvent) => Buffer {
  let first = true;
  return (ev) => {
    let obj: string;
    if (ev.type === 'ERROR') obj = JSON.stringify(ev.object);
    else if (ev.type === 'BOOKMARK') obj = JSON.stringify({ ...ev.object, apiVersion: apiVersionOf(info, version) });
    else if (out.kind === 'table') {
      obj = JSON.stringify(
        toTable(
          info,
          [ev.object],
          { resourceVersion: ev.object.metadata.resourceVersion },
          includeObjectParam(q),
          first,
          out.version,
        ),
      );
      first = false;
    } else if (out.kind === 'partial')
      obj = JSON.stringify({
        kind: 'PartialObjectMetadata',
        apiVersion: `meta.k8s.io/${out.version}`,
        metadata: ev.object.metadata,
      });
    else return cachedLine(ev, info, version);
    return Buffer.from(`{"type":"${ev.type}","object":${obj}}\n`);
  };
}

interface Sink {
  /** Sends one event line (ending in a newline); false when the client is gone or too far behind. */
  send(line: Buffer): boolean;
  end(): void;
  onClose(cb: () => void): void;
}

const BOOKMARK_MS = 60_000;

/** Runs a watch into a sink until the client leaves or the timeout passes. */
function run(store: Store, info: ResourceInfo, p: WatchParams, encode: (ev: WatchEvent) => Buffer, sink: Sink): void {
  let stop: (() => void) | undefined;
  let closed = false;
  const finish = () => {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    stop?.();
    sink.end();
  };
  const seconds = p.timeoutSeconds ?? 1800 + Math.floor(Math.random() * 1800);
  const timer = setTimeout(finish, seconds * 1000);
  sink.onClose(finish);
  try {
    stop = store.watch(
      resourceKey(info),
      {
        namespace: p.namespace,
        labelSelector: p.labelSelector,
        fieldSelector: p.fieldSelector,
        resourceVersion: p.sendInitialEvents && p.resourceVersion === undefined ? undefined : p.resourceVersion,
        bookmarkIntervalMs: p.allowWatchBookmarks ? BOOKMARK_MS : undefined,
        initialEventsEnd: p.sendInitialEvents && p.allowWatchBookmarks,
      },
      (ev) => {
        if (closed) return;
        if (ev.type === 'BOOKMARK' && !p.allowWatchBookmarks) return;
        if (!sink.send(encode(ev))) finish();
      },
    );
  } catch (e) {
    if (!isStatusError(e)) throw e;
    sink.send(encode({ type: 'ERROR', object: e.status as unknown as KObject }));
    finish();
  }
}

/** HTTP chunked watch: headers go out at once, each event is written (and flushed) as it happens. */
export function watchHttp(
  req: IncomingMessage,
  res: ServerResponse,
  store: Store,
  info: ResourceInfo,
  p: WatchParams,
  encode: (ev: WatchEvent) => Buffer,
): void {
  req.socket.setNoDelay(true);
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  res.flushHeaders();
  // Events delivered in the same turn of the event loop go out in one write (one syscall).
  let corked = false;
  const uncork = () => {
    corked = false;
    if (!res.destroyed) res.uncork();
  };
  run(store, info, p, encode, {
    send: (line) => {
      if (res.destroyed) return false;
      if (!corked) {
        corked = true;
        res.cork();
        setImmediate(uncork);
      }
      res.write(line);
      return res.writableLength < 64 * 1024 * 1024;
    },
    end: () => {
      if (!res.writableEnded) res.end();
    },
    onClose: (cb) => {
      res.on('close', cb);
      req.on('aborted', cb);
    },
  });
}

/** Websocket watch: one text frame per event (base64 frames for the base64.binary.k8s.io protocol). */
export function watchWebSocket(
  ws: WebSocket,
  store: Store,
  info: ResourceInfo,
  p: WatchParams,
  encode: (ev: WatchEvent) => Buffer,
): void {
  const base64 = ws.protocol === 'base64.binary.k8s.io';
  run(store, info, p, encode, {
    send: (line) => {
      if (ws.readyState !== ws.OPEN) return false;
      const frame = line.subarray(0, line.length - NEWLINE.length);
      if (base64) ws.send(frame.toString('base64'));
      else ws.send(frame, { binary: false });
      return ws.bufferedAmount < 64 * 1024 * 1024;
    },
    end: () => {
      if (ws.readyState === ws.OPEN) ws.close(1000);
    },
    onClose: (cb) => {
      ws.on('close', cb);
      ws.on('error', cb);
    },
  });
}
