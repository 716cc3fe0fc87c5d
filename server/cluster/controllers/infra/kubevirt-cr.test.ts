/**
 * The KubeVirt and CDI CRs behave as installed ones: Deployed with Available/Progressing/Degraded,
 * observed version and deployment id; spec edits are observed; useEmulation reaches new guests.
 */
import { describe, expect, it } from 'vitest';
import { subPath, useTestCluster, vmPath, waitFor, waitPrintable } from '../../../../test/support/cluster/lifecycle.js';
import { SerialClient } from '../../../../test/support/cluster/serial-client.js';
import { vmManifest } from '../../../../test/support/cluster/vm-manifest.js';
import { KUBEVIRT_VERSION } from '../../kubevirt/versions.js';
import { deploymentConfig } from './kubevirt-cr.js';

const KV_PATH = '/apis/kubevirt.io/v1/namespaces/kubevirt/kubevirts';

interface Cond {
  type: string;
  status: string;
  reason?: string;
}
interface KubeVirt {
  metadata: { name: string; namespace: string; generation?: number; finalizers?: string[] };
  spec: { configuration?: { developerConfiguration?: { useEmulation?: boolean; featureGates?: string[] } } };
  status: {
    phase?: string;
    conditions?: Cond[];
    observedKubeVirtVersion?: string;
    observedGeneration?: number;
    observedDeploymentID?: string;
    observedDeploymentConfig?: string;
  };
}

const { api } = useTestCluster();

const kubevirt = async (name = 'kubevirt') => (await api.get(`${KV_PATH}/${name}`)) as unknown as KubeVirt;
const condition = (kv: KubeVirt, type: string) => kv.status.conditions?.find((c) => c.type === type)?.status;

async function mergePatch(path: string, body: unknown): Promise<KubeVirt> {
  const r = await api.mergePatch(path, body);
  expect(r.status).toBe(200);
  return r.json as unknown as KubeVirt;
}

const setEmulation = (on: boolean) =>
  mergePatch(`${KV_PATH}/kubevirt`, { spec: { configuration: { developerConfiguration: { useEmulation: on } } } });

describe('KubeVirt CR', () => {
  it('is Deployed with its conditions, observed version and deployment id', async () => {
    const kv = await waitFor('observedDeploymentID', async () => {
      const o = await kubevirt();
      return o.status.observedDeploymentID ? o : undefined;
    });
    expect(kv.status.phase).toBe('Deployed');
    expect([condition(kv, 'Available'), condition(kv, 'Progressing'), condition(kv, 'Degraded')]).toEqual([
      'True',
      'False',
      'False',
    ]);
    expect(kv.status.observedKubeVirtVersion).toBe(KUBEVIRT_VERSION);
    expect(kv.status.observedDeploymentID).toMatch(/^[0-9a-f]{40}$/);
    expect(JSON.parse(kv.status.observedDeploymentConfig ?? '{}')).toMatchObject({
      kubeVirtVersion: KUBEVIRT_VERSION,
      namespace: 'kubevirt',
    });
    // hot-plug is on, as the HyperConverged operator configures KubeVirt
    expect(kv.spec.configuration?.developerConfiguration?.featureGates).toEqual(['HotplugVolumes']);
    const cdi = (await api.get('/apis/cdi.kubevirt.io/v1beta1/cdis/cdi')) as unknown as KubeVirt;
    expect(cdi.status.phase).toBe('Deployed');
    expect(condition(cdi, 'Available')).toBe('True');
  });

  it('observes a spec change: generation and observedGeneration move together, the deployment stays', async () => {
    const before = await waitFor('deployment id', async () => {
      const o = await kubevirt();
      return o.status.observedDeploymentID ? o : undefined;
    });
    const patched = await mergePatch(`${KV_PATH}/kubevirt`, {
      spec: { configuration: { developerConfiguration: { featureGates: ['Snapshot'] } } },
    });
    expect(patched.metadata.generation).toBe((before.metadata.generation ?? 1) + 1);
    const after = await waitFor('observedGeneration', async () => {
      const o = await kubevirt();
      return o.status.observedGeneration === patched.metadata.generation ? o : undefined;
    });
    expect(after.status.observedDeploymentID).toBe(before.status.observedDeploymentID);
    expect(after.status.phase).toBe('Deployed');
    await mergePatch(`${KV_PATH}/kubevirt`, {
      spec: { configuration: { developerConfiguration: { featureGates: ['HotplugVolumes'] } } },
    });
  });

  it('takes a new CR through Deploying to Deployed', async () => {
    await api.req('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kv2' } });
    const r = await api.req('POST', '/apis/kubevirt.io/v1/namespaces/kv2/kubevirts', {
      apiVersion: 'kubevirt.io/v1',
      kind: 'KubeVirt',
      metadata: { name: 'second' },
      spec: { imagePullPolicy: 'Always' },
    });
    expect(r.status).toBe(201);
    const deploying = await waitFor('Deploying', async () => {
      const o = (await api.get('/apis/kubevirt.io/v1/namespaces/kv2/kubevirts/second')) as unknown as KubeVirt;
      return o.status?.phase ? o : undefined;
    });
    expect(['Deploying', 'Deployed']).toContain(deploying.status.phase);
    const deployed = await waitFor('Deployed', async () => {
      const o = (await api.get('/apis/kubevirt.io/v1/namespaces/kv2/kubevirts/second')) as unknown as KubeVirt;
      return o.status.phase === 'Deployed' ? o : undefined;
    });
    expect(condition(deployed, 'Available')).toBe('True');
    expect(deployed.status.observedKubeVirtVersion).toBe(KUBEVIRT_VERSION);
    await api.req('DELETE', '/apis/kubevirt.io/v1/namespaces/kv2/kubevirts/second');
  });

  it('gives different deployment ids to different install strategies', () => {
    const base = {
      apiVersion: 'kubevirt.io/v1',
      kind: 'KubeVirt',
      metadata: { name: 'kubevirt', namespace: 'kubevirt' },
    };
    const a = deploymentConfig({ ...base, spec: {} });
    expect(
      deploymentConfig({ ...base, spec: { configuration: { developerConfiguration: { useEmulation: true } } } }).id,
    ).toBe(a.id);
    expect(deploymentConfig({ ...base, spec: { imageTag: 'v1.7.0' } }).id).not.toBe(a.id);
  });
});

