/**
 * KubeVirt's and CDI's own OpenAPI schemas, served and enforced, checked through kubectl and
 * @kubernetes/client-node. The behaviour follows kube-apiserver:
 * - fieldValidation Strict/Warn/Ignore and the messages: k8s.io/kubernetes
 *   test/integration/apiserver/field_validation_test.go (testFieldValidationPostCRD,
 *   testFieldValidationPatchCRD), k8s.io/apiserver/pkg/endpoints/handlers/create.go
 *   (transformDecodeError: "X in version "v" cannot be handled as a X: strict decoding error: ...");
 *   kubectl sends Strict by default (--validate=strict), no parameter means Warn;
 * - server-side apply with an unknown field: a 500 "failed to create typed patch object (ns/name; gvk):
 *   .spec.x: field not declared in schema" (structured-merge-diff through the field manager);
 * - types: kube-openapi's "spec.running in body must be of type boolean: "string"" (422).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { findKubectl, kubectlEnv, type KubectlEnv } from '../../../test/support/cluster/kubectl.js';
import { startJudgeCluster, type JudgeCluster } from '../../../test/support/cluster/judge-cluster.js';

const NS = 'schemas';
let cluster: JudgeCluster;
let k: KubectlEnv;

const vm = (name: string, extra: string) => `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: ${name}
spec:
  runStrategy: Halted
${extra}
  template:
    spec:
      domain:
        devices: {}
        memory: {guest: 64Mi}
`;

const api = async (method: string, path: string, body: string, type = 'application/json') => {
  const res = await fetch(`${cluster.url}${path}`, { method, headers: { 'content-type': type }, body });
  return {
    status: res.status,
    warnings: res.headers.get('warning'),
    json: (await res.json()) as { message?: string; spec?: Record<string, unknown> },
  };
};

beforeAll(async () => {
  cluster = await startJudgeCluster();
  k = kubectlEnv(findKubectl(), cluster.url, NS);
  expect((await k.run(['create', 'namespace', NS])).code).toBe(0);
});

afterAll(async () => {
  await cluster?.close();
});

describe('kubectl explain reads the served schemas', () => {
  it('explains vm.spec.runStrategy and dv.spec.source.http.url', async () => {
    const r = await k.run(['explain', 'vm.spec.runStrategy']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('FIELD: runStrategy <string>');
    expect(r.stdout).toContain('Running state indicates the requested running state');
    const dv = await k.run(['explain', 'dv.spec.source.http.url']);
    expect(dv.stdout).toContain('URL is the URL of the http(s) endpoint');
    const vmi = await k.run(['explain', 'vmi.spec.domain.devices']);
    expect(vmi.stdout).toMatch(/disks\s+<\[\]Disk>/);
  });
});

describe('fieldValidation through kubectl', () => {
  it('Strict (kubectl default) refuses an unknown field', async () => {
    const r = await k.run(['apply', '-f', '-'], { input: vm('typo', '  runStrateg: Always') });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(
      'VirtualMachine in version "v1" cannot be handled as a VirtualMachine: strict decoding error: unknown field "spec.runStrateg"',
    );
    expect((await k.run(['get', 'vm', 'typo'])).code).not.toBe(0);
  });

  it('Warn stores the object without the field and says so', async () => {
    const r = await k.run(['apply', '--validate=warn', '-f', '-'], { input: vm('warned', '  runStrateg: Always') });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Warning: unknown field "spec.runStrateg"');
    const spec = JSON.parse((await k.run(['get', 'vm', 'warned', '-o', 'jsonpath={.spec}'])).stdout) as object;
    expect(spec).toHaveProperty('runStrategy', 'Halted');
    expect(spec).not.toHaveProperty('runStrateg');
  });

  it('Ignore (--validate=false) drops it silently; kubectl patch (no parameter: Warn) warns', async () => {
    const r = await k.run(['apply', '--validate=false', '-f', '-'], { input: vm('ignored', '  runStrateg: Always') });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const patch = await k.run(['patch', 'vm', 'ignored', '--type=merge', '-p', '{"spec":{"runStrateg":"Always"}}']);
    expect(patch.code).toBe(0);
    expect(patch.stderr).toContain('Warning: unknown field "spec.runStrateg"');
    expect((await k.run(['get', 'vm', 'ignored', '-o', 'jsonpath={.spec.runStrateg}'])).stdout).toBe('');
  });

  it('server-side apply refuses unknown fields whatever the validation', async () => {
    const r = await k.run(['apply', '--server-side', '--validate=false', '-f', '-'], {
      input: vm('ssa', '  runStrateg: Always'),
    });
    // a plain error, so a 500 without a reason (fieldmanager/internal/structuredmerge.go: objectGVKNN
    // names the patch's namespace/name; kubectl puts the namespace in the body)
    expect(r.stderr).toContain(
      'Error from server: failed to create typed patch object (schemas/ssa; kubevirt.io/v1, Kind=VirtualMachine): .spec.runStrateg: field not declared in schema',
    );
  });

  it('types are enforced (422)', async () => {
    const r = await k.run(['apply', '-f', '-'], {
      input: vm('typed', '  dataVolumeTemplates:\n  - metadata: {name: d}\n    spec: {storage: {volumeMode: 5}}'),
    });
    expect(r.stderr).toContain(
      'spec.dataVolumeTemplates[0].spec.storage.volumeMode: Invalid value: "integer": spec.dataVolumeTemplates[0].spec.storage.volumeMode in body must be of type string: "integer"',
    );
  });
});

describe('fieldValidation over HTTP', () => {
  const base = `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines`;
  const body = (name: string) =>
    `{"apiVersion":"kubevirt.io/v1","kind":"VirtualMachine","metadata":{"name":"${name}","name":"${name}"},` +
    `"spec":{"runStrategy":"Halted","runStrategy":"Halted","unknown1":1,"template":{"spec":{"domain":{"devices":{"disks":[{"name":"d","bogus":true}]}},"volumes":[{"name":"d","containerDisk":{"image":"quay.io/containerdisks/fedora"}}]}}}}`;

  it('Strict lists duplicate fields, then unknown fields, in one 400', async () => {
    const r = await api('POST', `${base}?fieldValidation=Strict`, body('dup-strict'));
    expect(r.status).toBe(400);
    expect(r.json.message).toBe(
      'VirtualMachine in version "v1" cannot be handled as a VirtualMachine: strict decoding error: ' +
        'duplicate field "metadata.name", duplicate field "spec.runStrategy", ' +
        'unknown field "spec.template.spec.domain.devices.disks[0].bogus", unknown field "spec.unknown1"',
    );
  });

  it('without the parameter (Warn) each one is a Warning header', async () => {
    const r = await api('POST', base, body('dup-warn'));
    expect(r.status).toBe(201);
    expect(r.warnings).toBe(
      '299 - "duplicate field \\"metadata.name\\"", 299 - "duplicate field \\"spec.runStrategy\\"", ' +
        '299 - "unknown field \\"spec.template.spec.domain.devices.disks[0].bogus\\"", 299 - "unknown field \\"spec.unknown1\\""',
    );
    expect(r.json.spec).not.toHaveProperty('unknown1');
  });

  it('an unsupported value is refused', async () => {
    const r = await api('POST', `${base}?fieldValidation=Loose`, body('bad-param'));
    expect(r.status).toBe(422);
    expect(r.json.message).toContain('fieldValidation: Unsupported value: "Loose"');
  });

  it('a merge patch with an unknown field under Strict is an invalid patch', async () => {
    const r = await api(
      'PATCH',
      `${base}/dup-warn?fieldValidation=Strict`,
      '{"spec":{"runStrateg":"Always"}}',
      'application/merge-patch+json',
    );
    expect(r.status).toBe(422);
    expect(r.json.message).toBe(
      ' "" is invalid: patch: Invalid value: "map[spec:map[runStrateg:Always]]": strict decoding error: unknown field "spec.runStrateg"',
    );
  });
});

describe('@kubernetes/client-node (no fieldValidation: Warn)', () => {
  it('creates a VirtualMachine whose unknown fields are pruned', async () => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'e', server: cluster.url, skipTLSVerify: true }],
      users: [{ name: 'u' }],
      contexts: [{ name: 'e', cluster: 'e', user: 'u' }],
      currentContext: 'e',
    });
    const co = kc.makeApiClient(CustomObjectsApi);
    const created = (await co.createNamespacedCustomObject({
      group: 'kubevirt.io',
      version: 'v1',
      namespace: NS,
      plural: 'virtualmachines',
      body: {
        apiVersion: 'kubevirt.io/v1',
        kind: 'VirtualMachine',
        metadata: { name: 'from-node' },
        spec: { runStrategy: 'Halted', colour: 'blue', template: { spec: { domain: { devices: {} } } } },
      },
    })) as { spec: Record<string, unknown> };
    expect(created.spec).not.toHaveProperty('colour');
    expect(created.spec.runStrategy).toBe('Halted');
  });
});
