/**
 * Every manifest in test/fixtures (copied from KubeVirt and CDI), applied over HTTP and driven through its lifecycle:
 * start, pause, unpause, migrate, restart, stop, delete — including the objects some of them
 * wait for (PVCs, the instance type, the PriorityClass, a StorageClass, a clone source).
 */
import { describe, expect, it } from 'vitest';
import type { KObject } from '../store/index.js';
import {
  events,
  subPath,
  useTestCluster,
  vmiPath,
  vmPath,
  waitFor,
  waitPrintable,
} from '../../../test/support/cluster/lifecycle.js';
import { fixture as fixtureDocs } from '../../../test/support/fixtures.js';

const fixture = (rel: string) => fixtureDocs<KObject>(rel);

const { api } = useTestCluster();

const PATHS: Record<string, string> = {
  VirtualMachine: '/apis/kubevirt.io/v1/namespaces/NS/virtualmachines',
  VirtualMachineInstance: '/apis/kubevirt.io/v1/namespaces/NS/virtualmachineinstances',
  VirtualMachineInstanceMigration: '/apis/kubevirt.io/v1/namespaces/NS/virtualmachineinstancemigrations',
  VirtualMachineInstancetype: '/apis/instancetype.kubevirt.io/v1beta1/namespaces/NS/virtualmachineinstancetypes',
  DataVolume: '/apis/cdi.kubevirt.io/v1beta1/namespaces/NS/datavolumes',
  PriorityClass: '/apis/scheduling.k8s.io/v1/priorityclasses',
  PersistentVolumeClaim: '/api/v1/namespaces/NS/persistentvolumeclaims',
  StorageClass: '/apis/storage.k8s.io/v1/storageclasses',
};

const ns = (name: string) => api.createNamespace(name);

async function apply(obj: KObject, namespace: string): Promise<void> {
  const version = obj.apiVersion;
  const path = PATHS[obj.kind]
    .replace('NS', namespace)
    .replace('/kubevirt.io/v1/', `/kubevirt.io/${version.split('/')[1] ?? 'v1'}/`);
  const r = await api.req('POST', path, obj);
  expect(r.status, `${obj.kind} ${obj.metadata.name}: ${JSON.stringify(r.json)}`).toBe(201);
}

function pvc(name: string, accessModes = ['ReadWriteOnce']): KObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name },
    spec: { accessModes, resources: { requests: { storage: '1Gi' } } },
  } as KObject;
}

const put = (
  n: string,
  res: 'virtualmachines' | 'virtualmachineinstances',
  name: string,
  sub: string,
  body: unknown = {},
) => api.req('PUT', subPath(n, res, name, sub), body);
interface VmiView {
  metadata: KObject['metadata'];
  spec: Record<string, unknown>;
  status: {
    phase?: string;
    nodeName?: string;
    interfaces?: Array<{ ipAddress?: string }>;
    migrationState?: { completed?: boolean };
    conditions?: Array<{ type: string; status: string; reason?: string }>;
  };
}
const vmi = async (n: string, name: string) => (await api.get(vmiPath(n, name))) as unknown as VmiView;
const cond = (o: { status: { conditions?: Array<{ type: string; status: string; reason?: string }> } }, type: string) =>
  o.status.conditions?.find((c) => c.type === type);

/** start → pause → unpause → migrate (or its refusal) → restart → stop → delete. */
async function driveVm(n: string, name: string): Promise<void> {
  expect((await put(n, 'virtualmachines', name, 'start')).status).toBe(202);
  await waitPrintable(api, n, name, 'Running');
  expect((await put(n, 'virtualmachineinstances', name, 'pause')).status).toBe(200);
  await waitPrintable(api, n, name, 'Paused');
  expect(cond(await vmi(n, name), 'Paused')).toMatchObject({ status: 'True', reason: 'PausedByUser' });
  expect((await put(n, 'virtualmachineinstances', name, 'pause')).json.message).toMatch(/VMI is already paused$/);
  expect((await put(n, 'virtualmachineinstances', name, 'unpause')).status).toBe(200);
  await waitPrintable(api, n, name, 'Running');
  const before = await vmi(n, name);
  const migrate = await put(n, 'virtualmachines', name, 'migrate');
  if (cond(before, 'LiveMigratable')?.status === 'True') {
    expect(migrate.status).toBe(202);
    await waitFor('migration to another node', async () => {
      const cur = await vmi(n, name);
      return cur.status.migrationState?.completed && cur.status.nodeName !== before.status.nodeName;
    });
    await waitPrintable(api, n, name, 'Running');
  } else {
    expect(migrate.status).toBe(500);
    expect(migrate.json.message).toContain(`Reason: ${cond(before, 'LiveMigratable')?.reason}`);
  }
  const uid = (await vmi(n, name)).metadata.uid;
  expect((await put(n, 'virtualmachines', name, 'restart')).status).toBe(202);
  await waitFor('restarted VMI', async () => (await vmi(n, name).catch(() => before)).metadata.uid !== uid);
  await waitPrintable(api, n, name, 'Running');
  expect((await put(n, 'virtualmachines', name, 'stop')).status).toBe(202);
  await waitPrintable(api, n, name, 'Stopped');
  expect((await api.req('DELETE', vmPath(n, name))).status).toBe(200);
  await waitFor('VM gone', async () => (await api.req('GET', vmPath(n, name))).status === 404);
}

