import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inClusterUpstream, InClusterError } from './in-cluster.js';
import { kubeconfigUpstream, KubeconfigError } from './kubeconfig.js';

// Any PEM is accepted by https.Agent at construction; these tests check the wiring, not TLS.
const FAKE_PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function accountDir(withToken: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sa-'));
  made.push(dir);
  writeFileSync(path.join(dir, 'ca.crt'), FAKE_PEM);
  if (withToken) writeFileSync(path.join(dir, 'token'), 'sa-token\n');
  return dir;
}

describe('in-cluster upstream', () => {
  const env = { KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443' };

  it("forwards each user's own token and refuses requests without one", () => {
    const up = inClusterUpstream({ serviceAccount: false, accountDir: accountDir(true), env });
    expect(up.url.href).toBe('https://10.0.0.1/');
    expect(up.requiresUserToken).toBe(true);
    expect(up.credentials({ 'x-forwarded-access-token': 'user-tok' })).toEqual({ authorization: 'Bearer user-tok' });
    expect(up.credentials({ authorization: 'Bearer other' })).toEqual({ authorization: 'Bearer other' });
    expect(up.credentials({})).toBeNull();
  });

  it('uses the pod service account only when asked, and re-reads the rotated token', () => {
    const dir = accountDir(true);
    const up = inClusterUpstream({ serviceAccount: true, accountDir: dir, env });
    expect(up.credentials({})).toEqual({ authorization: 'Bearer sa-token' });
    writeFileSync(path.join(dir, 'token'), 'rotated');
    expect(up.credentials({ 'x-forwarded-access-token': 'ignored' })).toEqual({ authorization: 'Bearer rotated' });
    expect(up.description).toMatch(/SERVICE ACCOUNT/);
  });

  it('says why it cannot start outside a cluster', () => {
    expect(() => inClusterUpstream({ serviceAccount: false, accountDir: accountDir(true), env: {} })).toThrow(
      InClusterError,
    );
    expect(() => inClusterUpstream({ serviceAccount: true, accountDir: accountDir(false), env })).toThrow(/token/);
  });
});

describe('kubeconfig upstream', () => {
  function kubeconfig(body: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'kc-'));
    made.push(dir);
    const file = path.join(dir, 'config');
    writeFileSync(file, body);
    return file;
  }
  const base = `apiVersion: v1
kind: Config
current-context: a
clusters:
- name: c1
  cluster: { server: "http://127.0.0.1:6443" }
- name: c2
  cluster: { server: "https://api.example:6443", insecure-skip-tls-verify: true }
users:
- name: u1
  user: { token: tok-1 }
- name: u2
  user: {}
contexts:
- name: a
  context: { cluster: c1, user: u1 }
- name: b
  context: { cluster: c2, user: u2 }
`;

  it("uses the current context's server and token, whatever the browser sends", () => {
    const up = kubeconfigUpstream(kubeconfig(base));
    expect(up.url.origin).toBe('http://127.0.0.1:6443');
    expect(up.credentials({ authorization: 'Bearer browser' })).toEqual({ authorization: 'Bearer tok-1' });
    expect(up.description).not.toContain('tok-1');
  });

  it('selects another context, and reports a missing one', () => {
    const file = kubeconfig(base);
    const b = kubeconfigUpstream(file, 'b');
    expect(b.url.origin).toBe('https://api.example:6443');
    expect(b.tls).toBeDefined();
    expect(b.credentials({})).toEqual({});
    expect(() => kubeconfigUpstream(file, 'nope')).toThrow(KubeconfigError);
    expect(() => kubeconfigUpstream(kubeconfig(': not yaml : ['))).toThrow(KubeconfigError);
  });
});
