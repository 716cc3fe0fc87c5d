/**
 * VirtualMachineSnapshot → VirtualMachineSnapshotContent → VolumeSnapshots, against KubeVirt's
 * contract (pkg/storage/snapshot/snapshot.go, source.go): phases, conditions, indications, the
 * source lock, readyToUse, the storage class rules, deletion, and the guest's files copied.
 */
import { describe, expect, it } from 'vitest';
import { useTestCluster, vmPath, waitFor, waitPrintable } from '../../../../test/support/cluster/lifecycle.js';
import {
  SNAP,
  VS,
  agentConnected,
  diskVm,
  getStatus,
  inGuest,
  vmSnapshot,
  waitStatus,
} from '../../../../test/support/cluster/snapshots.js';

const env = useTestCluster();
const { api } = env;
let n = 0;

async function runningVm(storageClass: string, runStrategy = 'Always'): Promise<string> {
  const ns = await api.createNamespace(`snap-${++n}`);
  const r = await api.req('POST', vmPath(ns), diskVm('db', storageClass, runStrategy));
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  await waitPrintable(api, ns, 'db', runStrategy === 'Always' ? 'Running' : 'Stopped');
  return ns;
}

const ready = (s: Record<string, unknown>) => s.readyToUse === true;

describe('VirtualMachineSnapshot', () => {
  it('of a running VM on a snapshot-capable class: content, VolumeSnapshots, Succeeded and ready, online indications', async () => {
    const ns = await runningVm('csi-hostpath');
    await agentConnected(api, ns, 'db');
    const vm = await api.get(vmPath(ns, 'db'));
    expect((vm.status as { volumeSnapshotStatuses?: unknown }).volumeSnapshotStatuses).toEqual([
      { name: 'root', enabled: true },
      { name: 'cloudinit', enabled: false, reason: 'Snapshot is not supported for this volumeSource type [cloudinit]' },
    ]);
    expect((await api.req('POST', `${SNAP}/${ns}/virtualmachinesnapshots`, vmSnapshot('s1', 'db'))).status).toBe(201);
    const s = await waitStatus(api, `${SNAP}/${ns}/virtualmachinesnapshots/s1`, ready, 'snapshot ready');
    const snap = await api.get(`${SNAP}/${ns}/virtualmachinesnapshots/s1`);
    const uid = (snap.metadata as { uid: string; finalizers?: string[] }).uid;
    expect((snap.metadata as { finalizers?: string[] }).finalizers).toEqual([
      'snapshot.kubevirt.io/vmsnapshot-protection',
    ]);
    expect(s).toMatchObject({
      phase: 'Succeeded',
      readyToUse: true,
      sourceUID: (vm.metadata as { uid: string }).uid,
      virtualMachineSnapshotContentName: `vmsnapshot-content-${uid}`,
      indications: ['GuestAgent', 'Online'],
      snapshotVolumes: { includedVolumes: ['root'], excludedVolumes: ['cloudinit'] },
    });
    expect(s.creationTime).toEqual(expect.any(String));
    const conds = Object.fromEntries(
      (s.conditions as { type: string; status: string; reason: string }[]).map((c) => [c.type, [c.status, c.reason]]),
    );
    expect(conds).toEqual({ Progressing: ['False', 'Operation complete'], Ready: ['True', 'Ready'] });
    const content = await api.get(`${SNAP}/${ns}/virtualmachinesnapshotcontents/vmsnapshot-content-${uid}`);
    expect(content.spec).toMatchObject({
      virtualMachineSnapshotName: 's1',
      source: { virtualMachine: { metadata: { name: 'db' }, spec: { runStrategy: 'Always' } } },
      volumeBackups: [
        {
          volumeName: 'root',
          persistentVolumeClaim: { metadata: { name: 'db-root' }, spec: { storageClassName: 'csi-hostpath' } },
          volumeSnapshotName: `vmsnapshot-${uid}-volume-root`,
        },
      ],
    });
    expect(content.status).toMatchObject({ readyToUse: true });
    const vs = await api.get(`${VS}/${ns}/volumesnapshots/vmsnapshot-${uid}-volume-root`);
    expect(vs.spec).toEqual({
      source: { persistentVolumeClaimName: 'db-root' },
      volumeSnapshotClassName: 'csi-hostpath-snapclass',
    });
    expect(vs.status).toMatchObject({ readyToUse: true, restoreSize: '1Gi' });
    expect((vs.metadata as { ownerReferences: unknown[] }).ownerReferences).toEqual([
      expect.objectContaining({ kind: 'VirtualMachineSnapshotContent', controller: true }),
    ]);
    // unlocked once done: no snapshotInProgress, no source finalizer
    await waitFor('VM unlocked', async () => {
      const cur = await api.get(vmPath(ns, 'db'));
      return (
        !(cur.status as { snapshotInProgress?: string }).snapshotInProgress &&
        !((cur.metadata as { finalizers?: string[] }).finalizers ?? []).includes(
          'snapshot.kubevirt.io/snapshot-source-protection',
        )
      );
    });
  });

  it('locks the source while in progress (status.snapshotInProgress), freezes the guest with an agent and thaws it after', async () => {
    const ns = await runningVm('csi-hostpath');
    await agentConnected(api, ns, 'db');
    const freezes: (string | undefined)[] = [];
    const stop = env.cluster.store.watch('virtualmachineinstances.kubevirt.io', { namespace: ns }, ({ object }) => {
      const state = (object.status as { fsFreezeStatus?: string } | undefined)?.fsFreezeStatus;
      if (freezes.at(-1) !== state) freezes.push(state);
    });
    await api.req('POST', `${SNAP}/${ns}/virtualmachinesnapshots`, vmSnapshot('s1', 'db'));
    await waitFor('locked', async () => {
      const vm = await api.get(vmPath(ns, 'db'));
      return (vm.status as { snapshotInProgress?: string }).snapshotInProgress === 's1';
    });
    await waitStatus(api, `${SNAP}/${ns}/virtualmachinesnapshots/s1`, ready, 'ready');
    const vmi = await api.get(`/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachineinstances/db`);
    expect((vmi.status as { fsFreezeStatus?: string }).fsFreezeStatus).toBeUndefined();
    stop();
    expect(freezes).toEqual(['frozen', undefined]); // thawed (unset) before, frozen, thawed after
  });

  it('on a class without a VolumeSnapshotClass: the disk is left out (Partial), as the VM status says', async () => {
    const ns = await runningVm('local', 'Halted');
    const vm = await api.get(vmPath(ns, 'db'));
    expect((vm.status as { volumeSnapshotStatuses: unknown[] }).volumeSnapshotStatuses[0]).toEqual({
      name: 'root',
      enabled: false,
      reason: 'No VolumeSnapshotClass: Volume snapshots are not configured for this StorageClass [local] [root]',
    });
    await api.req('POST', `${SNAP}/${ns}/virtualmachinesnapshots`, vmSnapshot('s1', 'db'));
    const s = await waitStatus(api, `${SNAP}/${ns}/virtualmachinesnapshots/s1`, ready, 'ready');
    expect(s.indications).toEqual(['Partial']);
    expect(s.snapshotVolumes).toEqual({ excludedVolumes: ['root', 'cloudinit'] });
    const list = await api.req('GET', `${VS}/${ns}/volumesnapshots`);
    expect((list.json.items as unknown[]).length).toBe(0);
  });

  it('of a VM that does not exist waits (InProgress, "Source does not exist") and proceeds once it is created', async () => {
    const ns = await api.createNamespace(`snap-${++n}`);
    expect((await api.req('POST', `${SNAP}/${ns}/virtualmachinesnapshots`, vmSnapshot('early', 'later'))).status).toBe(
      201,
    );
    const s = await waitStatus(
      api,
      `${SNAP}/${ns}/virtualmachinesnapshots/early`,
      (x) => Array.isArray(x.conditions),
      'status',
    );
    expect(s).toMatchObject({ phase: 'InProgress', readyToUse: false });
    expect(s.conditions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'Progressing', status: 'False', reason: 'Source does not exist' }),
        expect.objectContaining({ type: 'Ready', status: 'False', reason: 'Not ready' }),
      ]),
    );
    await api.req('POST', vmPath(ns), { ...diskVm('later', 'csi-hostpath', 'Halted') });
    await waitStatus(api, `${SNAP}/${ns}/virtualmachinesnapshots/early`, ready, 'ready after the VM appears');
  });

  it('copies the guest disk: a file written before the snapshot is in the VolumeSnapshot', async () => {
    const ns = await runningVm('csi-hostpath');
    await inGuest(api, ns, 'db', ['echo before > note.txt']);
    await api.req('POST', `${SNAP}/${ns}/virtualmachinesnapshots`, vmSnapshot('s1', 'db'));
    await waitStatus(api, `${SNAP}/${ns}/virtualmachinesnapshots/s1`, ready, 'ready');
    expect(await inGuest(api, ns, 'db', ['echo after > note.txt', 'cat note.txt'])).toContain('after');
    const pvc = await api.get(`/api/v1/namespaces/${ns}/persistentvolumeclaims/db-root`);
    const volume = (pvc.spec as { volumeName: string }).volumeName;
    const { volumes } = env.cluster.controllers.ctx;
    expect(volumes.files(volume).get('/home/fedora/note.txt')).toBe('after\n');
    const vsList = (await api.req('GET', `${VS}/${ns}/volumesnapshots`)).json.items as { metadata: { uid: string } }[];
    expect(volumes.hasSnapshot(`snapshot-${vsList[0].metadata.uid}`)).toBe(true);
  });

  it('deleted: its content and VolumeSnapshots go, the finalizer lets it go', async () => {
    const ns = await runningVm('csi-hostpath', 'Halted');
    await api.req('POST', `${SNAP}/${ns}/virtualmachinesnapshots`, vmSnapshot('s1', 'db'));
    await waitStatus(api, `${SNAP}/${ns}/virtualmachinesnapshots/s1`, ready, 'ready');
    expect((await api.req('DELETE', `${SNAP}/${ns}/virtualmachinesnapshots/s1`)).status).toBe(200);
    await waitFor(
      'snapshot gone',
      async () => (await api.req('GET', `${SNAP}/${ns}/virtualmachinesnapshots/s1`)).status === 404,
    );
    await waitFor('contents gone', async () => {
      const c = await api.req('GET', `${SNAP}/${ns}/virtualmachinesnapshotcontents`);
      const v = await api.req('GET', `${VS}/${ns}/volumesnapshots`);
      return (c.json.items as unknown[]).length === 0 && (v.json.items as unknown[]).length === 0;
    });
    expect(await getStatus(api, vmPath(ns, 'db'))).not.toHaveProperty('snapshotInProgress');
  });
});
