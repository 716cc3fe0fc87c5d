import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { k8sGet } from './client';
import { earlyListUrls } from './early-fetch';
import { EARLY_KEY } from './early-store';
import { K8sError } from './k8s-error';
import { VirtualMachineInstanceModel, VirtualMachineModel } from './models';
import { defaultList } from './watch/watch-manager';

let calls: string[];

beforeEach(() => {
  calls = [];
  vi.stubGlobal('window', { location: { pathname: '/' } });
  vi.stubGlobal('fetch', async (url: string) => {
    calls.push(url);
    return new Response(JSON.stringify({ kind: 'List', metadata: { resourceVersion: '7' }, items: [] }));
  });
});
afterEach(() => vi.unstubAllGlobals());

const early = () => (window as unknown as Record<string, Record<string, unknown> | undefined>)[EARLY_KEY];

describe('earlyListUrls', () => {
  it('are the first-page URLs the VM list asks for, all namespaces or one', async () => {
    for (const [path, namespace] of [
      ['/k8s/all-namespaces/virtualmachines', undefined],
      ['/k8s/ns/team%20a/virtualmachines', 'team a'],
      ['/k8s/ns/default/virtualmachines/', 'default'],
    ] as const) {
      calls = [];
      await defaultList({ model: VirtualMachineModel, selector: { namespace } });
      await defaultList({ model: VirtualMachineInstanceModel, selector: { namespace } });
      expect(earlyListUrls(path)).toEqual(calls);
    }
  });

  it('are none off the VM list', () => {
    for (const path of [
      '/',
      '/k8s/ns/default/virtualmachines/vm-1',
      '/k8s/all-namespaces/pods',
      '/k8s/ns/%E0/virtualmachines',
    ])
      expect(earlyListUrls(path)).toEqual([]);
  });
});

describe('the early module', () => {
  async function loadEarly(pathname: string) {
    vi.stubGlobal('window', { location: { pathname } });
    vi.resetModules();
    await import('./early-fetch');
  }

  it('starts the list requests at once, and the app adopts each answer once instead of asking again', async () => {
    await loadEarly('/k8s/ns/default/virtualmachines');
    expect(calls).toEqual([
      '/api/kubernetes/apis/kubevirt.io/v1/namespaces/default/virtualmachines?limit=100',
      '/api/kubernetes/apis/kubevirt.io/v1/namespaces/default/virtualmachineinstances?limit=100',
    ]);
    const list = await defaultList({ model: VirtualMachineModel, selector: { namespace: 'default' } });
    expect(list.resourceVersion).toBe('7');
    expect(calls).toHaveLength(2);
    // A second list of the same URL (a re-list) asks the server.
    await defaultList({ model: VirtualMachineModel, selector: { namespace: 'default' } });
    expect(calls).toHaveLength(3);
    expect(Object.keys(early() ?? {})).toEqual([
      '/api/kubernetes/apis/kubevirt.io/v1/namespaces/default/virtualmachineinstances?limit=100',
    ]);
  });

  it('hands on an early error answer as the server sent it', async () => {
    vi.stubGlobal('fetch', async (url: string) => {
      calls.push(url);
      return new Response(JSON.stringify({ kind: 'Status', code: 403, reason: 'Forbidden', message: 'no' }), {
        status: 403,
        statusText: 'Forbidden',
      });
    });
    await loadEarly('/k8s/all-namespaces/virtualmachines');
    const err = await defaultList({ model: VirtualMachineModel, selector: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(K8sError);
    expect((err as K8sError).code).toBe(403);
    expect(calls).toHaveLength(2);
  });

  it('asks again when the early request failed on the network', async () => {
    let fail = true;
    vi.stubGlobal('fetch', async (url: string) => {
      calls.push(url);
      if (fail) throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify({ kind: 'List', metadata: { resourceVersion: '9' }, items: [] }));
    });
    await loadEarly('/k8s/all-namespaces/virtualmachines');
    fail = false;
    const list = await defaultList({ model: VirtualMachineModel, selector: {} });
    expect(list.resourceVersion).toBe('9');
    expect(calls).toHaveLength(3);
  });

  it('is not adopted by other requests', async () => {
    await loadEarly('/k8s/all-namespaces/virtualmachines');
    await k8sGet(VirtualMachineModel, 'vm-1', { namespace: 'default' });
    expect(calls).toHaveLength(3);
    expect(Object.keys(early() ?? {})).toHaveLength(2);
  });
});
