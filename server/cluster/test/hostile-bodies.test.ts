/**
 * Hostile request bodies against the whole embedded cluster (controllers running): deep nesting
 * (issue 16 item 6) and amplification (item 7). Every answer is a Status with a 4xx, never a 500;
 * nothing refused is stored; the server keeps listing; no stack trace reaches the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type RunningCluster } from '../index.js';
import { MAX_DEPTH, MAX_OBJECT_BYTES } from '../store/limits.js';

let c: RunningCluster;
const logs: string[] = [];
beforeAll(async () => {
  c = await startCluster({ port: 0, seed: 'none', speed: 100, log: (m) => logs.push(m) });
});
afterAll(async () => {
  await c.close();
});

const VMS = '/apis/kubevirt.io/v1/namespaces/default/virtualmachines';
const PODS = '/api/v1/namespaces/default/pods';

async function call(method: string, path: string, body?: string, contentType = 'application/json') {
  const res = await fetch(c.url + path, { method, headers: { 'content-type': contentType }, body });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    /* not JSON */
  }
  return { status: res.status, json };
}

/** `{"a":{"a":...1}}` with `levels` objects, as text (the test's own JSON.stringify would overflow too). */
const nestedText = (levels: number, open = '{"a":', close = '}') => `${open.repeat(levels)}1${close.repeat(levels)}`;

function vmText(name: string, deep: string, running = false): string {
  const head = JSON.stringify({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name },
    spec: {
      runStrategy: running ? 'Always' : 'Halted',
      template: { metadata: { labels: { app: name } }, spec: { domain: { devices: {}, memory: { guest: '64Mi' } } } },
    },
  });
  // spec.template.metadata.annotations-like free-form field: KubeVirt's CRD preserves unknown fields there
  return head.replace('"labels":', `"x-deep":${deep},"labels":`);
}

const noStackTraces = () => expect(logs.filter((l) => /\n\s+at /.test(l))).toEqual([]);

