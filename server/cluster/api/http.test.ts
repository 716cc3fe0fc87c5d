import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { errors } from '../store/index.js';
import { startTestServer, type TestServer } from '../../../test/support/cluster/test-server.js';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  await t.close();
});

const VMS = '/apis/kubevirt.io/v1/namespaces/default/virtualmachines';
const vm = (name: string) => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name, labels: { app: name } },
  spec: { runStrategy: 'Halted', template: { spec: {} } },
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(t.url + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions walk arbitrary JSON
  let json: Record<string, any> = {};
  try {
    json = JSON.parse(text);
  } catch {
    /* not json */
  }
  return { status: res.status, json, text, headers: res.headers };
}

/** A GET with exactly these headers (fetch would add and undo its own Accept-Encoding). */
function rawGet(
  path: string,
  headers: Record<string, string>,
): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(t.url + path, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('response compression', () => {
  it('gzips responses of 128 KiB or more for clients that accept it, like kube-apiserver', async () => {
    const labels = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`label-${i}`, `value-${i}`]));
    for (let i = 0; i < 150; i++) {
      expect((await call('POST', VMS, { ...vm(`vm-${i}`), metadata: { name: `vm-${i}`, labels } })).status).toBe(201);
    }
    const plain = await rawGet(VMS, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(128 * 1024);
    const zipped = await rawGet(VMS, { 'Accept-Encoding': 'gzip, deflate' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(plain.body.length / 5);
    const list = JSON.parse(gunzipSync(zipped.body).toString('utf8')) as { items: unknown[] };
    expect(list.items).toHaveLength(150);
    expect(
      (await rawGet(VMS, { 'Accept-Encoding': 'gzip;q=0, identity' })).headers['content-encoding'],
    ).toBeUndefined();
    // Small answers stay as they are.
    const one = await rawGet(`${VMS}/vm-1`, { 'Accept-Encoding': 'gzip' });
    expect(one.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(one.body.toString('utf8'))).toMatchObject({ metadata: { name: 'vm-1' } });
  });
});

describe('discovery', () => {
  it('serves groups, versions and resources with verbs, short names and subresources', async () => {
    expect((await call('GET', '/api')).json).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const groups = (await call('GET', '/apis')).json.groups as {
      name: string;
      preferredVersion: { version: string };
    }[];
    expect(groups.find((g) => g.name === 'kubevirt.io')?.preferredVersion.version).toBe('v1');
    const kv = (await call('GET', '/apis/kubevirt.io/v1')).json;
    const vms = kv.resources.find((r: { name: string }) => r.name === 'virtualmachines');
    expect(vms).toMatchObject({
      kind: 'VirtualMachine',
      namespaced: true,
      shortNames: ['vm', 'vms'],
      categories: ['all'],
    });
    expect(kv.resources.some((r: { name: string }) => r.name === 'virtualmachines/status')).toBe(true);
    expect(kv.resources.some((r: { name: string }) => r.name === 'virtualmachineinstances/status')).toBe(false);
    expect((await call('GET', '/apis/kubevirt.io/v1alpha3')).status).toBe(200);
    expect((await call('GET', '/version')).json.gitVersion).toMatch(/^v1\./);
    // as kube-apiserver: a Status under its own groups, plain text under any other (or a CRD's)
    expect((await call('GET', '/apis/apps/v9')).json).toMatchObject({
      code: 404,
      reason: 'NotFound',
      message: 'the server could not find the requested resource',
    });
    for (const p of ['/apis/nope.io/v1', '/apis/kubevirt.io/v9', '/apis/kubevirt.io/v1/namespaces/default/nothings']) {
      const r = await call('GET', p);
      expect([r.status, r.text]).toEqual([404, '404 page not found\n']);
    }
  });

  it('answers an OpenAPI v3 index whose documents declare fieldValidation on PATCH', async () => {
    const idx = (await call('GET', '/openapi/v3')).json;
    const url = idx.paths['apis/kubevirt.io/v1'].serverRelativeURL as string;
    const doc = (await call('GET', url)).json;
    const patch = doc.paths[`${VMS.replace('default', '{namespace}')}/{name}`].patch;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({
      group: 'kubevirt.io',
      version: 'v1',
      kind: 'VirtualMachine',
    });
    expect(patch.parameters.map((p: { name: string }) => p.name)).toContain('fieldValidation');
  });

  it('lists registered subresources like the aggregated KubeVirt API', async () => {
    t.api.addSubresource({
      group: 'subresources.kubevirt.io',
      versions: ['v1'],
      resource: 'virtualmachines',
      subresource: 'start',
      verbs: ['update'],
      handle: (ctx) => {
        if (ctx.name === 'missing') throw errors.notFound('kubevirt.io', 'virtualmachines', 'missing');
        return { status: 202, body: { got: ctx.body, ns: ctx.namespace } };
      },
    });
    const list = (await call('GET', '/apis/subresources.kubevirt.io/v1')).json;
    expect(list.resources).toEqual([
      { name: 'virtualmachines/start', singularName: '', namespaced: true, kind: '', verbs: ['update'] },
    ]);
    const ok = await call('PUT', '/apis/subresources.kubevirt.io/v1/namespaces/default/virtualmachines/a/start', {
      paused: true,
    });
    expect(ok.status).toBe(202);
    expect(ok.json).toEqual({ got: { paused: true }, ns: 'default' });
    expect(
      (await call('PUT', '/apis/subresources.kubevirt.io/v1/namespaces/default/virtualmachines/missing/start')).json
        .message,
    ).toBe('virtualmachines.kubevirt.io "missing" not found');
  });
});

describe('REST verbs', () => {
  it('creates, gets, lists in pages and reports errors worded like kube-apiserver', async () => {
    const created = await call('POST', VMS, vm('a'));
    expect(created.status).toBe(201);
    expect(created.json.metadata.uid).toBeTruthy();
    expect((await call('POST', VMS, vm('a'))).json).toMatchObject({ code: 409, reason: 'AlreadyExists' });
    await call('POST', VMS, { ...vm(''), metadata: { generateName: 'gen-' } });
    await call('POST', VMS, vm('c'));
    const p1 = (await call('GET', `${VMS}?limit=2`)).json;
    expect(p1.kind).toBe('VirtualMachineList');
    expect(p1.items).toHaveLength(2);
    const p2 = (await call('GET', `${VMS}?limit=2&continue=${encodeURIComponent(p1.metadata.continue)}`)).json;
    expect(p2.items).toHaveLength(1);
    expect((await call('GET', `${VMS}/zzz`)).json).toMatchObject({
      code: 404,
      message: 'virtualmachines.kubevirt.io "zzz" not found',
      details: { name: 'zzz', group: 'kubevirt.io', kind: 'virtualmachines' },
    });
    expect((await call('GET', '/apis/kubevirt.io/v1/namespaces/default/nothings')).status).toBe(404);
    expect((await call('GET', `${VMS}?continue=garbage`)).status).toBe(400);
    expect((await call('GET', `${VMS}?labelSelector=${encodeURIComponent('app in (a,c)')}`)).json.items).toHaveLength(
      2,
    );
    expect((await call('GET', `${VMS}?fieldSelector=spec.x%3Dy`)).json).toMatchObject({
      code: 400,
      message: 'field label not supported: spec.x',
    });
    expect((await call('GET', '/apis/kubevirt.io/v1/virtualmachines')).json.items).toHaveLength(3);
  });

  it('refuses malformed bodies with 4xx Status objects', async () => {
    expect((await call('POST', VMS, '{not json')).status).toBe(400);
    expect((await call('POST', VMS, '[]')).status).toBe(400);
    expect((await call('POST', VMS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } })).json.message).toBe(
      'the API version in the data (v1) does not match the expected API version (kubevirt.io/v1)',
    );
    expect((await call('POST', VMS, { ...vm('x'), metadata: { name: 'x', namespace: 'other' } })).status).toBe(400);
    expect((await call('POST', VMS, { ...vm('Bad') })).json).toMatchObject({ code: 422, reason: 'Invalid' });
    const big = await call('POST', VMS, { ...vm('big'), spec: { pad: 'x'.repeat(4 * 1024 * 1024) } });
    expect(big.json).toMatchObject({ code: 413, reason: 'RequestEntityTooLarge' });
    const yaml = await call(
      'POST',
      VMS,
      'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: from-yaml\nspec: {}\n',
      { 'Content-Type': 'application/yaml' },
    );
    expect(yaml.status).toBe(201);
  });

  it('updates with optimistic concurrency and the /status rules', async () => {
    const a = (await call('POST', VMS, vm('a'))).json;
    const noRv = structuredClone(a);
    delete noRv.metadata.resourceVersion;
    expect((await call('PUT', `${VMS}/a`, noRv)).json).toMatchObject({
      code: 422,
      message:
        'virtualmachines.kubevirt.io "a" is invalid: metadata.resourceVersion: Invalid value: 0: must be specified for an update',
    });
    const upd = await call('PUT', `${VMS}/a`, {
      ...a,
      spec: { runStrategy: 'Always' },
      status: { printableStatus: 'Nope' },
    });
    expect(upd.status).toBe(200);
    expect(upd.json.status).toBeUndefined();
    expect(upd.json.metadata.generation).toBe(2);
    expect((await call('PUT', `${VMS}/a`, a)).json).toMatchObject({ code: 409, reason: 'Conflict' });
    const st = await call('PUT', `${VMS}/a/status`, { ...upd.json, status: { printableStatus: 'Stopped' } });
    expect(st.json.status).toEqual({ printableStatus: 'Stopped' });
    expect((await call('PUT', `${VMS}/b`, vm('a'))).json.message).toBe(
      'the name of the object (a) does not match the name on the URL (b)',
    );
  });

  it('patches with every patch type and refuses strategic merge for custom resources', async () => {
    await call('POST', VMS, vm('a'));
    const m = await call(
      'PATCH',
      `${VMS}/a`,
      { metadata: { labels: { x: '1' } } },
      { 'Content-Type': 'application/merge-patch+json' },
    );
    expect(m.json.metadata.labels).toEqual({ app: 'a', x: '1' });
    const j = await call('PATCH', `${VMS}/a`, [{ op: 'add', path: '/metadata/labels/y', value: '2' }], {
      'Content-Type': 'application/json-patch+json',
    });
    expect(j.json.metadata.labels.y).toBe('2');
    const smp = await call('PATCH', `${VMS}/a`, {}, { 'Content-Type': 'application/strategic-merge-patch+json' });
    expect(smp.json).toMatchObject({
      code: 415,
      reason: 'UnsupportedMediaType',
      message:
        'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    });
    const applyYaml =
      'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: ap\nspec:\n  runStrategy: Always\n';
    const created = await call('PATCH', `${VMS}/ap?fieldManager=me`, applyYaml, {
      'Content-Type': 'application/apply-patch+yaml',
    });
    expect(created.status).toBe(201);
    expect(created.json.metadata.managedFields[0]).toMatchObject({ manager: 'me', operation: 'Apply' });
    const again = await call('PATCH', `${VMS}/ap?fieldManager=me`, applyYaml.replace('Always', 'Manual'), {
      'Content-Type': 'application/apply-patch+yaml',
    });
    expect(again.status).toBe(200);
    expect(again.json.spec.runStrategy).toBe('Manual');
    const other = await call('PATCH', `${VMS}/ap?fieldManager=other`, applyYaml.replace('Always', 'Halted'), {
      'Content-Type': 'application/apply-patch+yaml',
    });
    expect(other.json).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message: 'Apply failed with 1 conflict: conflict with "me": .spec.runStrategy',
    });
    const forced = await call(
      'PATCH',
      `${VMS}/ap?fieldManager=other&force=true`,
      applyYaml.replace('Always', 'Halted'),
      { 'Content-Type': 'application/apply-patch+yaml' },
    );
    expect(forced.json.spec.runStrategy).toBe('Halted');
    // a field set by an update conflicts with an apply that changes it, as in kube-apiserver
    const updated = await call('PATCH', `${VMS}/a?fieldManager=me`, applyYaml.replace('name: ap', 'name: a'), {
      'Content-Type': 'application/apply-patch+yaml',
    });
    expect(updated.json.message).toMatch(
      /^Apply failed with 1 conflict: conflict with "node" using kubevirt.io\/v1 at .*: \.spec\.runStrategy$/,
    );
    expect((await call('PATCH', `${VMS}/a`, 'x', { 'Content-Type': 'text/plain' })).status).toBe(415);
  });

  it('deletes with finalizers, dry runs and collections', async () => {
    await call('POST', VMS, { ...vm('a'), metadata: { name: 'a', finalizers: ['example.com/hold'] } });
    expect((await call('DELETE', `${VMS}/a?dryRun=All`)).json.metadata.deletionTimestamp).toBeTruthy();
    expect((await call('GET', `${VMS}/a`)).json.metadata.deletionTimestamp).toBeUndefined();
    const d = await call('DELETE', `${VMS}/a`);
    expect(d.status).toBe(200);
    expect(d.json.metadata.deletionTimestamp).toBeTruthy();
    await call(
      'PATCH',
      `${VMS}/a`,
      { metadata: { finalizers: null } },
      { 'Content-Type': 'application/merge-patch+json' },
    );
    expect((await call('GET', `${VMS}/a`)).status).toBe(404);
    await call('POST', VMS, vm('b'));
    await call('POST', VMS, vm('c'));
    const coll = await call('DELETE', VMS);
    expect(coll.json.items).toHaveLength(2);
    expect((await call('GET', VMS)).json.items).toHaveLength(0);
  });

  it('answers tables with a Name column first and the printer columns', async () => {
    await call('POST', VMS, vm('a'));
    const tbl = (
      await call('GET', VMS, undefined, { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' })
    ).json;
    expect(tbl.kind).toBe('Table');
    expect(tbl.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(['Name', 'Age', 'Status', 'Ready']);
    expect(tbl.rows[0].cells[0]).toBe('a');
    expect(tbl.rows[0].object.kind).toBe('PartialObjectMetadata');
  });

  it('answers SelfSubjectAccessReviews', async () => {
    const r = await call('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: {
        resourceAttributes: {
          verb: 'get',
          resource: 'virtualmachineinstances',
          subresource: 'vnc',
          group: 'subresources.kubevirt.io',
          namespace: 'default',
        },
      },
    });
    expect(r.status).toBe(201);
    expect(r.json.status.allowed).toBe(true);
  });

  it("answers SelfSubjectRulesReviews as kube-apiserver does: a namespace is required; AlwaysAllow's rules", async () => {
    const review = (spec: unknown) =>
      call('POST', '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectRulesReview',
        spec,
      });
    const missing = await review({});
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ kind: 'Status', reason: 'BadRequest', message: 'no namespace on request' });
    const r = await review({ namespace: 'default' });
    expect(r.status).toBe(201);
    expect(r.json).toEqual({
      kind: 'SelfSubjectRulesReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec: { namespace: 'default' },
      status: {
        resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
        nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
        incomplete: false,
      },
    });
  });
});

