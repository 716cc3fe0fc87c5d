/**
 * CPU and memory hot-plug with the LiveUpdate rollout strategy, and RestartRequired for what
 * cannot change live (issue 23 item 5). Checked against KubeVirt:
 * - pkg/virt-controller/watch/vm/vm.go (setupCPUHotplug/setupMemoryHotplug headroom at start,
 *   handleCPUChangeRequest, handleMemoryHotplugRequest and their RestartRequired messages,
 *   syncRestartRequired: live-updatable fields copied over, the condition dropped once the VMI matches),
 * - pkg/virt-config (vmRolloutStrategy LiveUpdate by default, Stage makes nothing live, ratio 4),
 * - pkg/virt-handler (status.currentCPUTopology and status.memory after the change).
 * The guest sees it: `nproc` and /proc/meminfo on the serial console.
 */
import { describe, expect, it } from 'vitest';
import { SerialClient } from '../../../test/support/cluster/serial-client.js';
import { cloudConfig, podNetwork, virtioRootDisk, vmManifest } from '../../../test/support/cluster/vm-manifest.js';
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
const NS = 'live';
type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Condition = { type: string; status: string; message?: string };

const vmi = async (name: string) => (await api.get(vmiPath(NS, name))) as Obj;
const restartRequired = async (name: string) =>
  (((await api.get(vmPath(NS, name))).status as Obj).conditions as Condition[]).find(
    (c) => c.type === 'RestartRequired',
  );
const patchDomain = async (name: string, domain: Obj) => {
  const r = await api.mergePatch(vmPath(NS, name), { spec: { template: { spec: { domain } } } });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
};
const waitRestartRequired = (name: string, message: string) =>
  waitFor(`RestartRequired "${message}"`, async () => (await restartRequired(name))?.message === message);
const waitNoRestartRequired = (name: string) =>
  waitFor('no RestartRequired', async () => (await restartRequired(name)) === undefined);

describe('live CPU and memory updates', () => {
  it('hot-plugs sockets and memory within the headroom; beyond it, or anything else, needs a restart', async () => {
    await api.createNamespace(NS);
    const name = 'grow';
    const manifest = vmManifest(name, {
      namespace: NS,
      cpu: { sockets: 1, cores: 1, threads: 1 },
      memory: '1Gi',
      // masquerade: migratable, which memory hot-plug needs
      devices: { ...virtioRootDisk, interfaces: podNetwork.interfaces },
      networks: podNetwork.networks,
      userData: cloudConfig('fedora', 'fedora'),
    });
    expect((await api.req('POST', vmPath(NS), manifest)).status).toBe(201);
    await waitPrintable(api, NS, name, 'Running');
    const started = await vmi(name);
    expect(started.spec.domain.cpu).toMatchObject({ sockets: 1, maxSockets: 4 });
    expect(started.spec.domain.memory).toEqual({ guest: '1Gi', maxGuest: '4Gi' });
    const serial = await SerialClient.open(api.wsUrl(subPath(NS, 'virtualmachineinstances', name, 'console')));
    await serial.login('fedora', 'fedora');
    expect((await serial.run('nproc')).trim()).toBe('1');

    await patchDomain(name, { cpu: { sockets: 2 }, memory: { guest: '2Gi' } });
    const live = await waitFor('the VMI updated live', async () => {
      const v = await vmi(name);
      return v.status.currentCPUTopology?.sockets === 2 && v.status.memory?.guestCurrent === '2Gi' ? v : undefined;
    });
    expect(live.spec.domain.cpu.sockets).toBe(2);
    expect(live.spec.domain.memory.guest).toBe('2Gi');
    expect(live.status.memory.guestAtBoot).toBe('1Gi');
    expect(await restartRequired(name)).toBeUndefined();
    expect((await serial.run('nproc')).trim()).toBe('2');
    expect(await serial.run('cat /proc/meminfo')).toMatch(/^MemTotal:\s+2097152 kB/m);

    await patchDomain(name, { cpu: { sockets: 8 } });
    await waitRestartRequired(name, "CPU sockets updated in template spec to a value higher than what's available");
    expect((await vmi(name)).spec.domain.cpu.sockets).toBe(2);
    await patchDomain(name, { cpu: { sockets: 2 } });
    await waitNoRestartRequired(name);
    await patchDomain(name, { cpu: { sockets: 1 } });
    await waitRestartRequired(name, 'Reduction of CPU socket count requires a restart');
    await patchDomain(name, { cpu: { sockets: 2 }, memory: { guest: '512Mi' } });
    await waitRestartRequired(name, 'memory updated in template spec to a value lower than what the VM started with');
    await patchDomain(name, { memory: { guest: '8Gi' } });
    await waitRestartRequired(name, "memory updated in template spec to a value higher than what's available");

    // not live-updatable: cores; a restart applies it and clears the condition
    await patchDomain(name, { cpu: { cores: 2 }, memory: { guest: '2Gi' } });
    await waitRestartRequired(name, 'a non-live-updatable field was changed in the template spec');
    const before = (await vmi(name)).metadata.uid;
    expect((await api.req('PUT', subPath(NS, 'virtualmachines', name, 'restart'), {})).status).toBe(202);
    const restarted = await waitFor(
      'the new VMI',
      async () => {
        const v = await vmi(name);
        return v.metadata.uid !== before && v.status?.phase === 'Running' ? v : undefined;
      },
      30_000,
    );
    expect(restarted.spec.domain.cpu).toMatchObject({ sockets: 2, cores: 2, maxSockets: 8 });
    expect(restarted.status.memory.guestAtBoot).toBe('2Gi');
    await waitNoRestartRequired(name);
    serial.close();
  });

  it('hot-plugs sockets into a VM that cannot migrate, but not memory', async () => {
    const name = 'bridged';
    const manifest = vmManifest(name, { namespace: NS, cpu: { sockets: 1 }, memory: '1Gi', devices: virtioRootDisk });
    expect((await api.req('POST', vmPath(NS), manifest)).status).toBe(201);
    await waitPrintable(api, NS, name, 'Running');
    await patchDomain(name, { cpu: { sockets: 2 }, memory: { guest: '2Gi' } });
    await waitRestartRequired(
      name,
      'memory updated in template spec. Memory-hotplug is only available for migratable VMs',
    );
    await waitFor('sockets applied', async () => (await vmi(name)).status.currentCPUTopology?.sockets === 2);
    expect((await vmi(name)).spec.domain.memory.guest).toBe('1Gi');
  });

  it('with vmRolloutStrategy Stage, a sockets change waits for a restart', async () => {
    const kv = '/apis/kubevirt.io/v1/namespaces/kubevirt/kubevirts/kubevirt';
    expect((await api.mergePatch(kv, { spec: { configuration: { vmRolloutStrategy: 'Stage' } } })).status).toBe(200);
    await patchDomain('grow', { cpu: { sockets: 3 } });
    await waitRestartRequired('grow', 'a non-live-updatable field was changed in the template spec');
    expect((await vmi('grow')).spec.domain.cpu.sockets).toBe(2);
  });
});
