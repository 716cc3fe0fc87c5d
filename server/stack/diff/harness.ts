/**
 * The differential harness: one case runs against a backend (the embedded cluster or the real
 * kube-apiserver) and records observations (status code, Status reason and message, the object
 * or event stream with uids, timestamps and resourceVersions normalized); the two backends'
 * observations are then compared field by field.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface Backend {
  name: 'embedded' | 'kube-apiserver';
  url: string;
  ca?: string;
  /** Bearer tokens by user: admin (cluster-admin), alice (edit in diff-a), bob (view in diff-a). */
  tokens: Record<'admin' | 'alice' | 'bob', string>;
}

export interface Reply {
  code: number;
  body: unknown;
  text: string;
  /** The Warning headers' texts (`299 - "text"`), in order. */
  warnings?: string[];
}

export interface Observation {
  step: string;
  code: number;
  reason?: string;
  message?: string;
  /** The normalized body (objects, lists, events) when the step compares shapes. */
  shape?: unknown;
}

export interface CaseCtx {
  b: Backend;
  /** A namespace of this case's own on this backend (created before the case). */
  ns: string;
  req(
    method: string,
    path: string,
    opts?: { body?: unknown; type?: string; user?: 'admin' | 'alice' | 'bob' | 'nobody'; accept?: string },
  ): Promise<Reply>;
  /** Records a reply: its code, and for a Status its reason and message; `shape` keeps the body. */
  see(step: string, r: Reply, shape?: boolean | ((body: unknown) => unknown)): void;
  /** Opens a watch and collects `count` events (or until `timeoutMs`). */
  watch(path: string, count: number, timeoutMs?: number): Promise<{ code: number; events: unknown[] }>;
  observations: Observation[];
}

export function send(
  b: Backend,
  method: string,
  path: string,
  opts: { body?: unknown; type?: string; token?: string; accept?: string } = {},
): Promise<Reply> {
  const data =
    opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  const url = new URL(path, b.url);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        ca: b.ca,
        headers: {
          accept: opts.accept ?? 'application/json',
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...(data !== undefined
            ? { 'content-type': opts.type ?? 'application/json', 'content-length': Buffer.byteLength(data) }
            : {}),
        },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: compared as text
          }
          const warning = res.headers.warning;
          const warnings = (Array.isArray(warning) ? warning : warning ? [warning] : []).flatMap((w) =>
            [...w.matchAll(/299 - "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1].replace(/\\(.)/g, '$1')),
          );
          resolve({ code: res.statusCode ?? 0, body, text, warnings });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timed out`)));
    req.on('error', reject);
    req.end(data);
  });
}

/** Reads a watch stream (JSON lines) until `count` events have come or `timeoutMs` passed. */
export function watchEvents(
  b: Backend,
  path: string,
  token: string,
  count: number,
  timeoutMs: number,
): Promise<{ code: number; events: unknown[] }> {
  const url = new URL(path, b.url);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const events: unknown[] = [];
    let code = 0;
    const req = request(url, {
      method: 'GET',
      ca: b.ca,
      headers: { accept: 'application/json', authorization: `Bearer ${token}` },
    });
    const timer = setTimeout(() => finish(), timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      req.destroy();
      resolve({ code, events });
    };
    req.on('response', (res) => {
      code = res.statusCode ?? 0;
      let buf = '';
      res.on('data', (c: Buffer) => {
        buf += c.toString('utf8');
        let i;
        while ((i = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, i).trim();
          buf = buf.slice(i + 1);
          if (line) events.push(JSON.parse(line));
          if (events.length >= count) return finish();
        }
      });
      res.on('end', () => {
        if (buf.trim()) events.push(JSON.parse(buf));
        finish();
      });
      res.on('error', () => finish());
    });
    req.on('error', (e) => {
      clearTimeout(timer);
      if (events.length || code) resolve({ code, events });
      else reject(e);
    });
    req.end();
  });
}

const VOLATILE = new Set(['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'time']);

/** Replaces what differs between any two servers (uids, times, resourceVersions, continue tokens). */
export function normalize(v: unknown, key = ''): unknown {
  if (Array.isArray(v)) return v.map((x) => normalize(x));
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) {
      const x = o[k];
      if (VOLATILE.has(k) && x !== null && x !== undefined && x !== '') out[k] = `<${k}>`;
      else if (k === 'continue' && typeof x === 'string' && x) out[k] = '<continue>';
      else if (k === 'name' && typeof o.generateName === 'string' && typeof x === 'string')
        out[k] = `${o.generateName}<generated>`;
      else out[k] = normalize(x, k);
    }
    return out;
  }
  if (typeof v === 'string' && key === 'message') return normalizeMessage(v);
  return v;
}

/** resourceVersions and uids inside messages ("too old resource version: 5 (1234)") differ per server. */
export function normalizeMessage(m: string): string {
  return m
    .replace(/resource version: \d+ \(\d+\)/g, 'resource version: <rv> (<rv>)')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uid>');
}

export interface Difference {
  case: string;
  step: string;
  field: string;
  embedded: unknown;
  real: unknown;
}

/** Compares two observation lists of one case; a missing step is a difference too. */
export function compare(name: string, embedded: Observation[], real: Observation[]): Difference[] {
  const out: Difference[] = [];
  const steps = [...new Set([...embedded.map((o) => o.step), ...real.map((o) => o.step)])];
  for (const step of steps) {
    const e = embedded.find((o) => o.step === step);
    const r = real.find((o) => o.step === step);
    if (!e || !r) {
      out.push({ case: name, step, field: 'step', embedded: e ? 'ran' : 'missing', real: r ? 'ran' : 'missing' });
      continue;
    }
    for (const f of ['code', 'reason', 'message'] as const)
      if (e[f] !== r[f]) out.push({ case: name, step, field: f, embedded: e[f], real: r[f] });
    if (e.shape !== undefined || r.shape !== undefined) diffShapes(name, step, 'body', e.shape, r.shape, out);
  }
  return out;
}

function diffShapes(c: string, step: string, path: string, a: unknown, b: unknown, out: Difference[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  const isObj = (x: unknown) => x !== null && typeof x === 'object' && !Array.isArray(x);
  if (isObj(a) && isObj(b)) {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    for (const k of [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort())
      diffShapes(c, step, `${path}.${k}`, ao[k], bo[k], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => diffShapes(c, step, `${path}[${i}]`, x, b[i], out));
    return;
  }
  out.push({ case: c, step, field: path, embedded: a, real: b });
}