async function loginAndRun(ns: string, name: string, commands: string[]): Promise<string> {
  const serial = await SerialClient.open(api.wsUrl(subPath(ns, 'virtualmachineinstances', name, 'console')));
  await serial.login('fedora', 's3cret');
  serial.text = '';
  for (const c of commands) serial.type(`${c}\r`);
  await serial.waitFor(new RegExp(`${commands.at(-1)}[\\s\\S]*\\$ $`));
  serial.close();
  return serial.text;
}

/** The resource limits of the compute container of the namespace's launcher pod. */
async function launcherLimits(ns: string): Promise<Record<string, string> | undefined> {
  const pods = (await api.req('GET', `/api/v1/namespaces/${ns}/pods?labelSelector=kubevirt.io%3Dvirt-launcher`))
    .json as {
    items: Array<{ spec: { containers: Array<{ name: string; resources?: { limits?: Record<string, string> } }> } }>;
  };
  return pods.items[0]?.spec.containers.find((c) => c.name === 'compute')?.resources?.limits;
}

async function runningVm(ns: string, name: string): Promise<void> {
  await api.createNamespace(ns);
  const r = await api.req(
    'POST',
    vmPath(ns),
    vmManifest(name, {
      cpu: { cores: 2 },
      userData: '#cloud-config\nuser: fedora\npassword: s3cret\n',
    }),
  );
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  await waitPrintable(api, ns, name, 'Running');
}

describe('useEmulation', () => {
  it('guests started while it is on report software emulation; with it off, KVM', async () => {
    try {
      await setEmulation(true);
      await runningVm('emu-on', 'slow');
      const out = await loginAndRun('emu-on', 'slow', ['systemd-detect-virt', 'lscpu']);
      expect(out).toMatch(/systemd-detect-virt\r\nqemu\r\n/);
      expect(out).toContain('QEMU Virtual CPU version 2.5+');
      expect(out).not.toContain('Hypervisor vendor');
      // virt-controller asks for no /dev/kvm for a launcher pod under emulation.
      expect(await launcherLimits('emu-on')).toEqual({
        'devices.kubevirt.io/tun': '1',
        'devices.kubevirt.io/vhost-net': '1',
      });
    } finally {
      await setEmulation(false);
    }
    await runningVm('emu-off', 'fast');
    const out = await loginAndRun('emu-off', 'fast', ['systemd-detect-virt', 'lscpu']);
    expect(out).toMatch(/systemd-detect-virt\r\nkvm\r\n/);
    expect(out).toMatch(/Hypervisor vendor: +KVM/);
    expect(out).toMatch(/CPU\(s\): +2\r\n/);
    expect(await launcherLimits('emu-off')).toHaveProperty(['devices.kubevirt.io/kvm'], '1');
  });
});
