/**
 * Volume hot-plug through virt-api's addvolume/removevolume, as virtctl and the console call them
 * (issue 23 item 5). Checked against KubeVirt:
 * - pkg/virt-api/rest/volumes.go (AddVolumeOptions/RemoveVolumeOptions checks and messages, 400 and
 *   409, 202; the VM's request in status.volumeRequests with the HotplugVolumes gate),
 * - pkg/virt-controller/watch/vm/vm.go handleVolumeRequests / trimDoneVolumeRequests,
 * - pkg/virt-controller/watch/vmi/storage.go and volume-hotplug.go (hp-volume-* attachment pod owned
 *   by the launcher pod; AttachedToNode "Created hotplug attachment pod ..."),
 * - pkg/virt-handler/vm.go updateHotplugVolumeStatus (MountedToPod, Ready with a target, UnMounted).
 * The guest sees the disk: `lsblk` on the serial console.
 */
import { describe, expect, it } from 'vitest';
import { SerialClient } from '../../../test/support/cluster/serial-client.js';
import { cloudConfig, virtioRootDisk, vmManifest } from '../../../test/support/cluster/vm-manifest.js';
import {
  subPath,
  useTestCluster,
  vmiPath,
  vmPath,
  waitFor,
  waitPrintable,
} from '../../../test/support/cluster/lifecycle.js';

const env = useTestCluster();
const { api } = env;
const NS = 'hotplug';

interface VolumeStatus {
  name: string;
  phase?: string;
  reason?: string;
  message?: string;
  target?: string;
  hotplugVolume?: { attachPodName?: string; attachPodUID?: string };
}
type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Every phase volume `volume` of the VMI goes through, from a watch (no phase is missed), and the
 * phases in which its status had no `target` (KubeVirt writes "" until attached: the CRD requires it).
 */
function watchPhases(name: string, volume: string): { phases: string[]; untargeted: string[]; stop: () => void } {
  const phases: string[] = [];
  const untargeted: string[] = [];
  const ac = new AbortController();
  void (async () => {
    const res = await fetch(`${api.base}${vmiPath(NS)}?watch=1&fieldSelector=metadata.name=${name}`, {
      signal: ac.signal,
    });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buf += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const event = JSON.parse(buf.slice(0, nl)) as { object: Obj };
        buf = buf.slice(nl + 1);
        const s = ((event.object.status?.volumeStatus ?? []) as VolumeStatus[]).find((v) => v.name === volume);
        const phase = s?.phase ?? (s ? '' : 'gone');
        if (phases[phases.length - 1] !== phase) phases.push(phase);
        if (s && typeof s.target !== 'string') untargeted.push(phase);
      }
    }
  })().catch(() => undefined);
  return { phases, untargeted, stop: () => ac.abort() };
}

const put = (res: 'virtualmachines' | 'virtualmachineinstances', name: string, sub: string, body?: unknown) =>
  api.req('PUT', subPath(NS, res, name, sub), body);

async function pvc(name: string, size: string) {
  const r = await api.req('POST', `/api/v1/namespaces/${NS}/persistentvolumeclaims`, {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } } },
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
}

async function volumeStatus(name: string, volume: string): Promise<VolumeStatus | undefined> {
  const vmi = await api.get(vmiPath(NS, name));
  return ((vmi.status as Obj)?.volumeStatus as VolumeStatus[] | undefined)?.find((v) => v.name === volume);
}