describe('kubevirt-examples VMs', () => {
  for (const file of ['vm-cirros.yaml', 'vm-cirros-sata.yaml']) {
    it(file, async () => {
      const n = await ns(file.replace('.yaml', '').replace(/[^a-z0-9-]/g, '-'));
      const [obj] = fixture(`kubevirt-examples/${file}`);
      await apply(obj, n);
      await waitPrintable(api, n, obj.metadata.name!, 'Stopped');
      await driveVm(n, obj.metadata.name!);
    });
  }

  it('vm-alpine-datavolume.yaml imports its DataVolume, then runs; deleting the VM removes the DV', async () => {
    const n = await ns('vm-alpine-dv');
    const [obj] = fixture('kubevirt-examples/vm-alpine-datavolume.yaml');
    await apply(obj, n);
    await waitPrintable(api, n, 'vm-alpine-datavolume', 'Provisioning');
    await waitFor(
      'DV Succeeded',
      async () =>
        (
          (await api.get(`/apis/cdi.kubevirt.io/v1beta1/namespaces/${n}/datavolumes/alpine-dv`)).status as {
            phase: string;
          }
        ).phase === 'Succeeded',
    );
    await waitPrintable(api, n, 'vm-alpine-datavolume', 'Stopped');
    const vmEvents = (await events(api, n, 'vm-alpine-datavolume')).map((e) => `${e.reason}: ${e.message}`);
    expect(vmEvents).toContain('SuccessfulDataVolumeCreate: Created DataVolume alpine-dv');
    const dvEvents = (await events(api, n, 'alpine-dv')).map((e) => e.reason);
    expect(dvEvents).toEqual(expect.arrayContaining(['ImportScheduled', 'ImportInProgress', 'ImportSucceeded']));
    await driveVm(n, 'vm-alpine-datavolume');
    await waitFor(
      'DV garbage-collected',
      async () =>
        (await api.req('GET', `/apis/cdi.kubevirt.io/v1beta1/namespaces/${n}/datavolumes/alpine-dv`)).status === 404,
    );
  });

  it('vm-alpine-multipvc.yaml shows ErrorPvcNotFound until its PVCs exist', async () => {
    const n = await ns('vm-alpine-multipvc');
    const [obj] = fixture('kubevirt-examples/vm-alpine-multipvc.yaml');
    await apply(obj, n);
    await waitPrintable(api, n, 'vm-alpine-multipvc', 'Stopped');
    await put(n, 'virtualmachines', 'vm-alpine-multipvc', 'start');
    await waitPrintable(api, n, 'vm-alpine-multipvc', 'ErrorPvcNotFound');
    expect(cond(await vmi(n, 'vm-alpine-multipvc'), 'Synchronized')).toMatchObject({
      status: 'False',
      reason: 'FailedPvcNotFound',
    });
    await apply(pvc('disk-alpine'), n);
    await apply(pvc('disk-custom'), n);
    await waitPrintable(api, n, 'vm-alpine-multipvc', 'Running');
    expect(cond(await vmi(n, 'vm-alpine-multipvc'), 'LiveMigratable')).toMatchObject({ status: 'False' });
    await put(n, 'virtualmachines', 'vm-alpine-multipvc', 'stop');
    await waitPrintable(api, n, 'vm-alpine-multipvc', 'Stopped');
  });

  it('vm-cirros-csmall.yaml: refused for its own memory.guest beside the instance type; without it, sized by csmall', async () => {
    const n = await ns('vm-cirros-csmall');
    const [it] = fixture('kubevirt-examples/csmall.yaml');
    await apply(it, n);
    const [obj] = fixture('kubevirt-examples/vm-cirros-csmall.yaml');
    // KubeVirt's generator leaves getBaseVM's memory.guest in this example, which the VM validator refuses
    // (pkg/instancetype/apply/memory.go; KubeVirt's functional test expects this very message)
    const refused = await api.req('POST', vmPath(n), obj);
    expect([refused.status, refused.json.message]).toEqual([
      422,
      'admission webhook "virtualmachine-validator.kubevirt.io" denied the request: ' +
        'VM field(s) spec.template.spec.domain.memory.guest conflicts with selected instance type',
    ]);
    const sized = structuredClone(obj) as KObject & { spec: { template: { spec: { domain: { memory?: unknown } } } } };
    delete sized.spec.template.spec.domain.memory;
    await apply(sized, n);
    await put(n, 'virtualmachines', 'vm-cirros-csmall', 'start');
    await waitPrintable(api, n, 'vm-cirros-csmall', 'Running');
    expect((await vmi(n, 'vm-cirros-csmall')).spec).toMatchObject({
      domain: { cpu: { sockets: 1, cores: 1, threads: 1 }, memory: { guest: '128Mi' } },
    });
  });

  it('vm-priorityclass.yaml waits for its PriorityClass', async () => {
    const n = await ns('vm-priorityclass');
    const [obj] = fixture('kubevirt-examples/vm-priorityclass.yaml');
    await apply(obj, n);
    await put(n, 'virtualmachines', 'vm-non-preemtible', 'start');
    await waitFor(
      'FailedCreate',
      async () => cond(await vmi(n, 'vm-non-preemtible'), 'Synchronized')?.reason === 'FailedCreate',
    );
    for (const f of ['non-preemtible.yaml', 'preemtible.yaml']) await apply(fixture(`kubevirt-examples/${f}`)[0], n);
    await waitPrintable(api, n, 'vm-non-preemtible', 'Running');
  });

  it('cdi vm-dv.yaml (v1alpha3, running: false, storage class hdd) provisions once the class exists', async () => {
    const n = await ns('cdi-vm-dv');
    const [obj] = fixture('cdi-examples/vm-dv.yaml');
    await apply(obj, n);
    await waitPrintable(api, n, 'vm-cirros-datavolume', 'Provisioning');
    await apply(
      {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name: 'hdd' },
        provisioner: 'kubevirt.io.hostpath-provisioner',
      } as KObject,
      n,
    );
    await waitPrintable(api, n, 'vm-cirros-datavolume', 'Stopped');
    await driveVm(n, 'vm-cirros-datavolume');
  });
});

