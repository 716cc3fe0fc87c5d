// The deployment manifests (deploy/openshift, deploy/kubernetes) are valid: kustomize renders
// them, and the embedded cluster, which validates like kube-apiserver, accepts every object with
// dryRun=All and stores none of them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { startCluster, type RunningCluster } from '../cluster/index.js';
import { findKubectl, kubectlEnv, type KubectlEnv } from '../../test/support/cluster/kubectl.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let cluster: RunningCluster;
let kubectl: KubectlEnv;

beforeAll(async () => {
  cluster = await startCluster({ port: 0, seed: 'none', log: () => {} });
  kubectl = kubectlEnv(findKubectl(), cluster.url);
  // A server dry run of objects in a namespace that does not exist yet fails, as on a real cluster.
  expect((await kubectl.run(['create', 'namespace', 'kubevirt-console', '--save-config'])).code).toBe(0);
});

afterAll(() => cluster.close());

interface Rendered {
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: Record<string, unknown>;
}
interface Container {
  name: string;
  args?: string[];
  resources?: { requests?: object; limits?: object };
  readinessProbe?: object;
  livenessProbe?: object;
  securityContext: { runAsUser?: number; [k: string]: unknown };
}

async function render(overlay: string): Promise<Rendered[]> {
  const r = await kubectl.run(['kustomize', path.join(repo, 'deploy', overlay)]);
  expect(r.stderr).toBe('');
  return parseAllDocuments(r.stdout).map((d) => d.toJS() as Rendered);
}

describe.each([
  ['openshift', ['Namespace', 'ServiceAccount', 'Service', 'Deployment', 'Route']],
  ['kubernetes', ['Namespace', 'ServiceAccount', 'ConfigMap', 'Service', 'Deployment', 'Ingress']],
])('deploy/%s', (overlay, kinds) => {
  it('renders the expected objects, with a hardened two-replica Deployment', async () => {
    const objects = await render(overlay);
    expect(objects.map((o) => o.kind).sort()).toEqual([...kinds].sort());
    const deployment = objects.find((o) => o.kind === 'Deployment')!;
    const spec = deployment.spec as {
      replicas: number;
      template: { spec: { containers: Container[]; securityContext: Record<string, unknown> } };
    };
    expect(spec.replicas).toBe(2);
    expect(spec.template.spec.securityContext).toMatchObject({ runAsNonRoot: true });
    for (const c of spec.template.spec.containers) {
      expect(c.resources?.requests, c.name).toBeDefined();
      expect(c.resources?.limits, c.name).toBeDefined();
      expect(c.readinessProbe, c.name).toBeDefined();
      expect(c.livenessProbe, c.name).toBeDefined();
      expect(c.securityContext, c.name).toMatchObject({
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      });
      expect(c.securityContext.runAsUser, c.name).toBeUndefined();
    }
    const consoleContainer = spec.template.spec.containers.find((c) => c.name === 'console')!;
    expect(consoleContainer.args).toContain('--in-cluster');
    expect(consoleContainer.args).not.toContain('--service-account');
  });

  it('is accepted by the API server with dryRun=All, and nothing is stored', async () => {
    const r = await kubectl.run(['apply', '-k', path.join(repo, 'deploy', overlay), '--dry-run=server']);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(kinds.length);
    for (const line of lines) expect(line).toMatch(/ (created|configured|unchanged) \(server dry run\)$/);
    const stored = await kubectl.run([
      'get',
      'deployments,services,serviceaccounts',
      '-n',
      'kubevirt-console',
      '-o',
      'name',
    ]);
    expect(stored.stdout).not.toContain('kubevirt-console');
  });
});

describe('deploy/openshift specifics', () => {
  it('re-encrypts at the route with a serving certificate and redirects HTTP', async () => {
    const objects = await render('openshift');
    const route = objects.find((o) => o.kind === 'Route')!;
    expect(route.spec).toMatchObject({ tls: { termination: 'reencrypt', insecureEdgeTerminationPolicy: 'Redirect' } });
    const service = objects.find((o) => o.kind === 'Service')!;
    expect(service.metadata).toMatchObject({
      annotations: { 'service.beta.openshift.io/serving-cert-secret-name': 'kubevirt-console-tls' },
    });
  });
});
