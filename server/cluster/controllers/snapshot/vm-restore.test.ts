/**
 * VirtualMachineRestore against KubeVirt's contract (pkg/storage/snapshot/restore.go, and
 * pkg/virt-api/webhooks/validating-webhook/admitters/vmrestore-admitter.go for what is refused):
 * the same VM (stopped) gets its disks back from the snapshot, a new target name gets a new VM,
 * and the guest's files follow the disks.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { subPath, useTestCluster, vmPath, waitFor, waitPrintable } from '../../../../test/support/cluster/lifecycle.js';
import {
  SNAP,
  diskVm,
  getStatus,
  inGuest,
  vmRestore,
  vmSnapshot,
  waitStatus,
} from '../../../../test/support/cluster/snapshots.js';

const env = useTestCluster();
const { api } = env;
let n = 0;

async function snapshotted(): Promise<string> {
  const ns = await api.createNamespace(`restore-${++n}`);
  expect((await api.req('POST', vmPath(ns), diskVm('db', 'csi-hostpath'))).status).toBe(201);
  await waitPrintable(api, ns, 'db', 'Running');
  await inGuest(api, ns, 'db', ['echo kept > kept.txt']);
  await api.req('POST', `${SNAP}/${ns}/virtualmachinesnapshots`, vmSnapshot('s1', 'db'));
  await waitStatus(api, `${SNAP}/${ns}/virtualmachinesnapshots/s1`, (s) => s.readyToUse === true, 'snapshot ready');
  return ns;
}

const stop = async (ns: string) => {
  expect((await api.req('PUT', subPath(ns, 'virtualmachines', 'db', 'stop'), {})).status).toBe(202);
  await waitPrintable(api, ns, 'db', 'Stopped');
};
const complete = (s: Record<string, unknown>) => s.complete === true;

describe('VirtualMachineRestore', () => {
  it('to a running VM is refused with KubeVirt’s message', async () => {
    const ns = await snapshotted();
    const r = await api.req('POST', `${SNAP}/${ns}/virtualmachinerestores`, vmRestore('r1', 's1', 'db'));
    expect(r.status).toBe(422);
    expect(r.json.message).toBe(
      'admission webhook "virtualmachinerestore-validator.snapshot.kubevirt.io" denied the request: VirtualMachineInstance "db" exists, VM must be stopped before restore',
    );
    expect((r.json.details as { causes: unknown[] }).causes).toEqual([
      {
        reason: 'FieldValueInvalid',
        message: 'VirtualMachineInstance "db" exists, VM must be stopped before restore',
        field: 'spec.target',
      },
    ]);
  });

  it('refuses a snapshot that does not exist, and a spec change', async () => {
    const ns = await snapshotted();
    await stop(ns);
    const r = await api.req('POST', `${SNAP}/${ns}/virtualmachinerestores`, vmRestore('r1', 'nope', 'db'));
    expect(r.status).toBe(422);
    expect(r.json.message).toContain('VirtualMachineSnapshot "nope" does not exist');
    expect((await api.req('POST', `${SNAP}/${ns}/virtualmachinerestores`, vmRestore('r2', 's1', 'db'))).status).toBe(
      201,
    );
    const patch = await api.req(
      'PATCH',
      `${SNAP}/${ns}/virtualmachinerestores/r2`,
      { spec: { virtualMachineSnapshotName: 'other' } },
      'application/merge-patch+json',
    );
    expect(patch.status).toBe(422);
    expect(patch.json.message).toContain('spec in immutable after creation');
  });

  it('to the same stopped VM: new PVC and DataVolume from the VolumeSnapshot, the file written after the snapshot is gone', async () => {
    const ns = await snapshotted();
    await inGuest(api, ns, 'db', ['echo gone > after.txt', 'sync']);
    await stop(ns);
    expect((await api.req('POST', `${SNAP}/${ns}/virtualmachinerestores`, vmRestore('r1', 's1', 'db'))).status).toBe(
      201,
    );
    const s = await waitStatus(api, `${SNAP}/${ns}/virtualmachinerestores/r1`, complete, 'restore complete');
    const restore = await api.get(`${SNAP}/${ns}/virtualmachinerestores/r1`);
    const uid = (restore.metadata as { uid: string }).uid;
    const claim = `restore-${uid}-root`;
    expect(s.restores).toEqual([
      {
        volumeName: 'root',
        persistentVolumeClaim: claim,
        volumeSnapshotName: expect.stringMatching(/^vmsnapshot-.*-volume-root$/),
        dataVolumeName: claim,
      },
    ]);
    expect(s.deletedDataVolumes).toEqual(['db-root']);
    expect(s.restoreTime).toEqual(expect.any(String));
    expect(s.conditions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'Progressing', status: 'False', reason: 'Operation complete' }),
        expect.objectContaining({ type: 'Ready', status: 'True', reason: 'Operation complete' }),
      ]),
    );
    expect((restore.metadata as { ownerReferences: unknown[] }).ownerReferences).toEqual([
      expect.objectContaining({ kind: 'VirtualMachine', name: 'db', controller: true }),
    ]);
    const vm = await api.get(vmPath(ns, 'db'));
    const spec = vm.spec as {
      runStrategy: string;
      dataVolumeTemplates: { metadata: { name: string } }[];
      template: { spec: { volumes: { name: string; dataVolume?: { name: string } }[] } };
    };
    expect(spec.runStrategy).toBe('Halted');
    expect(spec.dataVolumeTemplates.map((t) => t.metadata.name)).toEqual([claim]);
    expect(spec.template.spec.volumes[0]).toEqual({ name: 'root', dataVolume: { name: claim } });
    expect(
      (vm.metadata as { annotations: Record<string, string> }).annotations['restore.kubevirt.io/lastRestoreUID'],
    ).toBe(`r1-${uid}`);
    expect((vm.status as { restoreInProgress?: string }).restoreInProgress).toBeUndefined();
    const pvc = await api.get(`/api/v1/namespaces/${ns}/persistentvolumeclaims/${claim}`);
    expect(pvc.spec).toMatchObject({
      storageClassName: 'csi-hostpath',
      dataSource: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot' },
    });
    expect((pvc.metadata as { annotations: Record<string, string> }).annotations).toMatchObject({
      'restore.kubevirt.io/name': 'r1',
      'cdi.kubevirt.io/storage.populatedFor': claim,
    });
    await waitFor('old DataVolume deleted', async () => {
      const r = await api.req('GET', `/apis/cdi.kubevirt.io/v1beta1/namespaces/${ns}/datavolumes/db-root`);
      return r.status === 404;
    });
    // the guest boots from the restored disk
    expect((await api.req('PUT', subPath(ns, 'virtualmachines', 'db', 'start'), {})).status).toBe(202);
    await waitPrintable(api, ns, 'db', 'Running');
    expect(await inGuest(api, ns, 'db', ['ls'])).toContain('kept.txt');
    expect(await inGuest(api, ns, 'db', ['cat after.txt'])).toContain('No such file or directory');
  });

  it('deleting the snapshot a completed restore used: the snapshot and its content go, the restore and the restored disk stay', async () => {
    const ns = await snapshotted();
    await stop(ns);
    expect((await api.req('POST', `${SNAP}/${ns}/virtualmachinerestores`, vmRestore('r1', 's1', 'db'))).status).toBe(
      201,
    );
    const done = await waitStatus(api, `${SNAP}/${ns}/virtualmachinerestores/r1`, complete, 'restore complete');
    const claim = (done.restores as { persistentVolumeClaim: string }[])[0].persistentVolumeClaim;
    const content = (await getStatus(api, `${SNAP}/${ns}/virtualmachinesnapshots/s1`))
      .virtualMachineSnapshotContentName as string;
    expect((await api.req('DELETE', `${SNAP}/${ns}/virtualmachinesnapshots/s1`)).status).toBe(200);
    await waitFor('snapshot and content gone', async () => {
      const a = await api.req('GET', `${SNAP}/${ns}/virtualmachinesnapshots/s1`);
      const b = await api.req('GET', `${SNAP}/${ns}/virtualmachinesnapshotcontents/${content}`);
      return a.status === 404 && b.status === 404;
    });
    expect(await getStatus(api, `${SNAP}/${ns}/virtualmachinerestores/r1`)).toMatchObject({ complete: true });
    const pvc = await api.get(`/api/v1/namespaces/${ns}/persistentvolumeclaims/${claim}`);
    expect((pvc.status as { phase: string }).phase).toBe('Bound');
    expect((await api.req('PUT', subPath(ns, 'virtualmachines', 'db', 'start'), {})).status).toBe(202);
    await waitPrintable(api, ns, 'db', 'Running');
    expect(await inGuest(api, ns, 'db', ['ls'])).toContain('kept.txt');
  });

  it('to a new VM name: a new stopped VM with its own restored disk', async () => {
    const ns = await snapshotted();
    expect(
      (await api.req('POST', `${SNAP}/${ns}/virtualmachinerestores`, vmRestore('r1', 's1', 'db-copy'))).status,
    ).toBe(201);
    const s = await waitStatus(api, `${SNAP}/${ns}/virtualmachinerestores/r1`, complete, 'restore complete');
    const copy = await api.get(vmPath(ns, 'db-copy'));
    expect(copy.metadata).toMatchObject({ labels: { app: 'db', team: 'qa' } });
    expect((copy.spec as { runStrategy: string }).runStrategy).toBe('Halted');
    const claim = (s.restores as { persistentVolumeClaim: string }[])[0].persistentVolumeClaim;
    expect((copy.spec as { template: { spec: { volumes: unknown[] } } }).template.spec.volumes[0]).toEqual({
      name: 'root',
      dataVolume: { name: claim },
    });
    // the source VM is untouched and still running
    await waitPrintable(api, ns, 'db', 'Running');
    expect((await api.req('PUT', subPath(ns, 'virtualmachines', 'db-copy', 'start'), {})).status).toBe(202);
    await waitPrintable(api, ns, 'db-copy', 'Running');
    expect(await inGuest(api, ns, 'db-copy', ['cat kept.txt'])).toContain('kept');
    // a second restore onto that (different) VM is refused
    await api.req('PUT', subPath(ns, 'virtualmachines', 'db-copy', 'stop'), {});
    await waitPrintable(api, ns, 'db-copy', 'Stopped');
    const again = await api.req('POST', `${SNAP}/${ns}/virtualmachinerestores`, vmRestore('r2', 's1', 'db-copy'));
    expect(again.status).toBe(422);
    expect(again.json.message).toContain(
      'when snapshot source and restore target VMs are different - target VM must not exist',
    );
  });

  it('a volume’s disk image (an upload’s disk.img) follows it into the snapshot and the restored PVC', async () => {
    const ns = await api.createNamespace(`restore-${++n}`);
    await api.req('POST', vmPath(ns), diskVm('db', 'csi-hostpath', 'Halted'));
    await waitPrintable(api, ns, 'db', 'Stopped');
    const pvc = await api.get(`/api/v1/namespaces/${ns}/persistentvolumeclaims/db-root`);
    const volume = (pvc.spec as { volumeName: string }).volumeName;
    const store = env.cluster.volumes;
    writeFileSync(store.diskPath(volume) ?? '', 'IMAGE-BEFORE');
    store.setInfo(volume, { format: 'raw', virtualSize: 12, sourceFormat: 'raw' });
    await api.req('POST', `${SNAP}/${ns}/virtualmachinesnapshots`, vmSnapshot('s1', 'db'));
    await waitStatus(api, `${SNAP}/${ns}/virtualmachinesnapshots/s1`, (s) => s.readyToUse === true, 'snapshot ready');
    writeFileSync(store.diskPath(volume) ?? '', 'IMAGE-AFTER');
    await api.req('POST', `${SNAP}/${ns}/virtualmachinerestores`, vmRestore('r1', 's1', 'db'));
    const s = await waitStatus(api, `${SNAP}/${ns}/virtualmachinerestores/r1`, complete, 'restore complete');
    const claim = (s.restores as { persistentVolumeClaim: string }[])[0].persistentVolumeClaim;
    const restored = await api.get(`/api/v1/namespaces/${ns}/persistentvolumeclaims/${claim}`);
    const disk = store.disk((restored.spec as { volumeName: string }).volumeName);
    expect(disk).toMatchObject({ format: 'raw', virtualSize: 12 });
    expect(readFileSync(disk?.path ?? '', 'utf8')).toBe('IMAGE-BEFORE');
  });
});
