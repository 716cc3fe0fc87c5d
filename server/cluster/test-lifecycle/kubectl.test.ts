/** The lifecycle through kubectl (apply, wait, patch, delete), and what `kubectl get` shows on the seeded cluster. */
import { exec } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type RunningCluster } from '../index.js';
import { fixturePath } from '../../../test/support/fixtures.js';

const sh = promisify(exec);
let cluster: RunningCluster;
let seeded: RunningCluster;
const kubectl = async (c: RunningCluster, args: string) => (await sh(`kubectl --server=${c.url} ${args}`)).stdout;

beforeAll(async () => {
  cluster = await startCluster({ port: 0, seed: 'none', speed: 100, log: () => {} });
  seeded = await startCluster({ port: 0, seed: 'default', speed: 50, log: () => {} });
});
afterAll(async () => {
  await cluster?.close();
  await seeded?.close();
});

describe('kubectl', () => {
  it('applies a fixture, starts it with a merge patch, waits for Running, stops and deletes it', async () => {
    await kubectl(cluster, 'create namespace kc');
    expect(await kubectl(cluster, `apply -n kc -f ${fixturePath('kubevirt-examples/vm-cirros.yaml')}`)).toContain(
      'virtualmachine.kubevirt.io/vm-cirros created',
    );
    await kubectl(cluster, `wait -n kc --for=jsonpath='{.status.printableStatus}'=Stopped vm/vm-cirros --timeout=20s`);
    await kubectl(cluster, `patch -n kc vm vm-cirros --type merge -p '{"spec":{"runStrategy":"Always"}}'`);
    await kubectl(cluster, `wait -n kc --for=condition=Ready vm/vm-cirros --timeout=20s`);
    const vms = await kubectl(cluster, 'get vm -n kc');
    expect(vms).toMatch(/^NAME\s+AGE\s+STATUS\s+READY\n/);
    expect(vms).toMatch(/vm-cirros\s+\S+\s+Running\s+True/);
    const vmis = await kubectl(cluster, 'get vmi -n kc');
    expect(vmis).toMatch(/vm-cirros\s+\S+\s+Running\s+10\.244\.\d+\.\d+\s+node0\d\s+True/);
    await kubectl(cluster, `patch -n kc vm vm-cirros --type merge -p '{"spec":{"runStrategy":"Halted"}}'`);
    await kubectl(cluster, `wait -n kc --for=jsonpath='{.status.printableStatus}'=Stopped vm/vm-cirros --timeout=20s`);
    expect(await kubectl(cluster, 'delete -n kc vm vm-cirros')).toContain('deleted');
    expect(await kubectl(cluster, 'get vm,vmi,pods -n kc 2>&1')).toMatch(/No resources found/);
  });

  it('applies a DataVolume and shows its progress columns', async () => {
    await kubectl(cluster, `apply -n kc -f ${fixturePath('cdi-examples/import-kubevirt-datavolume.yaml')}`);
    await kubectl(cluster, `wait -n kc --for=jsonpath='{.status.phase}'=Succeeded dv/my-data-volume --timeout=20s`);
    expect(await kubectl(cluster, 'get dv -n kc')).toMatch(/my-data-volume\s+Succeeded\s+100\.0%/);
  });

  it('reads like a KubeVirt cluster on the default seed', async () => {
    await kubectl(
      seeded,
      `wait -n demo --for=jsonpath='{.status.printableStatus}'=Running vm/fedora-web vm/centos-stream9 --timeout=30s`,
    );
    await kubectl(
      seeded,
      `wait -n demo --for=jsonpath='{.status.printableStatus}'=Paused vm/ubuntu-paused --timeout=30s`,
    );
    const out = await kubectl(seeded, 'get vms,vmis,pods,dv -A');
    expect(out).toMatch(/demo\s+virtualmachine\.kubevirt\.io\/fedora-web\s+\S+\s+Running\s+True/);
    expect(out).toMatch(/demo\s+virtualmachine\.kubevirt\.io\/cirros-stopped\s+\S+\s+Stopped\s+False/);
    expect(out).toMatch(/demo\s+virtualmachine\.kubevirt\.io\/big-database\s+\S+\s+ErrorUnschedulable\s+False/);
    expect(out).toMatch(
      /demo\s+virtualmachine\.kubevirt\.io\/broken-image\s+\S+\s+(ErrImagePull|ImagePullBackOff)\s+False/,
    );
    expect(out).toMatch(/default\s+virtualmachineinstance\.kubevirt\.io\/vmi-ephemeral\s+\S+\s+Running\s+10\.244\./);
    // compute, the containerDisk's volumecontainerdisk and guest-console-log (KubeVirt's
    // pkg/virt-controller/services/rendercontainer.go and serial-console-log.go)
    expect(out).toMatch(/demo\s+pod\/virt-launcher-fedora-web-\w{5}\s+3\/3\s+Running/);
    expect(out).toMatch(/kubevirt\s+pod\/virt-handler-\w+\s+1\/1\s+Running/);
    expect(out).toMatch(/demo\s+datavolume\.cdi\.kubevirt\.io\/centos-stream9-rootdisk\s+Succeeded\s+100\.0%/);
    expect(await kubectl(seeded, 'get kubevirt -n kubevirt')).toMatch(/kubevirt\s+\S+\s+Deployed/);
  });
});
