/**
 * Fuzz: at least 10,000 random mutations of the fixtures sent over HTTP. Every answer must be a
 * 2xx, or a 4xx carrying a v1 Status; never a 5xx, a hang or a crash; and the server still
 * answers afterwards. Deterministic (fixed seed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, request } from 'node:http';
import { loadFixtures } from './helpers/fixtures.js';
import { Fuzzer, rng, yamlOrJsonContentType, type Json } from './helpers/fuzz-mutations.js';
import { startJudgeCluster, type JudgeCluster } from './helpers/cluster.js';

const SEED = 20261124;
const REQUESTS = 10_000;
const CONCURRENCY = 8;
const NS = 'fuzz';

const GROUPS: Record<string, string> = {
  VirtualMachine: 'virtualmachines', VirtualMachineInstance: 'virtualmachineinstances',
  VirtualMachineInstanceMigration: 'virtualmachineinstancemigrations', DataVolume: 'datavolumes',
  VirtualMachineInstancetype: 'virtualmachineinstancetypes', PriorityClass: 'priorityclasses',
};
const CLUSTER_SCOPED = new Set(['PriorityClass']);

interface Sample {
  obj: Json;
  collection: string;
}

function collectionOf(obj: Record<string, unknown>): string {
  const apiVersion = String(obj.apiVersion);
  const kind = String(obj.kind);
  const plural = GROUPS[kind];
  const prefix = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  return CLUSTER_SCOPED.has(kind) ? `${prefix}/${plural}` : `${prefix}/namespaces/${NS}/${plural}`;
}

interface Planned {
  method: string;
  path: string;
  body?: string;
  contentType?: string;
}

function plan(f: Fuzzer, samples: Sample[]): Planned {
  const s = f.pick(samples);
  const meta = (s.obj as Record<string, Record<string, Json>>).metadata;
  const name = f.chance(0.7) ? String(meta.name) : f.string().slice(0, 300);
  const item = `${s.collection}/${encodeURIComponent(name)}`;
  const obj = f.chance(0.1) ? s.obj : f.mutate(s.obj);
  const { type, yaml } = yamlOrJsonContentType(f);
  switch (f.int(10)) {
    case 0:
    case 1:
    case 2:
      return { method: 'POST', path: `${s.collection}${f.chance(0.1) ? '?dryRun=All' : ''}`, body: f.body(obj, yaml), contentType: type };
    case 3:
      return { method: 'PUT', path: item, body: f.body(obj, yaml), contentType: type };
    case 4:
      return { method: 'PATCH', path: item, body: f.body(f.chance(0.5) ? obj : f.value(), false), contentType: 'application/merge-patch+json' };
    case 5:
      return { method: 'PATCH', path: item, body: f.body(f.jsonPatch(s.obj), false), contentType: 'application/json-patch+json' };
    case 6: {
      const force = f.chance(0.5) ? '&force=true' : '';
      return { method: 'PATCH', path: `${item}?fieldManager=fuzz${force}`, body: f.body(obj, true), contentType: 'application/apply-patch+yaml' };
    }
    case 7:
      return { method: 'PATCH', path: item, body: f.body(obj, false), contentType: f.pick(['application/strategic-merge-patch+json', 'application/json', 'text/plain']) };
    case 8: {
      const query = f.pick(['', '?limit=-1', '?limit=2&continue=garbage', '?labelSelector=a%20in%20(', '?fieldSelector=spec.x%3Dy', '?labelSelector=!!', '?resourceVersion=abc', '?limit=abc']);
      return { method: 'GET', path: f.chance(0.5) ? `${s.collection}${query}` : `${item}${query}` };
    }
    default:
      return { method: 'DELETE', path: item, body: f.chance(0.3) ? f.body(f.value(), false) : undefined, contentType: 'application/json' };
  }
}

/** One HTTP exchange over a keep-alive agent; resolves with status and body text. */
function send(agent: Agent, base: string, planned: Planned): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (planned.contentType !== undefined && planned.body !== undefined) headers['content-type'] = planned.contentType;
    // Node frames no body for DELETE unless told its length.
    if (planned.body !== undefined) headers['content-length'] = String(Buffer.byteLength(planned.body));
    const req = request(`${base}${planned.path}`, { method: planned.method, headers, agent, timeout: 20_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 20 s')));
    req.on('error', reject);
    req.end(planned.body);
  });
}

interface Failure {
  planned: Planned;
  status: number;
  body: string;
}

function checkAnswer(planned: Planned, status: number, text: string): Failure | undefined {
  const fail = { planned: { ...planned, body: planned.body?.slice(0, 300) }, status, body: text.slice(0, 500) };
  if (status >= 500 || status < 200) return fail;
  if (status < 400) return undefined;
  try {
    const s = JSON.parse(text) as Record<string, unknown>;
    const okStatus = s.kind === 'Status' && s.apiVersion === 'v1' && s.status === 'Failure' && s.code === status && typeof s.message === 'string';
    return okStatus ? undefined : fail;
  } catch {
    return fail;
  }
}

describe('fuzz: random mutations of the fixtures over HTTP', () => {
  let cluster: JudgeCluster;
  let agent: Agent;
  beforeAll(async () => {
    cluster = await startJudgeCluster();
    agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const res = await fetch(`${cluster.url}/api/v1/namespaces`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } }),
    });
    expect(res.status).toBe(201);
  });
  afterAll(async () => {
    agent?.destroy();
    await cluster?.close();
  });

  it(`answers ${REQUESTS} mutated requests with 2xx or a 4xx Status, never a 5xx`, async () => {
    const samples: Sample[] = loadFixtures().flatMap((fx) => fx.docs.map((d) => ({ obj: d as Json, collection: collectionOf(d) })));
    const f = new Fuzzer(rng(SEED));
    const plans = Array.from({ length: REQUESTS }, () => plan(f, samples));
    const failures: Failure[] = [];
    const codes = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < plans.length) {
        const planned = plans[next++];
        try {
          const { status, text } = await send(agent, cluster.url, planned);
          codes.set(status, (codes.get(status) ?? 0) + 1);
          const failure = checkAnswer(planned, status, text);
          if (failure) failures.push(failure);
        } catch (e) {
          failures.push({ planned: { ...planned, body: planned.body?.slice(0, 300) }, status: 0, body: String(e) });
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const summary = [...codes.entries()].sort((a, b) => a[0] - b[0]).map(([c, n]) => `${c}:${n}`).join(' ');
    console.log(`fuzz status codes: ${summary}`);
    const kinds = new Map<string, number>();
    for (const x of failures) {
      const key = `${x.planned.method} ${x.planned.contentType ?? ''} -> ${x.status} ${x.body ? 'bad body' : 'empty body'}`;
      kinds.set(key, (kinds.get(key) ?? 0) + 1);
    }
    if (kinds.size) console.log(`fuzz failures: ${[...kinds].map(([key, n]) => `${n}x ${key}`).join('; ')}`);
    expect(failures.slice(0, 10)).toEqual([]);
    expect([...codes.keys()].some((c) => c >= 200 && c < 300)).toBe(true);
    expect([...codes.keys()].filter((c) => c >= 400).length).toBeGreaterThan(3);

    const version = await fetch(`${cluster.url}/version`);
    expect(version.status).toBe(200);
    const list = await fetch(`${cluster.url}/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines`);
    expect(list.status).toBe(200);
  }, 120_000);
});