async function readLines(res: Response, n: number): Promise<string[]> {
  const reader = res.body!.getReader();
  const lines: string[] = [];
  let buf = '';
  while (lines.length < n) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += Buffer.from(value).toString('utf8');
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      lines.push(buf.slice(0, i));
      buf = buf.slice(i + 1);
    }
  }
  reader.releaseLock();
  return lines;
}

describe('watch', () => {
  it('streams each event over chunked HTTP while the response is still open', async () => {
    await call('POST', VMS, vm('a'));
    const ctrl = new AbortController();
    const res = await fetch(`${t.url}${VMS}?watch=1`, { signal: ctrl.signal });
    const first = await readLines(res, 1);
    expect(JSON.parse(first[0])).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'a' } } });
    await call('POST', VMS, vm('b'));
    const second = await readLines(res, 1);
    expect(JSON.parse(second[0])).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'b' } } });
    await call('DELETE', `${VMS}/b`);
    expect(JSON.parse((await readLines(res, 1))[0]).type).toBe('DELETED');
    ctrl.abort();
  });

  it('resumes from a resourceVersion and sends a 410 ERROR event when it is too old', async () => {
    const small = await startTestServer({ historySize: 2 });
    try {
      const a = (await (
        await fetch(`${small.url}${VMS}`, {
          method: 'POST',
          body: JSON.stringify(vm('a')),
          headers: { 'Content-Type': 'application/json' },
        })
      ).json()) as { metadata: { resourceVersion: string } };
      for (const n of ['b', 'c', 'd', 'e'])
        await fetch(`${small.url}${VMS}`, {
          method: 'POST',
          body: JSON.stringify(vm(n)),
          headers: { 'Content-Type': 'application/json' },
        });
      const res = await fetch(`${small.url}${VMS}?watch=1&resourceVersion=${a.metadata.resourceVersion}`);
      expect(res.status).toBe(200);
      const body = await res.text();
      const ev = JSON.parse(body.trim());
      expect(ev.type).toBe('ERROR');
      expect(ev.object).toMatchObject({ kind: 'Status', code: 410, reason: 'Expired' });
      expect(ev.object.message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
    } finally {
      await small.close();
    }
  });

  it('ends the watch after timeoutSeconds and sends bookmarks only when asked', async () => {
    const res = await fetch(`${t.url}${VMS}?watch=1&timeoutSeconds=1&resourceVersion=${t.store.resourceVersion}`);
    expect(await res.text()).toBe('');
  });

  it('streams events as websocket text frames', async () => {
    await call('POST', VMS, vm('a'));
    const ws = new WebSocket(`${t.url.replace('http', 'ws')}${VMS}?watch=1&labelSelector=app%3Db`);
    const frames: string[] = [];
    const got = new Promise<void>((resolve) =>
      ws.on('message', (data, isBinary) => {
        expect(isBinary).toBe(false);
        frames.push(data.toString());
        if (frames.length === 1) resolve();
      }),
    );
    await new Promise((r) => ws.on('open', r));
    await call('POST', VMS, vm('b'));
    await got;
    expect(JSON.parse(frames[0])).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'b' } } });
    ws.close();
  });
});
