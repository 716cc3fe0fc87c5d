/**
 * deploy/openshift and deploy/kubernetes, rendered by kustomize as `oc apply -k` / `kubectl apply -k`
 * would: every image, probe, port, Service, Route, Ingress, ConfigMap and mounted Secret resolves,
 * and each Secret the manifests do not make is one the README says how to create. kustomize is
 * installed with Go on first use (scripts/lib/kustomize.ts); without Go the test fails in CI and
 * is skipped, saying why, elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ensureKustomize, kustomizeBuild } from './lib/kustomize.js';
import {
  checkImages,
  checkProbesAndPorts,
  checkReferences,
  checkTraffic,
  documentedSecrets,
  workloads,
  type K8sObject,
} from './lib/manifest-checks.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const NAMESPACE = 'kubevirt-console';
const hasGo = spawnSync('go', ['version']).status === 0;
if (!hasGo && !process.env.CI)
  console.warn('deploy manifests: skipped, kustomize is installed with Go and `go` was not found');

/** The health endpoints each image answers (the console's: README, "The server answers /healthz and /readyz"). */
const HEALTH = [
  { image: /\/kubevirt-console:/, paths: ['/healthz', '/readyz'] },
  { image: /\/origin-oauth-proxy:/, paths: ['/oauth/healthz'] },
  { image: /\/oauth2-proxy:/, paths: ['/ping', '/ready'] },
];

describe.skipIf(!hasGo && !process.env.CI)('deploy manifests', () => {
  let kustomize = '';
  // A test rather than a hook: without Go, CI reports failures, never skipped tests.
  it(
    'installs kustomize with Go (once, into a cache directory)',
    () => {
      kustomize = ensureKustomize((line) => console.log(line));
      expect(kustomize).toMatch(/kustomize$/);
    },
    20 * 60_000,
  );

  const rendered = new Map<string, K8sObject[]>();
  /** The overlay as kustomize builds it (a copy each time: a test may edit it). */
  const render = (overlay: string): K8sObject[] => {
    if (!kustomize) throw new Error('kustomize is not installed (see the first test)');
    if (!rendered.has(overlay)) {
      const docs = parseAllDocuments(kustomizeBuild(kustomize, `${root}deploy/${overlay}`)).map(
        (d) => d.toJS() as K8sObject | null,
      );
      rendered.set(
        overlay,
        docs.filter((o): o is K8sObject => Boolean(o)),
      );
    }
    return structuredClone(rendered.get(overlay)!);
  };
  const documented = documentedSecrets(readFileSync(`${root}README.md`, 'utf8'));

  for (const overlay of ['openshift', 'kubernetes']) {
    describe(overlay, () => {
      it('renders the console and its OAuth proxy, every image a registry/repository:tag reference', () => {
        const objects = render(overlay);
        const [deployment] = workloads(objects);
        expect(deployment.pod.containers.map((c) => c.name).sort()).toEqual([
          'console',
          overlay === 'openshift' ? 'oauth-proxy' : 'oauth2-proxy',
        ]);
        expect(deployment.pod.containers.find((c) => c.name === 'console')?.image).toBe(
          'quay.io/kubevirt-console/kubevirt-console:latest',
        );
        expect(checkImages(objects)).toEqual([]);
      });

      it("sends a browser without a token to its OAuth proxy's sign-in start (the console's --login-url)", () => {
        const [deployment] = workloads(render(overlay));
        const args = deployment.pod.containers.find((c) => c.name === 'console')?.args ?? [];
        expect(args).toContain('--in-cluster');
        // server/flags.ts: /oauth/start (OpenShift's oauth-proxy) unless --login-url says otherwise
        const at = args.indexOf('--login-url');
        const loginUrl = at >= 0 ? args[at + 1] : '/oauth/start';
        expect(loginUrl).toBe(overlay === 'openshift' ? '/oauth/start' : '/oauth2/start');
      });

      it('every probe and listening port is a declared port of its container, on a health path of its image', () => {
        expect(checkProbesAndPorts(render(overlay), HEALTH)).toEqual([]);
      });

      it('the Service reaches the proxy port of the pods, and the Route or Ingress the Service', () => {
        const objects = render(overlay);
        expect(objects.map((o) => o.kind)).toContain(overlay === 'openshift' ? 'Route' : 'Ingress');
        expect(checkTraffic(objects)).toEqual([]);
      });

      it('every Secret, ConfigMap, mounted file and service account resolves; one cookie Secret serves every replica', () => {
        const objects = render(overlay);
        expect(checkReferences(objects, documented, NAMESPACE)).toEqual([]);
        // Nothing per pod: a secret made in an emptyDir logs users out whenever their pod changes.
        const [deployment] = workloads(objects);
        expect(deployment.pod.initContainers ?? []).toEqual([]);
        expect((deployment.pod.volumes ?? []).filter((v) => v.emptyDir)).toEqual([]);
      });
    });
  }

  it('the checks catch what broke the OpenShift overlay: a bare image and a cookie secret in a per-pod emptyDir', () => {
    const objects = render('openshift');
    const deployment = objects.find((o) => o.kind === 'Deployment')!;
    const pod = (
      deployment.spec as { template: { spec: { initContainers?: unknown[]; volumes: Array<Record<string, unknown>> } } }
    ).template.spec;
    pod.initContainers = [{ name: 'session-secret', image: 'kubevirt-console' }];
    pod.volumes = pod.volumes.map((v) =>
      v.name === 'proxy-secrets' ? { name: v.name, emptyDir: { medium: 'Memory' } } : v,
    );
    expect(checkImages(objects)).toEqual([
      expect.stringContaining('container session-secret: image "kubevirt-console"'),
    ]);
    expect(checkReferences(objects, documented, NAMESPACE)).toEqual([
      expect.stringContaining('--cookie-secret-file=/etc/proxy/secrets/session_secret is not in a mounted Secret'),
    ]);
  });
});