describe('nesting', () => {
  it('refuses 5,000 and 10,001 levels with 400 on create, dry run, update and every patch type', async () => {
    expect((await call('POST', VMS, vmText('base', '1'))).status).toBe(201);
    for (const levels of [5_000, 10_001]) {
      const deep = nestedText(levels);
      const deepArrays = nestedText(levels, '[', ']');
      const tries = [
        await call('POST', VMS, vmText('deep', deep)),
        await call('POST', `${VMS}?dryRun=All`, vmText('deep', deepArrays)),
        await call('POST', VMS, vmText('deep', deep), 'application/yaml'),
        await call('PUT', `${VMS}/base`, vmText('base', deep)),
        await call('PATCH', `${VMS}/base`, `{"spec":${deep}}`, 'application/merge-patch+json'),
        await call(
          'PATCH',
          `${VMS}/base`,
          `[{"op":"add","path":"/spec/x","value":${deep}}]`,
          'application/json-patch+json',
        ),
        await call('PATCH', `${VMS}/base?fieldManager=t`, vmText('base', deep), 'application/apply-patch+yaml'),
        await call('PATCH', `${VMS}/base?dryRun=All`, `{"spec":${deep}}`, 'application/merge-patch+json'),
        await call('PATCH', `${PODS}/p`, `{"spec":${deep}}`, 'application/strategic-merge-patch+json'),
        await call('POST', PODS, `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":${deep}}`),
      ];
      for (const r of tries)
        expect({ status: r.status, reason: r.json.reason }).toEqual({ status: 400, reason: 'BadRequest' });
    }
    const list = await call('GET', VMS);
    expect(list.status).toBe(200);
    expect((list.json.items as unknown[]).length).toBe(1);
    noStackTraces();
  });

  it('refuses deep YAML (block, flow, compact, megabytes of brackets) before the YAML parser runs', async () => {
    let block = 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: y\nspec:\n';
    for (let i = 0; i < 1_000; i++) block += `${' '.repeat(2 + i)}a:\n`;
    const bodies = [
      block,
      `apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata: {name: y}\nspec: ${'['.repeat(5_000)}1${']'.repeat(5_000)}\n`,
      `apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata: {name: y}\nspec:\n  x: ${'- '.repeat(5_000)}1\n`,
      `spec: ${'['.repeat(2_500_000)}`,
      `spec: ${'{a: '.repeat(600_000)}`,
      `spec:\n${'- '.repeat(1_000_000)}`,
    ];
    for (const b of bodies) {
      const r = await call('POST', VMS, b, 'application/yaml');
      expect({ status: r.status, reason: r.json.reason }).toEqual({ status: 400, reason: 'BadRequest' });
    }
    expect((await call('GET', `${VMS}/y`)).status).toBe(404);
  });

  it('serves an object nested to the limit through every verb, list, watch and the controllers', async () => {
    // root, spec, template and metadata are 4 levels; x-deep's objects the rest
    const deep = nestedText(MAX_DEPTH - 4);
    const created = await call('POST', VMS, vmText('at-limit', deep, true));
    expect(created.status).toBe(201);
    expect((await call('POST', VMS, vmText('over-limit', nestedText(MAX_DEPTH - 3)))).status).toBe(400);
    expect((await call('GET', `${VMS}/at-limit`)).status).toBe(200);
    expect((await call('GET', `${VMS}?labelSelector=app`)).status).toBe(200);
    const watch = await fetch(`${c.url}${VMS}?watch=1&resourceVersion=0&timeoutSeconds=1`);
    expect(await watch.text()).toContain('"at-limit"');
    const table = await fetch(`${c.url}${VMS}`, {
      headers: { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' },
    });
    expect(table.status).toBe(200);
    // the VM controller copies the template into a VMI, the launcher pod follows
    const vmi = await waitFor(
      async () =>
        (await call('GET', '/apis/kubevirt.io/v1/namespaces/default/virtualmachineinstances/at-limit')).status === 200,
    );
    expect(vmi).toBe(true);
    // a stored object sent back whole (with its managedFields) is accepted
    const got = await fetch(`${c.url}${VMS}/at-limit`).then((r) => r.text());
    expect((await call('PUT', `${VMS}/at-limit`, got)).status).toBe(200);
    // merges that would stack nesting past the limit are refused; the object is unchanged
    const grow = `{"spec":{"template":{"metadata":{"x-deep":${nestedText(MAX_DEPTH - 4).replace('1', nestedText(50))}}}}}`;
    expect((await call('PATCH', `${VMS}/at-limit`, grow, 'application/merge-patch+json')).status).toBe(400);
    const copies = JSON.stringify(
      Array.from({ length: 8 }, () => ({
        op: 'copy',
        from: '/spec/template',
        path: '/spec/template/metadata/x-deep/a',
      })),
    );
    expect((await call('PATCH', `${VMS}/at-limit`, copies, 'application/json-patch+json')).status).toBe(400);
    expect(
      (await call('PATCH', `${VMS}/at-limit`, '{"metadata":{"labels":{"ok":"yes"}}}', 'application/merge-patch+json'))
        .status,
    ).toBe(200);
    expect((await call('DELETE', `${VMS}/at-limit`)).status).toBe(200);
    noStackTraces();
  });
});

describe('amplification', () => {
  it('refuses JSON-patch copy chains past the accumulated copy limit, and the object stays small', async () => {
    expect((await call('POST', VMS, vmText('amp', JSON.stringify({ pad: 'x'.repeat(1000) })))).status).toBe(201);
    // 16 copies, each doubling what the last built: 1 KB becomes 64 MB
    const ops = [{ op: 'add', path: '/spec/c', value: [] }];
    for (let i = 0; i < 16; i++)
      ops.push({ op: 'copy', from: i ? '/spec/c' : '/spec/template', path: `/spec/c/-` } as never);
    const r = await call('PATCH', `${VMS}/amp`, JSON.stringify(ops), 'application/json-patch+json');
    expect([413, 422]).toContain(r.status);
    expect(JSON.stringify((await call('GET', `${VMS}/amp`)).json).length).toBeLessThan(10_000);
  });

  it('refuses more than 10,000 JSON-patch operations with 413', async () => {
    const ops = Array.from({ length: 10_001 }, () => ({ op: 'test', path: '/kind', value: 'VirtualMachine' }));
    const r = await call('PATCH', `${VMS}/amp`, JSON.stringify(ops), 'application/json-patch+json');
    expect({ status: r.status, reason: r.json.reason }).toEqual({ status: 413, reason: 'RequestEntityTooLarge' });
    expect(
      (await call('PATCH', `${VMS}/amp`, JSON.stringify(ops.slice(1)), 'application/json-patch+json')).status,
    ).toBe(200);
  });

  it('refuses objects larger than etcd stores (1.5 MiB) with 413, however they are built', async () => {
    const pad = 'x'.repeat(MAX_OBJECT_BYTES);
    const created = await call('POST', VMS, vmText('huge', JSON.stringify(pad)));
    expect({ status: created.status, reason: created.json.reason }).toEqual({
      status: 413,
      reason: 'RequestEntityTooLarge',
    });
    // free-form fields KubeVirt's CRD preserves (unknown fields elsewhere are pruned before storage)
    const half = JSON.stringify('y'.repeat(MAX_OBJECT_BYTES / 2 + 10));
    expect(
      (
        await call(
          'PATCH',
          `${VMS}/amp`,
          `{"spec":{"template":{"metadata":{"a":${half}}}}}`,
          'application/merge-patch+json',
        )
      ).status,
    ).toBe(200);
    const merged = await call(
      'PATCH',
      `${VMS}/amp`,
      `{"spec":{"template":{"metadata":{"b":${half}}}}}`,
      'application/merge-patch+json',
    );
    expect(merged.status).toBe(413);
    const copied = await call(
      'PATCH',
      `${VMS}/amp`,
      '[{"op":"copy","from":"/spec/template/metadata/a","path":"/spec/template/metadata/b"}]',
      'application/json-patch+json',
    );
    expect(copied.status).toBe(413);
    expect((await call('GET', `${VMS}/amp`)).json).not.toHaveProperty('spec.template.metadata.b');
    noStackTraces();
  });
});

async function waitFor(cond: () => Promise<boolean>, tries = 200): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
