/**
 * Kubernetes' own schemas for the built-in kinds, served and enforced, checked through kubectl and
 * @kubernetes/client-node. The behaviour follows kube-apiserver (the differential cases in
 * server/stack/diff/cases-schemas.ts compare it with a real one):
 * - a built-in kind's body is decoded into its Go type by sigs.k8s.io/json
 *   (k8s.io/apimachinery/pkg/runtime/serializer/json/json.go): unknown and duplicate fields in
 *   document order (k8s.io/kubernetes test/integration/apiserver/field_validation_test.go,
 *   testFieldValidationPost), a field of the wrong type is encoding/json's UnmarshalTypeError wrapped
 *   by k8s.io/apiserver/pkg/endpoints/handlers/create.go ("X in version "v" cannot be handled as a X");
 * - kubectl sends fieldValidation=Strict for --validate=strict (its default), Warn for
 *   --validate=warn, Ignore for --validate=false; unknown fields of built-in kinds are dropped, a
 *   CRD keeps what its schema preserves (KubeVirt's template metadata);
 * - `kubectl explain` reads /openapi/v3 (k8s.io/kubectl/pkg/explain/v2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppsV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { findKubectl, kubectlEnv, type KubectlEnv } from '../../../test/support/cluster/kubectl.js';
import { startJudgeCluster, type JudgeCluster } from '../../../test/support/cluster/judge-cluster.js';

const NS = 'core-schemas';
let cluster: JudgeCluster;
let k: KubectlEnv;

const pod = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: c
    image: busybox
    imagee: typo
${extra}`;

const service = (name: string, port = '80') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: {app: x}
  ports:
  - port: ${port}
    protocl: TCP
`;

const deployment = (name: string, replicas = '1') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selectr: {matchLabels: {app: x}}
  selector: {matchLabels: {app: x}}
  template:
    metadata: {labels: {app: x}, extra: dropped}
    spec: {containers: [{name: c, image: busybox}]}
`;

const get = async (kind: string, name: string) =>
  JSON.parse((await k.run(['get', kind, name, '-o', 'json'])).stdout) as Record<string, Record<string, unknown>>;

beforeAll(async () => {
  cluster = await startJudgeCluster();
  k = kubectlEnv(findKubectl(), cluster.url, NS);
  expect((await k.run(['create', 'namespace', NS])).code).toBe(0);
});

afterAll(async () => {
  await cluster?.close();
});

describe('kubectl explain reads the real descriptions', () => {
  it('explains pod.spec.containers, deployment.spec.strategy, vm.spec.runStrategy and dv.spec.source', async () => {
    const pods = await k.run(['explain', 'pod.spec.containers']);
    expect(pods.stderr).toBe('');
    expect(pods.stdout).toContain('FIELD: containers <[]Container>');
    expect(pods.stdout).toContain('List of containers belonging to the pod.');
    expect(pods.stdout).toMatch(/imagePullPolicy\s+<string>/);
    const strategy = await k.run(['explain', 'deployment.spec.strategy']);
    expect(strategy.stdout).toContain('The deployment strategy to use to replace existing pods with new ones.');
    const vm = await k.run(['explain', 'vm.spec.runStrategy']);
    expect(vm.stdout).toContain('Running state indicates the requested running state');
    const dv = await k.run(['explain', 'dv.spec.source']);
    expect(dv.stdout).toContain('FIELD: source <DataVolumeSource>');
    expect(dv.stdout).toMatch(/http\s+<DataVolumeSourceHTTP>/);
  });
});

describe('kubectl create of built-in kinds with a misspelled field', () => {
  it('--validate=strict (the default) fails with kube-apiserver message', async () => {
    const p = await k.run(['create', '-f', '-'], { input: pod('strict', '  restartPolicyy: Never') });
    expect(p.code).not.toBe(0);
    expect(p.stderr).toContain(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee", unknown field "spec.restartPolicyy"',
    );
    const s = await k.run(['create', '--validate=strict', '-f', '-'], { input: service('strict') });
    expect(s.stderr).toContain(
      'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].protocl"',
    );
    const d = await k.run(['create', '-f', '-'], { input: deployment('strict') });
    expect(d.stderr).toContain(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.selectr", unknown field "spec.template.metadata.extra"',
    );
    expect((await k.run(['get', 'pod,service,deployment', '-o', 'name'])).stdout).toBe('');
  });

  it('--validate=warn stores the object without the fields and warns', async () => {
    const r = await k.run(['create', '--validate=warn', '-f', '-'], { input: pod('warned') });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Warning: unknown field "spec.containers[0].imagee"');
    const stored = await get('pod', 'warned');
    expect((stored.spec.containers as Record<string, unknown>[])[0]).not.toHaveProperty('imagee');
  });

  it('--validate=false stores the object and drops the fields silently', async () => {
    const r = await k.run(['create', '--validate=false', '-f', '-'], { input: deployment('ignored') });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const stored = await get('deployment', 'ignored');
    expect(stored.spec).not.toHaveProperty('selectr');
    expect((stored.spec.template as { metadata: object }).metadata).not.toHaveProperty('extra');
  });

  it("a custom resource keeps what its schema preserves (a VM template's metadata)", async () => {
    const vm = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: {name: vm-extra}
spec:
  runStrategy: Halted
  extra: dropped
  template:
    metadata: {extra: kept}
    spec: {domain: {devices: {}, memory: {guest: 64Mi}}}
`;
    expect((await k.run(['create', '--validate=false', '-f', '-'], { input: vm })).code).toBe(0);
    const stored = await get('vm', 'vm-extra');
    expect(stored.spec).not.toHaveProperty('extra');
    expect((stored.spec.template as { metadata: object }).metadata).toHaveProperty('extra', 'kept');
  });

  it('a field of the wrong type fails the decoding, whatever the validation', async () => {
    const s = await k.run(['create', '--validate=false', '-f', '-'], { input: service('typed', '"eighty"') });
    expect(s.stderr).toContain(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
    );
    const d = await k.run(['create', '-f', '-'], { input: deployment('typed', '"3"') });
    expect(d.stderr).toContain(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });

  it('kubectl apply (client-side) and patch of a built-in kind check the result too', async () => {
    const r = await k.run(['apply', '-f', '-'], { input: pod('applied') });
    expect(r.stderr).toContain('strict decoding error: unknown field "spec.containers[0].imagee"');
    const ok = await k.run(['create', 'configmap', 'cm', '--from-literal=a=1']);
    expect(ok.code).toBe(0);
    const patch = await k.run(['patch', 'configmap', 'cm', '--type=merge', '-p', '{"dataa":{"b":"2"}}']);
    expect(patch.code).toBe(0);
    expect(patch.stderr).toContain('Warning: unknown field "dataa"');
  });
});

describe('fieldValidation over HTTP', () => {
  it('Warn names an unknown field in any script in its Warning header (UTF-8, as Go writes it)', async () => {
    const res = await fetch(`${cluster.url}/api/v1/namespaces/${NS}/configmaps?fieldValidation=Warn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'utf8' }, dätä: { a: 'ü' } }),
    });
    expect(res.status).toBe(201);
    const warning = Buffer.from(res.headers.get('warning') ?? '', 'latin1').toString('utf8');
    expect(warning).toBe('299 - "unknown field \\"dätä\\""');
  });
});

describe('the OpenAPI documents', () => {
  it('/openapi/v3 lists each group version with its hash; the documents carry the real schemas', async () => {
    const index = (await (await fetch(`${cluster.url}/openapi/v3`)).json()) as {
      paths: Record<string, { serverRelativeURL: string }>;
    };
    for (const gv of ['api/v1', 'apis/apps/v1', 'apis/rbac.authorization.k8s.io/v1', 'apis/kubevirt.io/v1'])
      expect(index.paths[gv].serverRelativeURL).toMatch(new RegExp(`^/openapi/v3/${gv}\\?hash=[0-9A-F]{64}$`));
    const v1 = (await (await fetch(`${cluster.url}${index.paths['api/v1'].serverRelativeURL}`)).json()) as {
      components: { schemas: Record<string, { description?: string; properties?: Record<string, unknown> }> };
    };
    const podSpec = v1.components.schemas['io.k8s.api.core.v1.PodSpec'];
    expect(podSpec.description).toBe('PodSpec is a description of a pod.');
    expect(podSpec.properties?.containers).toMatchObject({ 'x-kubernetes-patch-merge-key': 'name' });
    const v2 = (await (await fetch(`${cluster.url}/openapi/v2`)).json()) as { definitions: Record<string, unknown> };
    expect(v2.definitions['io.k8s.api.apps.v1.Deployment']).toMatchObject({
      'x-kubernetes-group-version-kind': [{ group: 'apps', version: 'v1', kind: 'Deployment' }],
    });
  });

  it('kubectl apply computes a built-in kind strategic merge patch from /openapi/v3, without /openapi/v2', async () => {
    const dep = (image: string) =>
      deployment('applied', '2').replace('  selectr: {matchLabels: {app: x}}\n', '').replace('busybox', image);
    expect((await k.run(['apply', '-f', '-'], { input: dep('busybox:1').replace(', extra: dropped', '') })).code).toBe(
      0,
    );
    const r = await k.run(['apply', '-v=6', '-f', '-'], { input: dep('busybox:2').replace(', extra: dropped', '') });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('/openapi/v3/apis/apps/v1?hash=');
    expect(r.stderr).not.toContain('/openapi/v2');
    const stored = await get('deployment', 'applied');
    const containers = (stored.spec.template as { spec: { containers: { image: string }[] } }).spec.containers;
    expect(containers.map((c) => c.image)).toEqual(['busybox:2']);
  });
});

describe('@kubernetes/client-node', () => {
  it('creates and reads typed built-in objects under Strict', async () => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'e', server: cluster.url, skipTLSVerify: true }],
      users: [{ name: 'u' }],
      contexts: [{ name: 'e', cluster: 'e', user: 'u' }],
      currentContext: 'e',
    });
    const core = kc.makeApiClient(CoreV1Api);
    const svc = await core.createNamespacedService({
      namespace: NS,
      fieldValidation: 'Strict',
      body: { metadata: { name: 'from-node' }, spec: { ports: [{ port: 8080, targetPort: 'http' }] } },
    });
    expect(svc.spec?.ports?.[0].targetPort).toBe('http');
    const apps = kc.makeApiClient(AppsV1Api);
    const dep = await apps.createNamespacedDeployment({
      namespace: NS,
      fieldValidation: 'Strict',
      body: {
        metadata: { name: 'from-node' },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'n' } },
          template: { metadata: { labels: { app: 'n' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } },
        },
      },
    });
    expect(dep.spec?.replicas).toBe(2);
  });
});
