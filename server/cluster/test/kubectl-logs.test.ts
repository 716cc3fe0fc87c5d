/**
 * `kubectl logs` of a virt-launcher pod and `kubectl get all` (issue 19 item 5), with the real kubectl.
 * Checked against Kubernetes pkg/registry/core/pod/rest/log.go (the container chosen, options
 * validated) and pkg/kubelet/kubelet_pods.go (validateContainerLogStatus: "previous terminated
 * container ... not found"), KubeVirt's virt-launcher (cmd/virt-launcher/virt-launcher.go,
 * pkg/virt-launcher/virtwrap/manager.go: its JSON lines and messages), pkg/virt-controller/services/
 * serial-console-log.go (the guest-console-log container) and pkg/virt-operator/resource/generate/
 * components/crds.go (the CRDs' categories).
 */
import { until as waitUntil } from '../../../test/support/until.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findKubectl, kubectlEnv, type KubectlEnv } from '../../../test/support/cluster/kubectl.js';
import { CIRROS_IMAGE, podNetwork, virtioRootDisk, vmManifest } from '../../../test/support/cluster/vm-manifest.js';
import { testCluster } from '../../../test/support/cluster/lifecycle.js';
import type { RunningCluster } from '../index.js';

const NS = 'logs';
let cluster: RunningCluster;
let k: KubectlEnv;
let pod: string;

const ok = (args: string[], input?: string) => k.ok(args, { input });

const until = <T>(what: string, probe: () => Promise<T | undefined>) => waitUntil(what, probe, 60_000);

const vmiPhase = () => k.run(['get', 'vmi', 'cirros', '-o', 'jsonpath={.status.phase}']).then((r) => r.stdout);
const messages = (out: string) =>
  out
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { msg: string }).msg);

beforeAll(async () => {
  cluster = await testCluster(20);
  k = kubectlEnv(findKubectl(), cluster.url, NS);
  await ok(['create', 'namespace', NS]);
  await ok(['apply', '-f', '-'], JSON.stringify(vmManifest('cirros', { namespace: NS, image: CIRROS_IMAGE })));
  await until('the VMI to run', async () => ((await vmiPhase()) === 'Running' ? true : undefined));
  pod = (
    await ok(['get', 'pods', '-l', 'kubevirt.io=virt-launcher', '-o', 'jsonpath={.items[0].metadata.name}'])
  ).trim();
});
afterAll(async () => {
  await cluster?.close();
});

it("prints virt-launcher's JSON lines from compute, the default container", async () => {
  const out = await ok(['logs', pod]);
  const lines = out.trim().split('\n');
  for (const line of lines) {
    const entry = JSON.parse(line) as Record<string, string>;
    expect(entry.component).toBe('virt-launcher');
    expect(entry.level).toBe('info');
    expect(entry.pos).toMatch(/^[a-z-]+\.go:\d+$/);
    expect(entry.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    // go-kit's JSON logger writes the keys of a map: sorted
    expect(Object.keys(entry)).toEqual([...Object.keys(entry)].sort());
  }
  const msgs = messages(out);
  expect(msgs).toEqual(expect.arrayContaining(['Marked as ready', 'Domain defined.', 'Domain started.', 'Synced vmi']));
  expect(msgs.indexOf('Domain defined.')).toBeLessThan(msgs.indexOf('Domain started.'));
  const defined = lines.map((l) => JSON.parse(l) as Record<string, string>).find((e) => e.msg === 'Domain defined.');
  expect(defined).toMatchObject({ name: 'cirros', namespace: NS, kind: '' });
  // -c compute is the same
  expect(await ok(['logs', pod, '-c', 'compute'])).toBe(out);
});

it('--tail, --timestamps and --limit-bytes cut and stamp the lines', async () => {
  const all = (await ok(['logs', pod, '-c', 'compute'])).trim().split('\n');
  expect((await ok(['logs', pod, '--tail=2'])).trim().split('\n')).toEqual(all.slice(-2));
  expect(await ok(['logs', pod, '--tail=0'])).toBe('');
  const stamped = (await ok(['logs', pod, '--timestamps'])).trim().split('\n');
  expect(stamped).toHaveLength(all.length);
  stamped.forEach((l, i) => expect(l).toBe(`${l.slice(0, l.indexOf(' '))} ${all[i]}`));
  for (const l of stamped) expect(l).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z \{/);
  expect(await ok(['logs', pod, '--limit-bytes=10'])).toBe(all[0].slice(0, 10));
});

it('guest-console-log has what the guest printed on its serial console', async () => {
  // CirrOS's banner, printed just before its login prompt (a line the kubelet keeps once it ends)
  const out = await until('the banner in the console log', async () => {
    const text = await ok(['logs', pod, '-c', 'guest-console-log']);
    return text.includes("login as 'cirros' user") ? text : undefined;
  });
  expect(out).toContain('=== CirrOS');
  const spec = JSON.parse(await ok(['get', 'pod', pod, '-o', 'json'])) as {
    spec: { containers: { name: string; command?: string[] }[] };
  };
  expect(spec.spec.containers.find((c) => c.name === 'guest-console-log')?.command).toEqual(['/usr/bin/virt-tail']);
});

it('refuses --previous without a terminated container, an unknown container, and bad options, as kubelet and kube-apiserver do', async () => {
  const prev = await k.run(['logs', pod, '--previous']);
  expect(prev.code).not.toBe(0);
  expect(prev.stderr).toContain(`previous terminated container "compute" in pod "${pod}" not found`);
  const unknown = await k.run(['logs', pod, '-c', 'nope']);
  expect(unknown.stderr).toContain(`container nope is not valid for pod ${pod}`);
  const raw = await k.run(['get', '--raw', `/api/v1/namespaces/${NS}/pods/${pod}/log`]);
  expect(raw.stderr).toContain('a container name must be specified for pod');
  expect(raw.stderr).toContain('choose one of: [compute volumeroot guest-console-log]');
  const negative = await k.run([
    'get',
    '--raw',
    `/api/v1/namespaces/${NS}/pods/${pod}/log?container=compute&tailLines=-1`,
  ]);
  expect(negative.stderr).toContain('tailLines: Invalid value: -1: must be greater than or equal to 0');
  const missing = await k.run(['logs', 'virt-launcher-gone-abcde']);
  expect(missing.stderr).toContain('pods "virt-launcher-gone-abcde" not found');
});

it('kubectl get all lists the pods, services and the KubeVirt kinds in the "all" category', async () => {
  await ok(
    ['apply', '-f', '-'],
    JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } }),
  );
  const out = await ok(['get', 'all', '-o', 'name']);
  expect(out).toContain(`pod/${pod}`);
  expect(out).toContain('service/web');
  expect(out).toContain('virtualmachine.kubevirt.io/cirros');
  const kinds = JSON.parse(await ok(['get', '--raw', '/apis/instancetype.kubevirt.io/v1beta1'])) as {
    resources: { name: string; categories?: string[] }[];
  };
  const categories = Object.fromEntries(kinds.resources.map((r) => [r.name, r.categories ?? []]));
  expect(categories).toMatchObject({
    virtualmachineinstancetypes: ['all'],
    virtualmachinepreferences: ['all'],
    virtualmachineclusterinstancetypes: [],
    virtualmachineclusterpreferences: [],
  });
  const migrations = JSON.parse(await ok(['get', '--raw', '/apis/migrations.kubevirt.io/v1alpha1'])) as {
    resources: { name: string; categories?: string[] }[];
  };
  expect(migrations.resources.find((r) => r.name === 'migrationpolicies')?.categories).toBeUndefined();
});