describe('volume hot-plug', () => {
  it('refuses bad requests with virt-api messages and codes', async () => {
    await api.createNamespace(NS);
    const r = await api.req('POST', vmPath(NS), vmManifest('halted', { namespace: NS, runStrategy: 'Halted' }));
    expect(r.status).toBe(201);
    const cases: [unknown, number, string][] = [
      [undefined, 400, 'Request with no body, a new name is expected as the request body'],
      [{ disk: {} }, 400, 'AddVolumeOptions requires name to be set'],
      [{ name: 'x' }, 400, 'AddVolumeOptions requires disk to not be nil'],
      [{ name: 'x', disk: {} }, 400, 'AddVolumeOptions requires VolumeSource to not be nil'],
      [
        { name: 'root', disk: {}, volumeSource: { persistentVolumeClaim: { claimName: 'c' } } },
        409,
        'Unable to add volume [root] because volume with that name already exists',
      ],
    ];
    for (const [body, code, message] of cases) {
      const res = await put('virtualmachines', 'halted', 'addvolume', body);
      expect([res.status, res.json.message]).toEqual([code, code === 409 ? expect.stringContaining(message) : message]);
    }
    const missing = await put('virtualmachines', 'nope', 'addvolume', {
      name: 'x',
      disk: {},
      volumeSource: { persistentVolumeClaim: { claimName: 'c' } },
    });
    expect(missing.status).toBe(404);
    const notHot = await put('virtualmachines', 'halted', 'removevolume', { name: 'root' });
    expect([notHot.status, notHot.json.message]).toEqual([
      409,
      'Operation cannot be fulfilled on virtualmachine.kubevirt.io "halted": Unable to remove volume [root] because it is not hotpluggable',
    ]);
    const absent = await put('virtualmachines', 'halted', 'removevolume', { name: 'ghost' });
    expect(absent.json.message).toContain('Unable to remove volume [ghost] because it does not exist');
    const vmiNotRunning = await put('virtualmachineinstances', 'halted', 'addvolume', {
      name: 'x',
      disk: {},
      volumeSource: { persistentVolumeClaim: { claimName: 'c' } },
    });
    expect(vmiNotRunning.status).toBe(404);
  });

  it('plugs a PVC into a running VM: VM spec, VMI phases, attachment pod, the guest sees it; and unplugs it', async () => {
    await pvc('data', '2Gi');
    const name = 'fedora';
    const vm = vmManifest(name, {
      namespace: NS,
      devices: virtioRootDisk,
      userData: cloudConfig('fedora', 'fedora'),
    });
    expect((await api.req('POST', vmPath(NS), vm)).status).toBe(201);
    await waitPrintable(api, NS, name, 'Running');
    const serial = await SerialClient.open(api.wsUrl(subPath(NS, 'virtualmachineinstances', name, 'console')));
    await serial.login('fedora', 'fedora');
    expect(await serial.run('lsblk')).not.toMatch(/^sda/m);

    const watch = watchPhases(name, 'data');
    const add = await put('virtualmachines', name, 'addvolume', {
      name: 'data',
      disk: { disk: { bus: 'scsi' } },
      volumeSource: { persistentVolumeClaim: { claimName: 'data' } },
    });
    expect(add.status, JSON.stringify(add.json)).toBe(202);
    const ready = await waitFor('the volume Ready', async () => {
      const s = await volumeStatus(name, 'data');
      return s?.phase === 'Ready' ? s : undefined;
    });
    expect(ready).toMatchObject({
      target: 'sda',
      reason: 'VolumeReady',
      message: 'Successfully attach hotplugged volume data to VM',
    });
    expect(watch.phases.filter((p) => ['AttachedToNode', 'MountedToPod', 'Ready'].includes(p))).toEqual([
      'AttachedToNode',
      'MountedToPod',
      'Ready',
    ]);
    const vmNow = await api.get(vmPath(NS, name));
    expect((vmNow.spec as Obj).template.spec.volumes).toContainEqual({
      name: 'data',
      persistentVolumeClaim: { claimName: 'data', hotpluggable: true },
    });
    expect((vmNow.spec as Obj).template.spec.domain.devices.disks).toContainEqual({
      name: 'data',
      disk: { bus: 'scsi' },
    });
    await waitFor(
      'volumeRequests trimmed',
      async () => !((await api.get(vmPath(NS, name))).status as Obj).volumeRequests,
    );
    const pods = await api.get(`/api/v1/namespaces/${NS}/pods?labelSelector=kubevirt.io%3Dhotplug-disk`);
    const hp = (pods.items as Obj[])[0];
    expect(hp.metadata.name).toMatch(/^hp-volume-[a-z0-9]{5}$/);
    expect(hp.metadata.name).toBe(ready.hotplugVolume?.attachPodName);
    expect(hp.metadata.ownerReferences[0]).toMatchObject({ kind: 'Pod', controller: true });
    expect(hp.metadata.ownerReferences[0].name).toMatch(/^virt-launcher-fedora-/);
    expect(await serial.run('lsblk')).toMatch(/^sda\s+8:0\s+0\s+2G\s+0 disk/m);

    const again = await put('virtualmachines', name, 'addvolume', {
      name: 'data2',
      disk: { disk: { bus: 'scsi' } },
      volumeSource: { persistentVolumeClaim: { claimName: 'data' } },
    });
    expect([again.status, again.json.message]).toEqual([
      409,
      expect.stringContaining('Unable to add volume source [data] because it already exists'),
    ]);

    const remove = await put('virtualmachines', name, 'removevolume', { name: 'data' });
    expect(remove.status).toBe(202);
    await waitFor('the volume status gone', async () => (await volumeStatus(name, 'data')) === undefined, 30_000);
    watch.stop();
    expect(watch.phases).toContain('UnMounted');
    expect(watch.phases[watch.phases.length - 1]).toBe('gone');
    expect(watch.untargeted).toEqual([]);
    expect(JSON.stringify((await api.get(vmPath(NS, name))).spec)).not.toContain('"data"');
    await waitFor('the attachment pod gone', async () => {
      const list = await api.get(`/api/v1/namespaces/${NS}/pods?labelSelector=kubevirt.io%3Dhotplug-disk`);
      return (list.items as Obj[]).length === 0;
    });
    expect(await serial.run('lsblk')).not.toMatch(/^sda/m);
    serial.close();
  });

  it("plugs a PVC into the VMI only (an ephemeral hot-plug): the VM's spec stays as it was", async () => {
    await pvc('scratch', '512Mi');
    const add = await put('virtualmachineinstances', 'fedora', 'addvolume', {
      name: 'scratch',
      disk: { disk: { bus: 'virtio' } },
      volumeSource: { persistentVolumeClaim: { claimName: 'scratch' } },
    });
    expect(add.status, JSON.stringify(add.json)).toBe(202);
    const s = await waitFor('scratch Ready', async () => {
      const v = await volumeStatus('fedora', 'scratch');
      return v?.phase === 'Ready' ? v : undefined;
    });
    expect(s.target).toBe('vdc');
    expect(JSON.stringify((await api.get(vmPath(NS, 'fedora'))).spec)).not.toContain('scratch');
  });
});