describe('kubevirt-examples VMIs', () => {
  for (const file of [
    'vmi-ephemeral.yaml',
    'vmi-fedora.yaml',
    'vmi-masquerade.yaml',
    'vmi-nocloud.yaml',
    'vmi-pvc.yaml',
    'vmi-windows.yaml',
    'vmi-migratable.yaml',
  ]) {
    it(`${file} runs, pauses, migrates when it can, and is deleted`, async () => {
      const n = await ns(file.replace('.yaml', ''));
      const [obj] = fixture(`kubevirt-examples/${file}`);
      const name = obj.metadata.name!;
      await apply(obj, n);
      const claim = file === 'vmi-pvc.yaml' ? 'disk-alpine' : file === 'vmi-windows.yaml' ? 'disk-windows' : undefined;
      if (claim) {
        await waitFor(
          'FailedPvcNotFound',
          async () => cond(await vmi(n, name), 'Synchronized')?.reason === 'FailedPvcNotFound',
        );
        await apply(pvc(claim, ['ReadWriteMany']), n);
      }
      await waitFor('Running', async () => (await vmi(n, name)).status.phase === 'Running');
      const running = await vmi(n, name);
      expect(running.status.interfaces?.[0]?.ipAddress ?? '10.244.').toMatch(/^10\.244\./);
      const agent = /fedora|masquerade|windows/.test(file);
      if (agent) {
        await waitFor('AgentConnected', async () => cond(await vmi(n, name), 'AgentConnected')?.status === 'True');
        const info = await api.req('GET', subPath(n, 'virtualmachineinstances', name, 'guestosinfo'));
        expect(info.status).toBe(200);
        expect((info.json.os as { id: string }).id).toBe(file.includes('windows') ? 'mswindows' : 'fedora');
      } else {
        expect((await api.req('GET', subPath(n, 'virtualmachineinstances', name, 'guestosinfo'))).status).toBe(500);
      }
      expect((await put(n, 'virtualmachineinstances', name, 'pause')).status).toBe(200);
      expect((await put(n, 'virtualmachineinstances', name, 'unpause')).status).toBe(200);
      if (cond(running, 'LiveMigratable')?.status === 'True') {
        const mig =
          file === 'vmi-migratable.yaml'
            ? fixture('kubevirt-examples/migration-job.yaml')[0]
            : ({
                apiVersion: 'kubevirt.io/v1',
                kind: 'VirtualMachineInstanceMigration',
                metadata: { name: `${name}-mig` },
                spec: { vmiName: name },
              } as KObject);
        await apply(mig, n);
        const path = `/apis/kubevirt.io/v1/namespaces/${n}/virtualmachineinstancemigrations/${mig.metadata.name}`;
        await waitFor(
          'migration Succeeded',
          async () => ((await api.get(path)).status as { phase?: string } | undefined)?.phase === 'Succeeded',
        );
        const phases = (
          (await api.get(path)).status as { phaseTransitionTimestamps: Array<{ phase: string }> }
        ).phaseTransitionTimestamps.map((p) => p.phase);
        expect(phases).toEqual([
          'Pending',
          'Scheduling',
          'Scheduled',
          'PreparingTarget',
          'TargetReady',
          'Running',
          'Succeeded',
        ]);
        const after = await vmi(n, name);
        expect(after.status.nodeName).not.toBe(running.status.nodeName);
        expect(after.metadata.labels?.['kubevirt.io/nodeName']).toBe(after.status.nodeName);
        const reasons = (await events(api, n, name)).map((e) => `${e.reason}: ${e.message}`);
        expect(reasons).toContain(`Migrated: The VirtualMachineInstance migrated to node ${after.status.nodeName}.`);
      }
      expect((await api.req('DELETE', vmiPath(n, name))).status).toBe(200);
      await waitFor('VMI gone', async () => (await api.req('GET', vmiPath(n, name))).status === 404);
      const pods = (await api.get(`/api/v1/namespaces/${n}/pods`)).items as unknown[];
      expect(pods).toHaveLength(0);
    });
  }
});

