import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { k8sCreate, k8sDelete, k8sGet, k8sListAll, k8sPatch, k8sPutSubresource, k8sUpdate } from './client';
import { readCookie } from './csrf';
import { K8sError, errorFromResponse } from './k8s-error';
import { PodModel, VirtualMachineModel } from './models';
import type { K8sResource } from './types';

interface Call {
  url: string;
  init: RequestInit;
}

let calls: Call[];
let replies: Array<() => Response>;

function reply(status: number, body: unknown, statusText = '') {
  replies.push(() => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, statusText }));
}

beforeEach(() => {
  calls = [];
  replies = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = replies.shift();
    if (!next) throw new TypeError('Failed to fetch');
    return next();
  });
  vi.stubGlobal('document', { cookie: 'theme=dark; csrf-token=abc%3D123; other=1' });
});
afterEach(() => vi.unstubAllGlobals());

const headers = (c: Call) => c.init.headers as Record<string, string>;

describe('errors', () => {
  it('carries the server Status: code, reason, message and causes', async () => {
    const status = {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      message: 'VirtualMachine.kubevirt.io "x" is invalid: spec.running: Invalid value',
      reason: 'Invalid',
      details: {
        name: 'x',
        kind: 'VirtualMachine',
        causes: [{ reason: 'FieldValueInvalid', message: 'bad', field: 'spec.running' }],
      },
      code: 422,
    };
    reply(422, status, 'Unprocessable Entity');
    const err = await k8sCreate(VirtualMachineModel, {
      metadata: { name: 'x', namespace: 'n' },
      spec: { template: {} },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(K8sError);
    const k = err as K8sError;
    expect(k.code).toBe(422);
    expect(k.reason).toBe('Invalid');
    expect(k.message).toBe(status.message);
    expect(k.causes).toEqual([{ reason: 'FieldValueInvalid', message: 'bad', field: 'spec.running' }]);
  });

  it('makes a Status from a non-Status error body', () => {
    const e = errorFromResponse(502, 'Bad Gateway', '<html>upstream down</html>');
    expect(e.status).toMatchObject({
      kind: 'Status',
      code: 502,
      reason: 'InternalError',
      message: '<html>upstream down</html>',
    });
    const empty = errorFromResponse(403, 'Forbidden', '');
    expect(empty.reason).toBe('Forbidden');
    expect(empty.message).toBe('403 Forbidden');
    expect(errorFromResponse(409, '', '{"not":"a status"}').reason).toBe('Conflict');
  });

  it('keeps the HTTP code when the Status has none', () => {
    expect(errorFromResponse(404, 'Not Found', '{"kind":"Status","message":"gone"}').code).toBe(404);
  });

  it('turns a network failure into a K8sError with code 0', async () => {
    const err = (await k8sGet(PodModel, 'p', { namespace: 'n' }).catch((e: unknown) => e)) as K8sError;
    expect(err).toBeInstanceOf(K8sError);
    expect(err.code).toBe(0);
    expect(err.reason).toBe('NetworkError');
  });
});

describe('requests', () => {
  it('GETs without the CSRF header', async () => {
    reply(200, { metadata: { name: 'p' } });
    expect(await k8sGet(PodModel, 'p', { namespace: 'n' })).toEqual({ metadata: { name: 'p' } });
    expect(calls[0].url).toBe('/api/kubernetes/api/v1/namespaces/n/pods/p');
    expect(calls[0].init.method).toBe('GET');
    expect(headers(calls[0])['X-CSRFToken']).toBeUndefined();
  });

  it('sends the csrf-token cookie as X-CSRFToken on writes', async () => {
    reply(201, {});
    await k8sCreate(PodModel, { metadata: { name: 'p', namespace: 'n' } }, { dryRun: true });
    expect(calls[0].url).toBe('/api/kubernetes/api/v1/namespaces/n/pods?dryRun=All');
    expect(calls[0].init.method).toBe('POST');
    expect(headers(calls[0])['X-CSRFToken']).toBe('abc=123');
    expect(headers(calls[0])['Content-Type']).toBe('application/json');
  });

  it('PUTs updates to the object URL taken from its metadata', async () => {
    reply(200, {});
    await k8sUpdate(VirtualMachineModel, {
      metadata: { name: 'vm', namespace: 'n', resourceVersion: '5' },
      spec: { template: {} },
    });
    expect(calls[0].url).toBe('/api/kubernetes/apis/kubevirt.io/v1/namespaces/n/virtualmachines/vm');
    expect(calls[0].init.method).toBe('PUT');
    expect(JSON.parse(calls[0].init.body as string).metadata.resourceVersion).toBe('5');
  });

  it('uses the content type of each patch kind', async () => {
    reply(200, {});
    reply(200, {});
    reply(200, {});
    await k8sPatch(VirtualMachineModel, 'vm', { spec: { runStrategy: 'Halted' } }, { namespace: 'n', type: 'merge' });
    await k8sPatch(VirtualMachineModel, 'vm', [{ op: 'replace', path: '/spec/runStrategy', value: 'Always' }], {
      namespace: 'n',
      type: 'json',
    });
    await k8sPatch(
      VirtualMachineModel,
      'vm',
      { metadata: { name: 'vm' }, spec: {} },
      { namespace: 'n', type: 'apply', force: true },
    );
    expect(calls.map((c) => headers(c)['Content-Type'])).toEqual([
      'application/merge-patch+json',
      'application/json-patch+json',
      'application/apply-patch+yaml',
    ]);
    expect(calls[2].url).toBe(
      '/api/kubernetes/apis/kubevirt.io/v1/namespaces/n/virtualmachines/vm?fieldManager=kubevirt-console&force=true',
    );
    expect(calls.every((c) => c.init.method === 'PATCH')).toBe(true);
  });

  it('DELETEs with DeleteOptions', async () => {
    reply(200, { kind: 'Status', status: 'Success' });
    await k8sDelete(VirtualMachineModel, 'vm', {
      namespace: 'n',
      propagationPolicy: 'Foreground',
      gracePeriodSeconds: 0,
    });
    expect(calls[0].init.method).toBe('DELETE');
    expect(JSON.parse(calls[0].init.body as string)).toEqual({
      kind: 'DeleteOptions',
      apiVersion: 'v1',
      propagationPolicy: 'Foreground',
      gracePeriodSeconds: 0,
    });
    expect(headers(calls[0])['X-CSRFToken']).toBe('abc=123');
  });

  it('PUTs KubeVirt subresources with an empty body answer', async () => {
    reply(202, '');
    expect(
      await k8sPutSubresource(VirtualMachineModel, 'vm', 'start', {}, { namespace: 'n', kubevirt: true }),
    ).toBeUndefined();
    expect(calls[0].url).toBe('/api/kubernetes/apis/subresources.kubevirt.io/v1/namespaces/n/virtualmachines/vm/start');
    expect(calls[0].init.method).toBe('PUT');
  });

  it('follows continue tokens and keeps the first page resourceVersion', async () => {
    reply(200, { metadata: { resourceVersion: '10', continue: 'tok 1' }, items: [{ metadata: { name: 'a' } }] });
    reply(200, { metadata: { resourceVersion: '11' }, items: [{ metadata: { name: 'b' } }] });
    const list = await k8sListAll(PodModel, { namespace: 'n', limit: 1 });
    expect(list.items.map((i) => i.metadata?.name)).toEqual(['a', 'b']);
    expect(list.metadata?.resourceVersion).toBe('10');
    expect(list.metadata?.continue).toBeUndefined();
    expect(calls[1].url).toBe('/api/kubernetes/api/v1/namespaces/n/pods?limit=1&continue=tok+1');
  });

  it('reports each page but the last, and asks later pages with nextLimit', async () => {
    reply(200, { metadata: { resourceVersion: '10', continue: 't1' }, items: [{ metadata: { name: 'a' } }] });
    reply(200, {
      metadata: { resourceVersion: '10', continue: 't2' },
      items: [{ metadata: { name: 'b' } }, { metadata: { name: 'c' } }],
    });
    reply(200, { metadata: { resourceVersion: '10' }, items: [{ metadata: { name: 'd' } }] });
    const reports: K8sResource[][] = [];
    const list = await k8sListAll(PodModel, { limit: 1, nextLimit: 2, onPage: (l) => reports.push(l.items) });
    const seen = reports.map((items) => items.map((i) => i.metadata?.name ?? ''));
    // Each report is its own array: later pages do not change what an earlier report showed.
    expect(seen).toEqual([['a'], ['a', 'b', 'c']]);
    expect(list.items.map((i) => i.metadata?.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(calls.map((c) => new URL(c.url, 'http://x').searchParams.get('limit'))).toEqual(['1', '2', '2']);
  });

  it('starts over when a continue token has expired (410), and fails after repeated expiries', async () => {
    const expired = { kind: 'Status', code: 410, reason: 'Expired', message: 'continue token too old' };
    reply(200, { metadata: { resourceVersion: '10', continue: 'old' }, items: [{ metadata: { name: 'stale' } }] });
    reply(410, expired);
    reply(200, { metadata: { resourceVersion: '20', continue: 'new' }, items: [{ metadata: { name: 'a' } }] });
    reply(200, { metadata: { resourceVersion: '20' }, items: [{ metadata: { name: 'b' } }] });
    const seen: string[][] = [];
    const list = await k8sListAll(PodModel, {
      limit: 1,
      onPage: (l) => seen.push(l.items.map((i) => i.metadata?.name ?? '')),
    });
    expect(list.items.map((i) => i.metadata?.name)).toEqual(['a', 'b']);
    expect(list.metadata?.resourceVersion).toBe('20');
    expect(seen).toEqual([['stale'], ['a']]);
    expect(calls[2].url).toBe('/api/kubernetes/api/v1/pods?limit=1');

    calls = [];
    for (let i = 0; i < 3; i++) {
      reply(200, { metadata: { resourceVersion: '30', continue: 'c' }, items: [] });
      reply(410, expired);
    }
    await expect(k8sListAll(PodModel, { limit: 1 })).rejects.toMatchObject({ code: 410 });
    expect(calls).toHaveLength(6);
  });
});

describe('readCookie', () => {
  it('finds a cookie by exact name', () => {
    expect(readCookie('a=1; csrf-token=x; b=2', 'csrf-token')).toBe('x');
    expect(readCookie('xcsrf-token=1', 'csrf-token')).toBeUndefined();
    expect(readCookie('', 'csrf-token')).toBeUndefined();
  });
});