it("a live migration is in both launchers' logs: initiated and succeeded on the source, the target synced", async () => {
  await ok(
    ['apply', '-f', '-'],
    JSON.stringify(
      vmManifest('mover', {
        namespace: NS,
        image: CIRROS_IMAGE,
        devices: { ...virtioRootDisk, interfaces: podNetwork.interfaces },
        networks: podNetwork.networks,
      }),
    ),
  );
  await until('mover to run', async () => {
    const r = await k.run(['get', 'vmi', 'mover', '-o', 'jsonpath={.status.phase}']);
    return r.stdout === 'Running' ? true : undefined;
  });
  const source = (await ok(['get', 'vmi', 'mover', '-o', 'jsonpath={.status.activePods}'])).match(
    /"([0-9a-f-]{36})"/,
  )?.[1];
  expect(source).toBeDefined();
  const podByUid = async (uid: string) =>
    (await ok(['get', 'pods', '-o', `jsonpath={.items[?(@.metadata.uid=="${uid}")].metadata.name}`])).trim();
  const sourcePod = await podByUid(source!);
  await ok(
    ['apply', '-f', '-'],
    JSON.stringify({
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachineInstanceMigration',
      metadata: { name: 'move-1' },
      spec: { vmiName: 'mover' },
    }),
  );
  await until('the migration to succeed', async () => {
    const r = await k.run(['get', 'vmim', 'move-1', '-o', 'jsonpath={.status.phase}']);
    return r.stdout === 'Succeeded' ? true : undefined;
  });
  const target = (await ok(['get', 'vmi', 'mover', '-o', 'jsonpath={.status.migrationState.targetPod}'])).trim();
  expect(target).not.toBe(sourcePod);
  const sourceMsgs = messages(await ok(['logs', sourcePod]));
  expect(sourceMsgs).toEqual(expect.arrayContaining(['Initiating live migration.', 'Live migration succeeded.']));
  expect(sourceMsgs.indexOf('Initiating live migration.')).toBeLessThan(
    sourceMsgs.indexOf('Live migration succeeded.'),
  );
  const targetMsgs = messages(await ok(['logs', target]));
  expect(targetMsgs).toEqual(expect.arrayContaining(['Marked as ready', 'Synced vmi']));
  expect(targetMsgs).not.toContain('Initiating live migration.');
});

it('-f follows the compute log until the VM is stopped and the container exits', async () => {
  const child = k.spawn(['logs', '-f', pod, '-n', NS]);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await until('the existing lines', async () => (out.includes('Synced vmi') ? true : undefined));
  await ok(['patch', 'vm', 'cirros', '--type=merge', '-p', '{"spec":{"runStrategy":"Halted"}}']);
  expect(await exited).toBe(0);
  const msgs = messages(out);
  expect(msgs).toContain('Signaled graceful shutdown for cirros');
  expect(msgs.at(-1)).toBe('Exiting...');
});
