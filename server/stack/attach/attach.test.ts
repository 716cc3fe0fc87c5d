/**
 * The embedded cluster's KubeVirt, CDI, scheduler and kubelet simulation attached to a real
 * kube-apiserver over HTTPS (issue 20): a VM started there runs, with its launcher pod bound by
 * pods/binding, and the reflector relists when its resourceVersion is gone. Skipped, with the
 * reason, when Go or the stack build is not there.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { KObject } from '../../cluster/store/types.js';
import type { Stack } from '../index.js';
import { projectRoot, skipReason, startTestStack } from '../test-stack.js';
import { KCM_CONTROLLERS_WITH_SIMULATION, attachWithVirtApi, type Attached } from './index.js';
import { apiRequest } from '../client.js';
import { storeClient } from '../../cluster/runtime/store-client.js';
import { admit } from '../../cluster/admission/index.js';
import { createStore as createBareStore, type StatusError } from '../../cluster/store/index.js';
import WebSocket from 'ws';
import { Reflector } from './reflector.js';
import { resourcePath } from './remote-client.js';

if (skipReason) console.log(skipReason);

const VMS = 'virtualmachines.kubevirt.io';

/** An embedded store with the embedded cluster's admission chain, to compare answers with. */
function createStore() {
  const store = createBareStore();
  store.admit = admit;
  return store;
}
const VMIS = 'virtualmachineinstances.kubevirt.io';

