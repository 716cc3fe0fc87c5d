/**
 * kubectl's typed create commands send built-in kinds as protobuf (application/vnd.kubernetes.protobuf):
 * the embedded cluster decodes them with Kubernetes' own generated.proto files (api/protobuf.ts) into
 * the objects kube-apiserver would store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKubectl, kubectlEnv, type KubectlEnv } from '../../../test/support/cluster/kubectl.js';
import { startJudgeCluster, type JudgeCluster } from '../../../test/support/cluster/judge-cluster.js';

const bin = findKubectl();
const NS = 'pb';
let cluster: JudgeCluster;
let k: KubectlEnv;

const ok = (args: string[]) => k.ok(args);
/** A JSON document walked in assertions. */
interface Doc {
  [key: string]: Doc;
}
const getJson = async (...args: string[]) => JSON.parse(await ok(['get', ...args, '-o', 'json'])) as Doc;

beforeAll(async () => {
  cluster = await startJudgeCluster();
  k = kubectlEnv(bin, cluster.url, NS);
  await ok(['create', 'namespace', NS]);
});
afterAll(async () => {
  await cluster?.close();
});

describe('typed kubectl create (protobuf bodies)', () => {
  it('create deployment', async () => {
    expect(await ok(['create', 'deployment', 'd1', '--image=nginx', '--replicas=2', '--port=8080'])).toBe(
      'deployment.apps/d1 created\n',
    );
    // a pointer's zero is kept
    await ok(['create', 'deployment', 'd0', '--image=nginx', '--replicas=0']);
    expect((await getJson('deployment', 'd0')).spec.replicas).toBe(0);
    const d = await getJson('deployment', 'd1');
    expect(d.metadata.labels).toEqual({ app: 'd1' });
    expect(d.spec.replicas).toBe(2);
    // zeros of Go's non-pointer omitempty integers are absent, as in kube-apiserver's JSON
    expect(d.spec).not.toHaveProperty('minReadySeconds');
    expect(d.spec.template.metadata).not.toHaveProperty('generation');
    expect(d.spec.selector).toEqual({ matchLabels: { app: 'd1' } });
    expect(d.spec.template.spec.containers).toMatchObject([
      { name: 'nginx', image: 'nginx', ports: [{ containerPort: 8080 }] },
    ]);
  });

  it('create service clusterip / nodeport', async () => {
    expect(await ok(['create', 'service', 'clusterip', 'foo', '--tcp=80:8080'])).toBe('service/foo created\n');
    const s = await getJson('service', 'foo');
    expect(s.spec.type).toBe('ClusterIP');
    expect(s.spec.selector).toEqual({ app: 'foo' });
    expect(s.spec.ports).toMatchObject([{ name: '80-8080', port: 80, targetPort: 8080, protocol: 'TCP' }]);
    expect(await ok(['create', 'service', 'nodeport', 'np', '--tcp=443:https'])).toBe('service/np created\n');
    const np = await getJson('service', 'np');
    expect(np.spec.type).toBe('NodePort');
    expect(np.spec.ports[0]).toMatchObject({ port: 443, targetPort: 'https' });
    expect(np.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(np.spec).not.toHaveProperty('healthCheckNodePort');
  });

  it('create poddisruptionbudget, priorityclass, ingress, serviceaccount', async () => {
    await ok(['create', 'poddisruptionbudget', 'pdb1', '--selector=app=d1', '--min-available=50%']);
    expect((await getJson('pdb', 'pdb1')).spec).toMatchObject({
      minAvailable: '50%',
      selector: { matchLabels: { app: 'd1' } },
    });
    await ok(['create', 'poddisruptionbudget', 'pdb0', '--selector=app=d1', '--max-unavailable=0']);
    expect((await getJson('pdb', 'pdb0')).spec.maxUnavailable).toBe(0);
    await ok(['create', 'priorityclass', 'high', '--value=1000', '--description=important']);
    expect(await getJson('priorityclass', 'high')).toMatchObject({ value: 1000, description: 'important' });
    await ok(['create', 'ingress', 'web', '--rule=example.com/app*=foo:80']);
    const ing = await getJson('ingress', 'web');
    expect(ing.spec.rules).toMatchObject([
      {
        host: 'example.com',
        http: {
          paths: [{ path: '/app', pathType: 'Prefix', backend: { service: { name: 'foo', port: { number: 80 } } } }],
        },
      },
    ]);
    expect(await ok(['create', 'serviceaccount', 'robot'])).toBe('serviceaccount/robot created\n');
  });
});
