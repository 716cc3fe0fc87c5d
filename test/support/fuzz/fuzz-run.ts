/**
 * The HTTP fuzz run shared by server/cluster/test/fuzz.test.ts (a few hundred requests in
 * `npm test`) and bench/fuzz (10,000+ against `npm run cluster`): mutated fixtures and core objects
 * sent as creates, updates, JSON/merge/strategic/apply patches, reads and deletes, with wrong
 * content types and paths. Deterministic for a seed.
 */
import { Agent, request } from 'node:http';
import { loadFixtures } from '../fixtures.js';
import { Fuzzer, rng, yamlOrJsonContentType, type Json } from './fuzz-mutations.js';

export const FUZZ_NS = 'fuzz';
/** An answer slower than this is a hang. */
export const HANG_MS = 10_000;

const PLURALS: Record<string, string> = {
  VirtualMachine: 'virtualmachines',
  VirtualMachineInstance: 'virtualmachineinstances',
  VirtualMachineInstanceMigration: 'virtualmachineinstancemigrations',
  DataVolume: 'datavolumes',
  VirtualMachineInstancetype: 'virtualmachineinstancetypes',
  PriorityClass: 'priorityclasses',
  PersistentVolumeClaim: 'persistentvolumeclaims',
  Service: 'services',
  ConfigMap: 'configmaps',
  Secret: 'secrets',
};
/** Cluster-scoped kinds the fuzz writes (bench/fuzz deletes what it made of them). */
export const FUZZ_CLUSTER_COLLECTIONS = ['/apis/scheduling.k8s.io/v1/priorityclasses'];

/** Core objects next to the fixtures, so strategic merge patches meet kinds that take them. */
const CORE: Json[] = [
  {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'disk-alpine' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'vm-ssh', labels: { app: 'vm' } },
    spec: {
      selector: { 'kubevirt.io/vm': 'vm-cirros' },
      ports: [{ name: 'ssh', port: 22, targetPort: 22, protocol: 'TCP' }],
    },
  },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', finalizers: ['example.com/x'] }, data: { a: '1' } },
  {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'userdata' },
    type: 'Opaque',
    stringData: { userdata: '#cloud-config\npassword: x\n' },
  },
];

interface Sample {
  obj: Json;
  collection: string;
  core: boolean;
}

function collectionOf(obj: Record<string, unknown>): string {
  const apiVersion = String(obj.apiVersion);
  const plural = PLURALS[String(obj.kind)];
  const prefix = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  return obj.kind === 'PriorityClass' ? `${prefix}/${plural}` : `${prefix}/namespaces/${FUZZ_NS}/${plural}`;
}

export function fuzzSamples(): Sample[] {
  const fixtures = loadFixtures().flatMap((fx) => fx.docs);
  return [...fixtures, ...(CORE as Array<Record<string, unknown>>)].map((d) => ({
    obj: d as Json,
    collection: collectionOf(d),
    core: !String(d.apiVersion).includes('kubevirt.io'),
  }));
}

/** encodeURIComponent that also takes lone surrogates (as U+FFFD). */
const seg = (s: string) =>
  encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

export interface Planned {
  method: string;
  path: string;
  body?: string;
  contentType?: string;
}

