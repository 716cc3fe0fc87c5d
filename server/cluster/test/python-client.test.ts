/**
 * Debian's python3-kubernetes against the embedded cluster: its official examples create typed
 * objects without apiVersion/kind, and its watches send `watch=True`. kube-apiserver reads a
 * boolean query parameter with Convert_Slice_string_To_bool
 * (k8s.io/apimachinery/pkg/runtime/conversion.go): only "false" (any case) and "0" are false.
 * Skipped, with the reason, where /usr/bin/python3 cannot import the kubernetes package.
 */
import { spawnSync, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJudgeCluster, type JudgeCluster } from '../../../test/support/cluster/judge-cluster.js';

const PYTHON = '/usr/bin/python3';
const probe = spawnSync(PYTHON, ['-c', 'import kubernetes'], { encoding: 'utf8' });
const missing = probe.error || probe.status !== 0;
if (missing)
  console.warn(
    `skipping the Python client tests: ${PYTHON} cannot import kubernetes (apt-get install python3-kubernetes)`,
  );

const SCRIPT = String.raw`
import json, sys
from kubernetes import client, watch
cfg = client.Configuration()
cfg.host = sys.argv[1]
api = client.CoreV1Api(client.ApiClient(cfg))
api.create_namespace(client.V1Namespace(metadata=client.V1ObjectMeta(name="py-watch")))
seen = []
w = watch.Watch()
for ev in w.stream(api.list_namespace, timeout_seconds=20):
    seen.append([ev["type"], ev["object"].metadata.name])
    if ev["object"].metadata.name == "py-late":
        w.stop()
print(json.dumps(seen))
`;

let cluster: JudgeCluster;
beforeAll(async () => {
  cluster = await startJudgeCluster();
});
afterAll(async () => {
  await cluster?.close();
});

describe.skipIf(missing)('python3-kubernetes', () => {
  it('creates a namespace from metadata alone and watches namespaces with watch=True', async () => {
    const child = spawn(PYTHON, ['-c', SCRIPT, cluster.url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const done = new Promise<number | null>((resolve) => child.on('close', resolve));
    // a namespace created after the client's own must arrive as ADDED too
    for (let i = 0; i < 400; i++) {
      const r = await fetch(`${cluster.url}/api/v1/namespaces/py-watch`);
      if (r.status === 200) break;
      await new Promise((res) => setTimeout(res, 50));
    }
    const created = await fetch(`${cluster.url}/api/v1/namespaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ metadata: { name: 'py-late' } }),
    });
    expect(created.status).toBe(201);
    expect(await done, err).toBe(0);
    const seen = JSON.parse(out) as [string, string][];
    expect(seen).toContainEqual(['ADDED', 'py-watch']);
    expect(seen).toContainEqual(['ADDED', 'py-late']);
  });
});

describe('boolean query parameters', () => {
  it('watch=True, watch= and watch=yes stream events; watch=False and watch=0 list', async () => {
    const kindOf = async (q: string) => {
      const ctrl = new AbortController();
      const res = await fetch(`${cluster.url}/api/v1/namespaces?${q}&timeoutSeconds=1`, { signal: ctrl.signal });
      const reader = res.body!.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      ctrl.abort();
      return (JSON.parse(first.split('\n')[0]) as { kind?: string; type?: string }).type ?? 'list';
    };
    for (const q of ['watch=True', 'watch=', 'watch=yes', 'watch=TRUE']) expect(await kindOf(q), q).toBe('ADDED');
    for (const q of ['watch=False', 'watch=0', 'watch=false']) expect(await kindOf(q), q).toBe('list');
  });
});
