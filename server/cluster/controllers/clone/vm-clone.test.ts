/**
 * VirtualMachineClone against KubeVirt's contract (pkg/virt-controller/watch/clone/clone.go,
 * vm-target.go; admitters/vmclone-admitter.go): phases, the temporary snapshot and restore,
 * filters, new MAC and SMBios serial, a running source cloned through an online snapshot,
 * and a target name that is taken.
 */
import { describe, expect, it } from 'vitest';
import { subPath, useTestCluster, vmPath, waitFor, waitPrintable } from '../../../../test/support/cluster/lifecycle.js';
import { CLONE, SNAP, diskVm, inGuest, waitStatus } from '../../../../test/support/cluster/snapshots.js';

const env = useTestCluster();
const { api } = env;
let n = 0;

function clone(name: string, source: string, target: string, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'clone.kubevirt.io/v1beta1',
    kind: 'VirtualMachineClone',
    metadata: { name },
    spec: {
      source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: source },
      target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: target },
      ...extra,
    },
  };
}

async function sourceVm(runStrategy: string): Promise<string> {
  const ns = await api.createNamespace(`clone-${++n}`);
  expect((await api.req('POST', vmPath(ns), diskVm('db', 'csi-hostpath', runStrategy))).status).toBe(201);
  await waitPrintable(api, ns, 'db', runStrategy === 'Always' ? 'Running' : 'Stopped');
  return ns;
}

const succeeded = (s: Record<string, unknown>) => s.phase === 'Succeeded' && !s.restoreName;

describe('VirtualMachineClone', () => {
  it('of a running VM: through a snapshot and a restore to a new VM that boots with the disk’s files; filters, MAC, serial', async () => {
    const ns = await sourceVm('Always');
    await inGuest(api, ns, 'db', ['echo from-source > origin.txt']);
    const phases = new Set<string>();
    const r = await api.req(
      'POST',
      `${CLONE}/${ns}/virtualmachineclones`,
      clone('c1', 'db', 'db-clone', {
        labelFilters: ['*', '!team'],
        annotationFilters: ['!example.com/*'],
        newMacAddresses: { default: '02:00:00:00:00:99' },
        newSMBiosSerial: 'serial-clone',
      }),
    );
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const s = await waitStatus(
      api,
      `${CLONE}/${ns}/virtualmachineclones/c1`,
      (x) => {
        if (typeof x.phase === 'string') phases.add(x.phase);
        return succeeded(x);
      },
      'clone succeeded',
    );
    expect(s).toMatchObject({ phase: 'Succeeded', targetName: 'db-clone' });
    expect(s.conditions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'Progressing', status: 'False', reason: 'Ready' }),
        expect.objectContaining({ type: 'Ready', status: 'True', reason: 'Ready' }),
      ]),
    );
    expect(phases.has('Succeeded')).toBe(true);
    const vm = await api.get(vmPath(ns, 'db-clone'));
    expect((vm.metadata as { labels: Record<string, string> }).labels).toEqual({ app: 'db' });
    expect(
      (vm.metadata as { annotations?: Record<string, string> }).annotations?.['example.com/owner'],
    ).toBeUndefined();
    const domain = (vm.spec as { template: { spec: { domain: Record<string, { [k: string]: unknown }> } } }).template
      .spec.domain;
    expect((domain.devices.interfaces as { macAddress: string }[])[0].macAddress).toBe('02:00:00:00:00:99');
    expect(domain.firmware).toEqual({ serial: 'serial-clone', uuid: '' });
    // the temporary snapshot and restore are gone
    await waitFor('temporaries deleted', async () => {
      const snaps = (await api.req('GET', `${SNAP}/${ns}/virtualmachinesnapshots`)).json.items as unknown[];
      const restores = (await api.req('GET', `${SNAP}/${ns}/virtualmachinerestores`)).json.items as unknown[];
      return snaps.length === 0 && restores.length === 0;
    });
    // events name each step
    const events = (await api.req('GET', `/api/v1/namespaces/${ns}/events`)).json.items as { reason: string }[];
    for (const reason of [
      'SnapshotCreated',
      'SnapshotReady',
      'RestoreCreated',
      'RestoreReady',
      'TargetVMCreated',
      'PVCBound',
    ])
      expect(events.map((e) => e.reason)).toContain(reason);
    // the clone boots from its own copy of the disk
    expect((await api.req('PUT', subPath(ns, 'virtualmachines', 'db-clone', 'start'), {})).status).toBe(202);
    await waitPrintable(api, ns, 'db-clone', 'Running');
    expect(await inGuest(api, ns, 'db-clone', ['cat origin.txt'])).toContain('from-source');
    await inGuest(api, ns, 'db-clone', ['echo clone-only > mine.txt']);
    expect(await inGuest(api, ns, 'db', ['cat mine.txt'])).toContain('No such file or directory');
  });

  it('to a name a VM already has: the restore is refused, a Warning RestoreCreationFailed event says why', async () => {
    const ns = await sourceVm('Halted');
    await api.req('POST', vmPath(ns), diskVm('taken', 'local', 'Halted'));
    expect((await api.req('POST', `${CLONE}/${ns}/virtualmachineclones`, clone('c1', 'db', 'taken'))).status).toBe(201);
    await waitFor('RestoreCreationFailed', async () => {
      const events = (await api.req('GET', `/api/v1/namespaces/${ns}/events`)).json.items as {
        reason: string;
        message: string;
        type: string;
      }[];
      return events.find((e) => e.reason === 'RestoreCreationFailed');
    });
    const events = (await api.req('GET', `/api/v1/namespaces/${ns}/events`)).json.items as {
      reason: string;
      message: string;
      type: string;
    }[];
    const ev = events.find((e) => e.reason === 'RestoreCreationFailed');
    expect(ev?.type).toBe('Warning');
    expect(ev?.message).toContain('target VM must not exist');
    const c = await api.get(`${CLONE}/${ns}/virtualmachineclones/c1`);
    expect((c.status as { phase: string }).phase).toBe('RestoreInProgress');
  });

  it('of a VM that does not exist fails (SourceDoesNotExist)', async () => {
    const ns = await api.createNamespace(`clone-${++n}`);
    await api.req('POST', `${CLONE}/${ns}/virtualmachineclones`, clone('c1', 'ghost', 'copy'));
    const s = await waitStatus(api, `${CLONE}/${ns}/virtualmachineclones/c1`, (x) => x.phase === 'Failed', 'failed');
    expect(s.conditions).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'Ready', status: 'False', reason: 'Failed' })]),
    );
  });

  it('refuses bad input as virt-api does', async () => {
    const ns = await api.createNamespace(`clone-${++n}`);
    const same = await api.req('POST', `${CLONE}/${ns}/virtualmachineclones`, clone('c1', 'db', 'db'));
    expect(same.status).toBe(422);
    expect(same.json.message).toBe(
      'admission webhook "vm-clone-validator.kubevirt.io" denied the request: Target name cannot be equal to source name when both are VirtualMachines',
    );
    const bad = await api.req(
      'POST',
      `${CLONE}/${ns}/virtualmachineclones`,
      clone('c2', 'db', 'x', { labelFilters: ['a*b', '!'], newMacAddresses: { default: 'zz' } }),
    );
    expect(bad.status).toBe(422);
    expect((bad.json.details as { causes: { message: string }[] }).causes.map((c) => c.message)).toEqual([
      'spec.labels filter a*b is invalid: cannot contain a wildcard character (*); FilterRules: WildcardChar can be only at the end of the filter',
      'a negation character is not a valid filter',
      'interface default has malformed MAC address (zz).',
    ]);
  });
});