export function plan(f: Fuzzer, samples: Sample[]): Planned {
  const s = f.pick(samples);
  const meta = (s.obj as Record<string, Record<string, Json>>).metadata;
  const name = f.chance(0.7) ? String(meta.name) : f.string().slice(0, 300);
  const item = `${s.collection}/${seg(name)}`;
  const obj = f.chance(0.1) ? s.obj : f.mutate(s.obj);
  const { type, yaml } = yamlOrJsonContentType(f);
  switch (f.int(11)) {
    case 0:
    case 1:
    case 2:
      return {
        method: 'POST',
        path: `${s.collection}${f.chance(0.1) ? '?dryRun=All' : ''}`,
        body: f.body(obj, yaml),
        contentType: type,
      };
    case 3:
      return { method: 'PUT', path: item, body: f.body(obj, yaml), contentType: type };
    case 4:
      return {
        method: 'PATCH',
        path: item,
        body: f.body(f.chance(0.5) ? obj : f.value(), false),
        contentType: 'application/merge-patch+json',
      };
    case 5:
      return {
        method: 'PATCH',
        path: item,
        body: f.body(f.jsonPatch(s.obj), false),
        contentType: 'application/json-patch+json',
      };
    case 6: {
      const force = f.chance(0.5) ? '&force=true' : '';
      return {
        method: 'PATCH',
        path: `${item}?fieldManager=fuzz${force}`,
        body: f.body(obj, true),
        contentType: 'application/apply-patch+yaml',
      };
    }
    case 7: {
      const contentType =
        s.core || f.chance(0.2) ? 'application/strategic-merge-patch+json' : f.pick(['application/json', 'text/plain']);
      return { method: 'PATCH', path: item, body: f.body(f.strategicPatch(s.obj), false), contentType };
    }
    case 8: {
      const query = f.pick([
        '',
        '?limit=-1',
        '?limit=2&continue=garbage',
        '?labelSelector=a%20in%20(',
        '?fieldSelector=spec.x%3Dy',
        '?labelSelector=!!',
        '?resourceVersion=abc',
        '?limit=abc',
        '?watch=true&timeoutSeconds=1',
        '?watch=1&resourceVersion=1&timeoutSeconds=1',
      ]);
      return { method: 'GET', path: f.chance(0.5) ? `${s.collection}${query}` : `${item}${query}` };
    }
    case 9:
      return {
        method: f.pick(['POST', 'PUT', 'PATCH', 'DELETE']),
        path: f.pick([
          `${s.collection}/${seg(name)}/status`,
          `${item}/${f.pick(['status', 'scale', 'bogus', '..', '%2e%2e'])}`,
          `/apis/kubevirt.io/v1/namespaces/${FUZZ_NS}/${seg(f.string().slice(0, 40))}`,
        ]),
        body: f.body(obj, false),
        contentType: type,
      };
    default:
      return {
        method: 'DELETE',
        path: item,
        body: f.chance(0.3) ? f.body(f.value(), false) : undefined,
        contentType: 'application/json',
      };
  }
}

/** One HTTP exchange over a keep-alive agent; a hang (no answer within HANG_MS) rejects. */
export function send(agent: Agent, base: string, planned: Planned): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (planned.contentType !== undefined && planned.body !== undefined) headers['content-type'] = planned.contentType;
    // Node frames no body for DELETE unless told its length.
    if (planned.body !== undefined) headers['content-length'] = String(Buffer.byteLength(planned.body));
    const req = request(`${base}${planned.path}`, { method: planned.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() });
      });
      res.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    const timer = setTimeout(() => req.destroy(new HangError()), HANG_MS);
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.end(planned.body);
  });
}

export class HangError extends Error {
  constructor() {
    super(`no complete answer within ${HANG_MS / 1000} s`);
  }
}

export interface Failure {
  planned: Planned;
  status: number;
  body: string;
}

/** A failure unless the answer is a 2xx/3xx, or a 4xx carrying a v1 Status with its code. */
/**
 * The one 5xx kube-apiserver answers by design to a bad body: a server-side apply whose patch has
 * fields the schema does not declare is a 500 (its field manager's plain error; the differential
 * suite, server/stack/diff/cases-schemas.ts, checks it against a real kube-apiserver).
 */
const APPLY_NOT_DECLARED = /^failed to create typed patch object \([^)]*\): [^\n]*: field not declared in schema/;

