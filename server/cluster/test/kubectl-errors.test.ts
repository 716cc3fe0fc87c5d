/**
 * The judge, error cases: kubectl's own messages for every kind of bad request, and 401/403
 * with a users file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKubectl, kubectlEnv, type KubectlEnv } from '../../../test/support/cluster/kubectl.js';
import { startJudgeCluster, type JudgeCluster } from '../../../test/support/cluster/judge-cluster.js';
import { startTlsFront, type TlsFront } from '../../../test/support/cluster/tls-front.js';

const NS = 'errors';
const bin = findKubectl();

const vmYaml = (name: string, extra = 'runStrategy: Halted') => `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: ${name}
spec:
  ${extra}
  template:
    spec:
      domain:
        devices: {disks: [{name: root, disk: {bus: virtio}}]}
        memory: {guest: 128Mi}
      volumes: [{name: root, containerDisk: {image: quay.io/x}}]
`;

async function fails(k: KubectlEnv, args: string[], opts: { token?: string; input?: string } = {}): Promise<string> {
  const r = await k.run(args, opts);
  expect(r.code, `expected kubectl ${args.join(' ')} to fail; stdout: ${r.stdout}`).not.toBe(0);
  return r.stderr.trim();
}

describe('kubectl error messages', () => {
  let cluster: JudgeCluster;
  let k: KubectlEnv;
  beforeAll(async () => {
    cluster = await startJudgeCluster();
    k = kubectlEnv(bin, cluster.url, NS);
    await k.run(['apply', '-f', '-'], { input: `{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"${NS}"}}` });
  });
  afterAll(async () => cluster?.close());

  it('NotFound', async () => {
    expect(await fails(k, ['get', 'vm', 'nope'])).toBe(
      'Error from server (NotFound): virtualmachines.kubevirt.io "nope" not found',
    );
    expect(await fails(k, ['get', 'pod', 'nope'])).toBe('Error from server (NotFound): pods "nope" not found');
  });
  it('unknown resource type', async () => {
    expect(await fails(k, ['get', 'foos'])).toBe('error: the server doesn\'t have a resource type "foos"');
  });
  it('malformed YAML is refused by kubectl, malformed JSON by the server (400)', async () => {
    const yamlErr = await fails(k, [
      'apply',
      '-f',
      k.write('bad.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: [\n'),
    ]);
    expect(yamlErr).toMatch(/^error: error parsing .*bad\.yaml: error converting YAML to JSON: yaml: /);
    const raw = await fails(k, [
      'create',
      '--raw',
      `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines`,
      '-f',
      k.write('bad.json', '{"kind": "VirtualMachine", oops'),
    ]);
    expect(raw).toMatch(/^Error from server \(BadRequest\)/);
  });
  // kubectl looks an unknown GroupVersion up in /openapi/v3, then /openapi/v2 and the CRD list.
  it('wrong apiVersion or kind in a manifest', async () => {
    const version = await fails(k, [
      'apply',
      '-f',
      k.write('v9.yaml', vmYaml('v9').replace('kubevirt.io/v1', 'kubevirt.io/v9')),
    ]);
    expect(version).toContain('no matches for kind "VirtualMachine" in version "kubevirt.io/v9"');
    const kind = await fails(k, [
      'apply',
      '-f',
      k.write('kind.yaml', vmYaml('kind').replace('kind: VirtualMachine', 'kind: VirtualMachin')),
    ]);
    expect(kind).toContain('no matches for kind "VirtualMachin" in version "kubevirt.io/v1"');
  });
  it('another API group in the body (400)', async () => {
    const body = JSON.stringify({
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      kind: 'DataVolume',
      metadata: { name: 'x' },
      spec: {},
    });
    const raw = await fails(k, [
      'create',
      '--raw',
      `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines`,
      '-f',
      k.write('gv.json', body),
    ]);
    expect(raw).toBe(
      'Error from server (BadRequest): the API version in the data (cdi.kubevirt.io/v1beta1) does not match the expected API version (kubevirt.io/v1)',
    );
  });
  it('invalid name (422 with kube-apiserver wording)', async () => {
    const err = await fails(k, ['apply', '-f', k.write('bad-name.yaml', vmYaml('Bad_Name'))]);
    expect(err).toContain(
      '"Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters',
    );
  });
  it('KubeVirt webhook denials', async () => {
    const both = await fails(k, [
      'apply',
      '-f',
      k.write('both.yaml', vmYaml('both', 'running: true\n  runStrategy: Always')),
    ]);
    // kubectl prints a webhook's Invalid status (no kind/name details) as "The request is invalid: <field>: <message>".
    expect(both).toBe(
      'The request is invalid: spec.running: Running and RunStrategy are mutually exclusive. Note that Running is deprecated, please use RunStrategy instead',
    );
    const disk = await fails(k, [
      'apply',
      '-f',
      k.write('disk.yaml', vmYaml('disk').replace('volumes: [{name: root', 'volumes: [{name: other')),
    ]);
    expect(disk).toBe(
      "The request is invalid: spec.template.spec.domain.devices.disks[0].name: spec.template.spec.domain.devices.disks[0].Name 'root' not found.",
    );
    const raw = await fails(k, [
      'create',
      '--raw',
      `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines`,
      '-f',
      k.write(
        'rs.json',
        JSON.stringify({
          apiVersion: 'kubevirt.io/v1',
          kind: 'VirtualMachine',
          metadata: { name: 'rs' },
          spec: { runStrategy: 'Sometimes', template: { spec: { domain: { devices: {} } } } },
        }),
      ),
    ]);
    expect(raw).toBe('The request is invalid: spec.runStrategy: Invalid RunStrategy (Sometimes)');
  });
  it('running alone is accepted with the deprecation warning', async () => {
    const r = await k.run(['apply', '-f', k.write('running.yaml', vmYaml('running', 'running: false'))]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Warning: spec.running is deprecated, please use spec.runStrategy instead.');
  });
  it('oversized body (413)', async () => {
    const big = JSON.stringify({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'big' },
      data: { a: 'x'.repeat(4 * 1024 * 1024) },
    });
    const err = await fails(k, [
      'create',
      '--raw',
      `/api/v1/namespaces/${NS}/configmaps`,
      '-f',
      k.write('big.json', big),
    ]);
    expect(err).toMatch(/^Error from server \(RequestEntityTooLarge\)/);
  });
  it('conflicting update (409)', async () => {
    await k.run(['apply', '-f', k.write('c.yaml', vmYaml('conflicted'))]);
    const stale = (await k.run(['get', 'vm', 'conflicted', '-o', 'yaml'])).stdout;
    await k.run(['label', 'vm', 'conflicted', 'bump=1']);
    const err = await fails(k, ['replace', '-f', k.write('stale.yaml', stale)]);
    expect(err).toContain(
      'Operation cannot be fulfilled on virtualmachines.kubevirt.io "conflicted": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect(err).toMatch(/^Error from server \(Conflict\)/);
  });
  it('already exists (409)', async () => {
    const err = await fails(k, ['create', '-f', '-'], {
      input: `{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"${NS}"}}`,
    });
    expect(err).toBe(
      `Error from server (AlreadyExists): error when creating "STDIN": namespaces "${NS}" already exists`,
    );
  });
});

describe('kubectl with a users file (401/403)', () => {
  let cluster: JudgeCluster;
  let front: TlsFront;
  let k: KubectlEnv;
  beforeAll(async () => {
    const tmp = kubectlEnv(bin, 'http://unused', NS);
    const usersFile = tmp.write(
      'users.yaml',
      [
        'users:',
        '  - {name: root, token: root-token-1234, roles: [admin]}',
        `  - {name: viewer, token: viewer-token-12, roles: [{role: view, namespaces: [${NS}]}]}`,
      ].join('\n'),
    );
    cluster = await startJudgeCluster({ usersFile });
    front = await startTlsFront(cluster.url);
    k = kubectlEnv(bin, front.url, NS);
    const r = await k.run(['apply', '-f', '-'], {
      token: 'root-token-1234',
      input: `{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"${NS}"}}`,
    });
    expect(r.stderr).toBe('');
    await k.run(['apply', '-f', k.write('vm.yaml', vmYaml('guarded'))], { token: 'root-token-1234' });
  });
  afterAll(async () => {
    await front?.close();
    await cluster?.close();
  });

  it('401 for a wrong token', async () => {
    // kubectl words it after the Status ("Unauthorized") or, when discovery itself fails, generically.
    expect(await fails(k, ['get', 'vm'], { token: 'wrong-token-123' })).toMatch(
      /^error: You must be logged in to the server \((Unauthorized|the server has asked for the client to provide credentials)\)$/,
    );
  });
  it('403 with kube-apiserver wording', async () => {
    const del = await fails(k, ['delete', 'vm', 'guarded'], { token: 'viewer-token-12' });
    expect(del).toBe(
      `Error from server (Forbidden): virtualmachines.kubevirt.io "guarded" is forbidden: User "viewer" cannot delete resource "virtualmachines" in API group "kubevirt.io" in the namespace "${NS}"`,
    );
    const nodes = await fails(k, ['get', 'nodes'], { token: 'viewer-token-12' });
    expect(nodes).toBe(
      'Error from server (Forbidden): nodes is forbidden: User "viewer" cannot list resource "nodes" in API group "" at the cluster scope',
    );
    // Over plain http kubectl sends no token at all: the request is anonymous.
    const anon = await fails(kubectlEnv(bin, cluster.url, NS), ['get', 'vm']);
    expect(anon).toContain('User "system:anonymous" cannot list resource "virtualmachines" in API group "kubevirt.io"');
  });
  it('view can read, and kubectl auth can-i agrees', async () => {
    const r = await k.run(['get', 'vm', 'guarded', '-o', 'name'], { token: 'viewer-token-12' });
    expect(r.stdout).toBe('virtualmachine.kubevirt.io/guarded\n');
    expect((await k.run(['auth', 'can-i', 'list', 'vm'], { token: 'viewer-token-12' })).stdout).toBe('yes\n');
    expect((await k.run(['auth', 'can-i', 'delete', 'vm'], { token: 'viewer-token-12' })).stdout).toBe('no\n');
  });
});
