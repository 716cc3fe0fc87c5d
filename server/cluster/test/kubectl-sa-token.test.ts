/**
 * `kubectl create token` (serviceaccounts/{name}/token, authentication.k8s.io/v1 TokenRequest, sent
 * as protobuf) and the token it prints authenticating as the service account with that account's
 * RBAC. Checked against Kubernetes' pkg/registry/core/serviceaccount/storage/token.go,
 * pkg/apis/authentication/validation (10 minutes minimum) and pkg/serviceaccount/claims.go.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKubectl, kubectlEnv, type KubectlEnv } from '../../../test/support/cluster/kubectl.js';
import { startJudgeCluster, type JudgeCluster } from '../../../test/support/cluster/judge-cluster.js';
import { startTlsFront, type TlsFront } from '../../../test/support/cluster/tls-front.js';

const bin = findKubectl();
const ROOT = 'root-token-1234';
const NS = 'team-sa';

let cluster: JudgeCluster;
let front: TlsFront;
let k: KubectlEnv;

const ok = (args: string[], token: string, input?: string) => k.ok(args, { token, input });
const claims = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
const sa = (name: string) => JSON.stringify({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name } });

beforeAll(async () => {
  const tmp = kubectlEnv(bin, 'http://unused', NS);
  const usersFile = tmp.write('users.yaml', `users:\n  - {name: root, token: ${ROOT}, roles: [admin]}\n`);
  cluster = await startJudgeCluster({ usersFile });
  // kubectl sends bearer tokens over TLS only
  front = await startTlsFront(cluster.url);
  k = kubectlEnv(bin, front.url, NS);
  await ok(['create', 'namespace', NS], ROOT);
  await ok(['apply', '-f', '-'], ROOT, sa('robot'));
});
afterAll(async () => {
  await front?.close();
  await cluster?.close();
});

describe('kubectl create token', () => {
  it('issues a token that authenticates as the service account, with its RBAC', async () => {
    const token = (await ok(['create', 'token', 'robot'], ROOT)).trim();
    const c = claims(token);
    expect(c).toMatchObject({
      sub: `system:serviceaccount:${NS}:robot`,
      aud: ['https://kubernetes.default.svc.cluster.local'],
    });
    expect(Number(c.exp) - Number(c.iat)).toBe(3600);
    expect(await ok(['auth', 'whoami'], token)).toMatch(
      new RegExp(
        `Username\\s+system:serviceaccount:${NS}:robot\\nGroups\\s+\\[system:serviceaccounts system:serviceaccounts:${NS} system:authenticated\\]`,
      ),
    );
    const canList = () => k.run(['auth', 'can-i', 'list', 'pods', '-n', NS], { token });
    expect((await canList()).stdout.trim()).toBe('no');
    await ok(['create', 'rolebinding', 'robot-view', '--clusterrole=view', `--serviceaccount=${NS}:robot`], ROOT);
    expect((await canList()).stdout.trim()).toBe('yes');
    expect((await k.run(['get', 'pods', '-n', NS], { token })).code).toBe(0);
    expect((await k.run(['get', 'pods', '-n', 'default'], { token })).stderr).toMatch(
      /pods is forbidden: User "system:serviceaccount:team-sa:robot" cannot list resource "pods"/,
    );
  });

  it('bounds and defaults the duration and audiences', async () => {
    const token = (
      await ok(['create', 'token', 'robot', '--duration=2h', '--audience=https://example.com'], ROOT)
    ).trim();
    const c = claims(token);
    expect(Number(c.exp) - Number(c.iat)).toBe(7200);
    expect(c.aud).toEqual(['https://example.com']);
    // not an audience of the API server: not a credential for it
    expect((await k.run(['auth', 'whoami'], { token })).stderr).toMatch(/Unauthorized/);
    const short = await k.run(['create', 'token', 'robot', '--duration=5m'], { token: ROOT });
    expect(short.code).not.toBe(0);
    expect(short.stderr).toMatch(
      /spec.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes/,
    );
  });

  it('checks the service account and the bound object', async () => {
    const missing = await k.run(['create', 'token', 'nobody'], { token: ROOT });
    expect(missing.stderr).toMatch(/serviceaccounts "nobody" not found/);
    const pod = await k.run(['create', 'token', 'robot', '--bound-object-kind=Pod', '--bound-object-name=p0'], {
      token: ROOT,
    });
    expect(pod.stderr).toMatch(/pods "p0" not found/);
    await ok(['create', 'secret', 'generic', 's1'], ROOT);
    const bound = (
      await ok(['create', 'token', 'robot', '--bound-object-kind=Secret', '--bound-object-name=s1'], ROOT)
    ).trim();
    expect(claims(bound)['kubernetes.io']).toMatchObject({ secret: { name: 's1' } });
    expect((await k.run(['auth', 'whoami'], { token: bound })).code).toBe(0);
    // the token dies with its bound object, and every token with its service account
    const plain = (await ok(['create', 'token', 'robot'], ROOT)).trim();
    await ok(['delete', 'secret', 's1'], ROOT);
    expect((await k.run(['auth', 'whoami'], { token: bound })).stderr).toMatch(/Unauthorized/);
    expect((await k.run(['auth', 'whoami'], { token: plain })).code).toBe(0);
    await ok(['delete', 'serviceaccount', 'robot'], ROOT);
    expect((await k.run(['auth', 'whoami'], { token: plain })).stderr).toMatch(/Unauthorized/);
  });
});