export function checkAnswer(planned: Planned, status: number, text: string): Failure | undefined {
  const fail = { planned: { ...planned, body: planned.body?.slice(0, 300) }, status, body: text.slice(0, 500) };
  if (status === 500 && planned.contentType === 'application/apply-patch+yaml') {
    let s: { kind?: string; code?: number; message?: string } = {};
    try {
      s = JSON.parse(text) as typeof s;
    } catch {
      return fail;
    }
    return s.kind === 'Status' && s.code === 500 && APPLY_NOT_DECLARED.test(s.message ?? '') ? undefined : fail;
  }
  if (status >= 500 || status < 200) return fail;
  if (status < 400) return undefined;
  // kube-apiserver's mux answers a path no API group serves (an unknown group, or a resource a
  // CRD group does not have) with Go's plain-text NotFound, not a Status; the embedded cluster too.
  if (status === 404 && text === '404 page not found\n') return undefined;
  try {
    const s = JSON.parse(text) as Record<string, unknown>;
    const okStatus =
      s.kind === 'Status' &&
      s.apiVersion === 'v1' &&
      s.status === 'Failure' &&
      s.code === status &&
      typeof s.message === 'string';
    return okStatus ? undefined : fail;
  } catch {
    return fail;
  }
}

export interface FuzzResult {
  requests: number;
  codes: Map<number, number>;
  serverErrors: Failure[];
  /** 4xx answers without a proper v1 Status. */
  badErrors: Failure[];
  hangs: Failure[];
  /** Connection errors (reset, refused). */
  broken: Failure[];
  maxLatencyMs: number;
}

export async function runFuzz(opts: {
  url: string;
  seed: number;
  count: number;
  concurrency: number;
  onProgress?: (done: number) => void;
}): Promise<FuzzResult> {
  const samples = fuzzSamples();
  const f = new Fuzzer(rng(opts.seed));
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const r: FuzzResult = {
    requests: 0,
    codes: new Map(),
    serverErrors: [],
    badErrors: [],
    hangs: [],
    broken: [],
    maxLatencyMs: 0,
  };
  let next = 0;
  const worker = async () => {
    while (next < opts.count) {
      next++;
      const planned = plan(f, samples);
      const t0 = performance.now();
      try {
        const { status, text } = await send(agent, opts.url, planned);
        r.codes.set(status, (r.codes.get(status) ?? 0) + 1);
        const failure = checkAnswer(planned, status, text);
        if (failure) (status >= 500 || status < 200 ? r.serverErrors : r.badErrors).push(failure);
      } catch (e) {
        const failure = { planned: { ...planned, body: planned.body?.slice(0, 300) }, status: 0, body: String(e) };
        (e instanceof HangError ? r.hangs : r.broken).push(failure);
      }
      r.maxLatencyMs = Math.max(r.maxLatencyMs, performance.now() - t0);
      r.requests++;
      if (r.requests % 1000 === 0) opts.onProgress?.(r.requests);
    }
  };
  try {
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
  } finally {
    agent.destroy();
  }
  return r;
}

/** "200:12 201:40 ..." */
export function histogram(codes: Map<number, number>): string {
  return [...codes.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([c, n]) => `${c}:${n}`)
    .join(' ');
}