async function until<T>(what: string, fn: () => T | undefined, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const users = [
  {
    name: 'viewer',
    token: 'viewer-token-0123456789',
    groups: [],
    roles: [{ role: 'view' as const, namespaces: ['default'] }],
  },
];

const cirros = () => {
  const vm = parse(
    readFileSync(path.join(projectRoot, 'test/fixtures/kubevirt-examples/vm-cirros.yaml'), 'utf8'),
  ) as KObject & {
    spec: { running?: boolean; runStrategy?: string };
  };
  delete vm.spec.running;
  return vm;
};

describe.skipIf(Boolean(skipReason))('simulation attached to a real kube-apiserver', () => {
  let stack: Stack;
  let attached: Attached;
  beforeAll(async () => {
    stack = await startTestStack(users, 20, KCM_CONTROLLERS_WITH_SIMULATION);
    attached = await attachWithVirtApi(stack);
  }, 240_000);
  afterAll(async () => {
    await attached?.close();
    await stack?.close();
  }, 60_000);

  it('runs a VM: VMI Running, launcher pod bound to a node and Running, conflicts on a second binding', async () => {
    const { client } = attached;
    const vm = parse(
      readFileSync(path.join(projectRoot, 'test/fixtures/kubevirt-examples/vm-cirros.yaml'), 'utf8'),
    ) as KObject & {
      spec: { running?: boolean; runStrategy?: string };
    };
    vm.metadata.namespace = 'default';
    delete vm.spec.running;
    vm.spec.runStrategy = 'Always';
    client.create(VMS, vm);
    const vmi = await until('the VMI to run', () => {
      const o = client.tryGet(VMIS, 'default', 'vm-cirros');
      return o?.status?.phase === 'Running' ? o : undefined;
    });
    expect(vmi.status?.nodeName).toMatch(/^node0\d$/);
    const pod = client.list('pods', { namespace: 'default', labelSelector: 'kubevirt.io=virt-launcher' }).items[0];
    expect(pod.spec?.nodeName).toBe(vmi.status?.nodeName);
    expect(pod.status?.phase).toBe('Running');
    // kube-apiserver's binding registry refuses a second assignment
    expect(() => client.bind('default', pod.metadata.name ?? '', 'node01')).toThrow(/already assigned to node/);
    const ready = await until('the VM to be ready', () => {
      const o = client.tryGet(VMS, 'default', 'vm-cirros');
      return o?.status?.printableStatus === 'Running' ? o : undefined;
    });
    expect(ready.status?.ready).toBe(true);
  }, 120_000);

  it('relists when the watch resourceVersion is too old (410 Gone), delivering what exists', async () => {
    const events: string[] = [];
    let reflector: Reflector | undefined;
    try {
      reflector = new Reflector(stack, resourcePath(VMS), {
        resourceVersion: '1',
        list: () => {
          const out = attached.client.list(VMS);
          return { items: out.items, resourceVersion: out.resourceVersion ?? '' };
        },
        onEvent: (type, obj) => events.push(`${type} ${obj.metadata.name}`),
        retryMs: 100,
      });
      reflector.start();
      await until('the relist', () => (events.includes('ADDED vm-cirros') ? true : undefined), 30_000);
      expect(reflector.lists).toBe(1);
    } finally {
      reflector?.stop();
    }
  }, 60_000);

  it('serves subresources.kubevirt.io as an aggregated API: RBAC by kube-apiserver, start and the serial console by virt-api', async () => {
    const { client } = attached;
    const vm = cirros();
    vm.metadata = { ...vm.metadata, name: 'halted', namespace: 'default' };
    vm.spec.runStrategy = 'Halted';
    client.create(VMS, vm);
    const start = '/apis/subresources.kubevirt.io/v1/namespaces/default/virtualmachines/halted/start';
    const denied = await apiRequest({ ...stack, token: users[0].token }, 'PUT', start, {});
    expect(denied.status).toBe(403);
    expect(denied.json().message).toContain(
      'cannot update resource "virtualmachines/start" in API group "subresources.kubevirt.io"',
    );
    expect((await apiRequest(stack, 'PUT', start, {})).status).toBe(202);
    await until('the VMI to run', () =>
      client.tryGet(VMIS, 'default', 'halted')?.status?.phase === 'Running' ? true : undefined,
    );
    const again = await apiRequest(stack, 'PUT', start, {});
    expect(again.status).toBe(409);
    expect(again.json().message).toContain('VM is already running');
    const text = await new Promise<string>((resolve, reject) => {
      const ws = new WebSocket(
        `${stack.url.replace('https', 'wss')}/apis/subresources.kubevirt.io/v1/namespaces/default/virtualmachineinstances/halted/console`,
        ['plain.kubevirt.io'],
        { ca: stack.ca, headers: { authorization: `Bearer ${stack.token}` } },
      );
      let got = '';
      ws.on('open', () => ws.send(Buffer.from('\r')));
      ws.on('message', (d: Buffer) => {
        got += d.toString('utf8');
        if (/login:/.test(got)) {
          ws.close();
          resolve(got);
        }
      });
      ws.on('error', reject);
      ws.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    expect(text).toMatch(/login:/);
  }, 120_000);

  it("answers with KubeVirt's webhooks: the same denial as the embedded cluster, and the mutator's defaults", async () => {
    const vm = cirros();
    vm.metadata = { ...vm.metadata, name: 'both', namespace: 'default' };
    Object.assign(vm.spec, { running: true, runStrategy: 'Always' });
    const path = '/apis/kubevirt.io/v1/namespaces/default/virtualmachines';
    const denied = await apiRequest(stack, 'POST', path, vm);
    let embedded: unknown;
    try {
      storeClient(createStore()).create(VMS, vm);
    } catch (e) {
      embedded = (e as StatusError).status;
    }
    expect(denied.status).toBe(422);
    const real = denied.json();
    expect(real.message).toContain('admission webhook "virtualmachine-validator.kubevirt.io" denied the request');
    expect(real.message).toContain('mutually exclusive');
    expect({ ...real, metadata: {} }).toEqual(embedded);
    // the mutating webhook's defaults are stored
    const created = await apiRequest(stack, 'POST', path, { ...cirros(), metadata: { name: 'defaulted' } });
    expect(created.status).toBe(201);
    const spec = (
      created.json().spec as { template: { spec: { architecture?: string; domain: { machine?: unknown } } } }
    ).template.spec;
    expect(spec.architecture).toBe('amd64');
    expect(spec.domain.machine).toEqual({ type: 'q35' });
  }, 60_000);
});
