/**
 * The VM validator's instance type checks and expand-spec, through kubectl (issue 23 item 5).
 * Checked against KubeVirt:
 * - pkg/instancetype/webhooks/vm (ApplyToVM: "Failure to find instancetype: ...", the preference's
 *   requirements) and pkg/instancetype/apply + conflict ("VM field(s) <path> conflicts with
 *   selected instance type", one FieldValueInvalid cause per field),
 * - pkg/instancetype/find (namespaced VirtualMachineInstancetype/Preference by kind),
 * - pkg/virt-api/rest/expand.go (expand-spec),
 * - CDI's DataImportCron controller (instancetype.kubevirt.io/default-* labels on the DataSource).
 */
import { until as waitUntil } from '../../../test/support/until.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKubectl, kubectlEnv, type KubectlEnv } from '../../../test/support/cluster/kubectl.js';
import { startJudgeCluster, type JudgeCluster } from '../../../test/support/cluster/judge-cluster.js';

const NS = 'itadmit';
const bin = findKubectl();
let cluster: JudgeCluster;
let k: KubectlEnv;

const ok = (args: string[], input?: string) => k.ok(args, { input });

const until = <T>(what: string, probe: () => Promise<T | undefined>) => waitUntil(what, probe);

const vm = (name: string, extra: Record<string, unknown>, domain: Record<string, unknown> = {}) =>
  JSON.stringify({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name },
    spec: {
      runStrategy: 'Always',
      ...extra,
      template: {
        spec: {
          domain: { devices: {}, ...domain },
          volumes: [{ name: 'root', containerDisk: { image: 'quay.io/containerdisks/fedora:latest' } }],
        },
      },
    },
  });

beforeAll(async () => {
  cluster = await startJudgeCluster();
  k = kubectlEnv(bin, cluster.url, NS);
  await ok(['create', 'namespace', NS]);
});
afterAll(async () => {
  await cluster?.close();
});

/** A create as client-go sends it: the Status of a refusal (kubectl prints its causes instead). */
async function create(body: string): Promise<{ code: number; message: string; details?: { causes: unknown[] } }> {
  const r = await fetch(`${cluster.url}/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return (await r.json()) as { code: number; message: string; details?: { causes: unknown[] } };
}

describe('instance type admission', () => {
  it("refuses the VM's own CPU and memory beside an instance type, with KubeVirt's causes", async () => {
    const both = await create(
      vm('both', { instancetype: { name: 'u1.small' } }, { cpu: { sockets: 2 }, memory: { guest: '1Gi' } }),
    );
    expect([both.code, both.message]).toEqual([
      422,
      'admission webhook "virtualmachine-validator.kubevirt.io" denied the request: ' +
        'VM field(s) spec.template.spec.domain.cpu.sockets conflicts with selected instance type, ' +
        'VM field(s) spec.template.spec.domain.memory.guest conflicts with selected instance type',
    ]);
    const r = await k.run(['create', '-f', '-'], {
      input: vm('both', { instancetype: { name: 'u1.small' } }, { cpu: { cores: 2 } }),
    });
    expect(r.stderr).toContain(
      'spec.template.spec.domain.cpu.cores: VM field(s) spec.template.spec.domain.cpu.cores conflicts with selected instance type',
    );
    const requests = await create(
      vm('raw', { instancetype: { name: 'u1.small' } }, { resources: { requests: { memory: '1Gi' } } }),
    );
    expect(requests.details?.causes).toEqual([
      {
        reason: 'FieldValueInvalid',
        message:
          'VM field(s) spec.template.spec.domain.resources.requests.memory conflicts with selected instance type',
        field: 'spec.template.spec.domain.resources.requests.memory',
      },
    ]);
  });

  it('refuses a missing instance type or preference, and a preference the instance type cannot satisfy', async () => {
    const missing = await create(vm('lost', { instancetype: { name: 'nope' } }));
    expect(missing.message).toBe(
      'admission webhook "virtualmachine-validator.kubevirt.io" denied the request: ' +
        'Failure to find instancetype: virtualmachineclusterinstancetypes.instancetype.kubevirt.io "nope" not found',
    );
    const pref = await create(
      vm('lostpref', {
        instancetype: { name: 'u1.small' },
        preference: { name: 'gone', kind: 'VirtualMachinePreference' },
      }),
    );
    expect(pref.message).toContain(
      'Failure to find preference: virtualmachinepreferences.instancetype.kubevirt.io "gone" not found',
    );
    await ok(
      ['apply', '-f', '-'],
      JSON.stringify({
        apiVersion: 'instancetype.kubevirt.io/v1beta1',
        kind: 'VirtualMachinePreference',
        metadata: { name: 'big' },
        spec: { requirements: { cpu: { guest: 4 }, memory: { guest: '8Gi' } } },
      }),
    );
    const small = await create(
      vm('small', {
        instancetype: { name: 'u1.small' },
        preference: { name: 'big', kind: 'VirtualMachinePreference' },
      }),
    );
    expect(small.message).toContain(
      'insufficient CPU resources of 1 vCPU provided by instance type, preference requires 4 vCPU, ' +
        'insufficient Memory resources of 2Gi provided by instance type, preference requires 8Gi',
    );
  });

  it('uses a namespaced instance type, stores its revision, and expand-spec shows the expansion', async () => {
    await ok(
      ['apply', '-f', '-'],
      JSON.stringify({
        apiVersion: 'instancetype.kubevirt.io/v1beta1',
        kind: 'VirtualMachineInstancetype',
        metadata: { name: 'team.medium' },
        spec: { cpu: { guest: 3 }, memory: { guest: '3Gi' } },
      }),
    );
    await ok(
      ['create', '-f', '-'],
      vm('team', { instancetype: { name: 'team.medium', kind: 'VirtualMachineInstancetype' } }),
    );
    const ref = await until('the revision ref', async () => {
      const v = JSON.parse(await ok(['get', 'vm', 'team', '-o', 'json'])) as {
        status?: { instancetypeRef?: { kind: string; controllerRevisionRef?: { name: string } } };
      };
      return v.status?.instancetypeRef?.controllerRevisionRef ? v.status.instancetypeRef : undefined;
    });
    expect(ref.kind).toBe('VirtualMachineInstancetype');
    expect(
      await ok(['get', 'controllerrevision', ref.controllerRevisionRef!.name, '-o', 'jsonpath={.data.kind}']),
    ).toBe('VirtualMachineInstancetype');
    const expanded = JSON.parse(
      await ok(['get', '--raw', `/apis/subresources.kubevirt.io/v1/namespaces/${NS}/virtualmachines/team/expand-spec`]),
    ) as { spec: { instancetype?: unknown; template: { spec: { domain: { cpu: object; memory: object } } } } };
    expect(expanded.spec.instancetype).toBeUndefined();
    expect(expanded.spec.template.spec.domain.cpu).toMatchObject({ sockets: 3, cores: 1, threads: 1 });
    expect(expanded.spec.template.spec.domain.memory).toEqual({ guest: '3Gi' });
  });

  it('boot sources carry the default instance type and preference labels', async () => {
    const labels = await until('the fedora DataSource', async () => {
      const r = await k.run([
        'get',
        'datasource',
        'fedora',
        '-n',
        'kubevirt-os-images',
        '-o',
        'jsonpath={.metadata.labels}',
      ]);
      return r.code === 0 && r.stdout ? (JSON.parse(r.stdout) as Record<string, string>) : undefined;
    });
    expect(labels).toMatchObject({
      'instancetype.kubevirt.io/default-instancetype': 'u1.medium',
      'instancetype.kubevirt.io/default-preference': 'fedora',
    });
  });
});