describe('cdi-examples DataVolumes', () => {
  const dvPath = (n: string, name: string) => `/apis/cdi.kubevirt.io/v1beta1/namespaces/${n}/datavolumes/${name}`;
  for (const file of [
    'blank-image-datavolume.yaml',
    'import-kubevirt-datavolume.yaml',
    'registry-image-datavolume.yaml',
  ]) {
    it(`${file} reaches Succeeded with progress 100.0%`, async () => {
      const n = await ns(file.replace('.yaml', ''));
      const [obj] = fixture(`cdi-examples/${file}`);
      await apply(obj, n);
      await waitFor(
        'Succeeded',
        async () => ((await api.get(dvPath(n, obj.metadata.name!))).status as { phase: string }).phase === 'Succeeded',
      );
      expect((await api.get(dvPath(n, obj.metadata.name!))).status).toMatchObject({
        progress: '100.0%',
        claimName: obj.metadata.name,
      });
      const pvcObj = await api.get(`/api/v1/namespaces/${n}/persistentvolumeclaims/${obj.metadata.name}`);
      expect(pvcObj.status).toMatchObject({ phase: 'Bound' });
      expect((pvcObj.spec as { storageClassName: string }).storageClassName).toBe('local');
    });
  }

  it('clone-datavolume.yaml waits for its source PVC, then clones', async () => {
    const n = await ns('clone-dv');
    await ns('source-ns');
    const [obj] = fixture('cdi-examples/clone-datavolume.yaml');
    await apply(obj, n);
    await waitFor('CloneWithoutSource', async () =>
      (
        (await api.get(dvPath(n, 'cloned-datavolume'))).status as { conditions?: Array<{ reason?: string }> }
      ).conditions?.some((c) => c.reason === 'CloneWithoutSource'),
    );
    await apply(pvc('source-datavolume'), 'source-ns');
    await waitFor(
      'Succeeded',
      async () => ((await api.get(dvPath(n, 'cloned-datavolume'))).status as { phase: string }).phase === 'Succeeded',
    );
    const reasons = (await events(api, n, 'cloned-datavolume')).map((e) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining(['CloneScheduled', 'CloneInProgress', 'CloneSucceeded']));
  });
});