/** Failures grouped by method, content type and status: "3x PATCH application/json -> 500". */
export function summarize(failures: Failure[]): string {
  const kinds = new Map<string, number>();
  for (const x of failures) {
    const key = `${x.planned.method} ${x.planned.contentType ?? ''} -> ${x.status || x.body.slice(0, 60)}`;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  return [...kinds].map(([key, n]) => `${n}x ${key}`).join('; ');
}

/** The server still answers: health, a list, and a watch that sees a new object. */
export async function checkAlive(url: string): Promise<string[]> {
  const problems: string[] = [];
  const health = await fetch(`${url}/healthz`).catch((e: unknown) => e);
  if (!(health instanceof Response) || health.status !== 200)
    return [`healthz: ${health instanceof Response ? health.status : String(health)}`];
  for (const path of [
    `/apis/kubevirt.io/v1/namespaces/${FUZZ_NS}/virtualmachines`,
    '/apis/kubevirt.io/v1/virtualmachineinstances',
    '/api/v1/events?limit=5',
  ]) {
    const res = await fetch(`${url}${path}`);
    if (res.status !== 200) problems.push(`list ${path}: ${res.status} ${(await res.text()).slice(0, 200)}`);
    else await res.arrayBuffer();
  }
  const cms = `${url}/api/v1/namespaces/${FUZZ_NS}/configmaps`;
  const name = `alive-${Date.now().toString(36)}`;
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), HANG_MS);
  try {
    const watch = await fetch(`${cms}?watch=true&fieldSelector=metadata.name%3D${name}`, { signal: ac.signal });
    if (watch.status !== 200 || !watch.body) throw new Error(`watch: ${watch.status}`);
    const created = await fetch(cms, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } }),
    });
    if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);
    const reader = watch.body.getReader();
    let text = '';
    while (!text.includes('\n')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += Buffer.from(chunk.value).toString();
    }
    const ev = JSON.parse(text.split('\n')[0]) as { type: string; object: { metadata: { name: string } } };
    if (ev.type !== 'ADDED' || ev.object.metadata.name !== name) throw new Error(`watch event: ${text.slice(0, 200)}`);
    await fetch(`${cms}/${name}`, { method: 'DELETE' });
  } catch (e) {
    problems.push(`watch: ${String(e)}`);
  } finally {
    clearTimeout(timer);
    ac.abort();
  }
  return problems;
}

async function names(url: string, path: string): Promise<string[]> {
  const res = await fetch(`${url}${path}`);
  const list = (await res.json()) as { items?: Array<{ metadata: { name: string } }> };
  return (list.items ?? []).map((o) => o.metadata.name);
}

/** Creates the fuzz namespace; returns the cluster-scoped objects that existed before. */
export async function prepareFuzz(url: string): Promise<Set<string>> {
  const res = await fetch(`${url}/api/v1/namespaces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: FUZZ_NS } }),
  });
  if (res.status !== 201) throw new Error(`creating namespace ${FUZZ_NS}: ${res.status} ${await res.text()}`);
  const before = new Set<string>();
  for (const c of FUZZ_CLUSTER_COLLECTIONS) for (const n of await names(url, c)) before.add(`${c}/${n}`);
  return before;
}

/** Deletes what the fuzz made (its namespace and new cluster-scoped objects) and waits until it is gone. */
export async function cleanupFuzz(url: string, before: Set<string>, timeoutMs = 120_000): Promise<void> {
  for (const c of FUZZ_CLUSTER_COLLECTIONS) {
    for (const n of await names(url, c))
      if (!before.has(`${c}/${n}`)) await fetch(`${url}${c}/${encodeURIComponent(n)}`, { method: 'DELETE' });
  }
  await fetch(`${url}/api/v1/namespaces/${FUZZ_NS}`, { method: 'DELETE' });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${url}/api/v1/namespaces/${FUZZ_NS}`);
    await res.arrayBuffer();
    if (res.status === 404) return;
    await new Promise((r) => setTimeout(r, 500));
    // after a while, finalizers the fuzz set (nobody handles them) still hold their objects and the namespace: drop them
    if (Date.now() < deadline - timeoutMs + 5000) continue;
    for (const c of new Set(fuzzSamples().map((x) => x.collection))) {
      const list = (await (await fetch(`${url}${c}`)).json()) as {
        items?: Array<{ metadata: { name: string; finalizers?: string[] } }>;
      };
      for (const o of list.items ?? []) {
        if (!o.metadata.finalizers?.length) continue;
        await (
          await fetch(`${url}${c}/${encodeURIComponent(o.metadata.name)}`, {
            method: 'PATCH',
            headers: { 'content-type': 'application/merge-patch+json' },
            body: JSON.stringify({ metadata: { finalizers: null } }),
          })
        ).arrayBuffer();
      }
    }
    if (Date.now() > deadline) throw new Error(`namespace ${FUZZ_NS} still there after ${timeoutMs / 1000} s`);
  }
}
