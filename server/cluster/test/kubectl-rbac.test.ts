/**
 * RBAC through kubectl (issue 19 item 4): the users file becomes bindings, `kubectl create
 * rolebinding` and `kubectl delete rolebinding` change what a user may do at once, Roles of
 * one's own, and `kubectl auth whoami`. Checked against Kubernetes:
 * - pkg/registry/rbac/validation/rule.go (VisitRulesFor: ClusterRoleBindings, then the
 *   namespace's RoleBindings; appliesTo; the "RoleBinding "name/ns" of ClusterRole ..." wording),
 * - pkg/apis/rbac/v1/evaluation_helpers.go (verbs, groups, resources and resourceNames matching),
 * - plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go (cluster-admin, admin, edit, view,
 *   system:basic-user), KubeVirt's pkg/virt-operator/resource/generate/rbac/cluster.go
 *   (kubevirt.io:view/edit aggregated into view/edit, instancetype.kubevirt.io:view),
 * - pkg/registry/authentication/selfsubjectreview/rest.go (SelfSubjectReview) and
 *   staging/src/k8s.io/kubectl/pkg/cmd/auth/whoami.go (its table).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKubectl, kubectlEnv, type KubectlEnv } from '../../../test/support/cluster/kubectl.js';
import { startJudgeCluster, type JudgeCluster } from '../../../test/support/cluster/judge-cluster.js';
import { startTlsFront, type TlsFront } from '../../../test/support/cluster/tls-front.js';

const bin = findKubectl();
const ROOT = 'root-token-1234';
const BOB = 'bob-token-12345';
const CAROL = 'carol-token-123';
const NS = 'team-a';

let cluster: JudgeCluster;
let front: TlsFront;
let k: KubectlEnv;

const run = (args: string[], token: string, input?: string) => k.run(args, { token, input });
async function ok(args: string[], token: string, input?: string): Promise<string> {
  const r = await run(args, token, input);
  expect(r.code, `kubectl ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}
const canI = async (token: string, ...args: string[]) =>
  (await run(['auth', 'can-i', ...args, '-n', NS], token)).stdout.trim();

const vm = (name: string) =>
  JSON.stringify({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name },
    spec: {
      runStrategy: 'Halted',
      template: {
        spec: {
          domain: { devices: {}, memory: { guest: '128Mi' } },
        },
      },
    },
  });

beforeAll(async () => {
  const tmp = kubectlEnv(bin, 'http://unused', NS);
  const usersFile = tmp.write(
    'users.yaml',
    [
      'users:',
      `  - {name: root, token: ${ROOT}, roles: [admin]}`,
      `  - {name: bob, token: ${BOB}, groups: [devs], roles: [{role: view, namespaces: [${NS}]}]}`,
      `  - {name: carol, token: ${CAROL}}`,
    ].join('\n'),
  );
  cluster = await startJudgeCluster({ usersFile });
  front = await startTlsFront(cluster.url);
  k = kubectlEnv(bin, front.url, NS);
  // The namespace of bob's role is created after the start: its RoleBinding comes with it.
  await ok(['create', 'namespace', NS], ROOT);
  await ok(['apply', '-f', '-'], ROOT, vm('vm1'));
});
afterAll(async () => {
  await front?.close();
  await cluster?.close();
});

describe('RBAC objects', () => {
  it('has the bootstrap roles and the users file as bindings', async () => {
    const roles = (await ok(['get', 'clusterroles', '-o', 'name'], ROOT)).split('\n');
    for (const r of ['cluster-admin', 'admin', 'edit', 'view', 'system:basic-user', 'kubevirt.io:default'])
      expect(roles).toContain(`clusterrole.rbac.authorization.k8s.io/${r}`);
    expect(await ok(['get', 'clusterrolebinding', 'cluster-admin-root', '-o', 'jsonpath={.roleRef.name}'], ROOT)).toBe(
      'cluster-admin',
    );
    const rb = JSON.parse(await ok(['get', 'rolebinding', 'view-bob', '-o', 'json'], ROOT)) as {
      roleRef: { kind: string; name: string };
      subjects: { kind: string; name: string }[];
    };
    expect(rb.roleRef).toMatchObject({ kind: 'ClusterRole', name: 'view' });
    expect(rb.subjects).toEqual([{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'bob' }]);
  });

  it('kubectl auth whoami names the user and groups', async () => {
    expect(await ok(['auth', 'whoami'], BOB)).toMatch(
      /^ATTRIBUTE\s+VALUE\nUsername\s+bob\nGroups\s+\[devs system:authenticated\]\n$/,
    );
    const json = JSON.parse(await ok(['auth', 'whoami', '-o', 'json'], ROOT)) as Record<string, unknown>;
    expect(json).toMatchObject({
      kind: 'SelfSubjectReview',
      apiVersion: 'authentication.k8s.io/v1',
      status: { userInfo: { username: 'root', groups: ['system:authenticated'] } },
    });
  });
});

describe('bindings change what a user may do', () => {
  it('create and delete rolebinding grant and take back edit', async () => {
    expect(await canI(BOB, 'delete', 'vm/vm1')).toBe('no');
    const denied = await run(['delete', 'vm', 'vm1', '--dry-run=server'], BOB);
    expect(denied.stderr.trim()).toBe(
      `Error from server (Forbidden): virtualmachines.kubevirt.io "vm1" is forbidden: User "bob" cannot delete resource "virtualmachines" in API group "kubevirt.io" in the namespace "${NS}"`,
    );
    // edit-rights for the devs group, by a RoleBinding made with kubectl
    await ok(['create', 'rolebinding', 'devs-edit', '--clusterrole=edit', '--group=devs'], ROOT);
    expect(await canI(BOB, 'delete', 'vm/vm1')).toBe('yes');
    expect(await canI(BOB, 'create', 'services')).toBe('yes');
    expect(await canI(BOB, 'create', 'rolebindings')).toBe('no');
    expect(await ok(['delete', 'vm', 'vm1', '--dry-run=server', '-o', 'name'], BOB)).toBe(
      'virtualmachine.kubevirt.io/vm1\n',
    );
    await ok(['delete', 'rolebinding', 'devs-edit'], ROOT);
    expect(await canI(BOB, 'delete', 'vm/vm1')).toBe('no');
    // and the users file's own binding is an ordinary object: deleting it takes view away
    await ok(['delete', 'rolebinding', 'view-bob'], ROOT);
    expect(await canI(BOB, 'get', 'vm/vm1')).toBe('no');
  });

  it('a Role of its own with resourceNames, bound with kubectl', async () => {
    expect(await canI(CAROL, 'get', 'vm/vm1')).toBe('no');
    await ok(['create', 'role', 'vm1-reader', '--verb=get', '--resource=virtualmachines', '--resource-name=vm1'], ROOT);
    await ok(['create', 'rolebinding', 'carol-vm1', '--role=vm1-reader', '--user=carol'], ROOT);
    expect(await ok(['get', 'vm', 'vm1', '-o', 'name'], CAROL)).toBe('virtualmachine.kubevirt.io/vm1\n');
    expect(await canI(CAROL, 'get', 'vm/other')).toBe('no');
    expect(await canI(CAROL, 'list', 'vm')).toBe('no');
    // the wording of an allowed access review names the binding, as kube's RBAC authorizer does
    const review = JSON.parse(
      await ok(
        ['create', '-f', '-', '-o', 'json'],
        CAROL,
        JSON.stringify({
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: {
            resourceAttributes: {
              namespace: NS,
              verb: 'get',
              group: 'kubevirt.io',
              resource: 'virtualmachines',
              name: 'vm1',
            },
          },
        }),
      ),
    ) as { status: { allowed: boolean; reason: string } };
    expect(review.status).toEqual({
      allowed: true,
      reason: `RBAC: allowed by RoleBinding "carol-vm1/${NS}" of Role "vm1-reader" to User "carol"`,
    });
  });

  it('every authenticated user reads cluster instance types and storage classes, and nothing else cluster-wide', async () => {
    expect((await run(['auth', 'can-i', 'list', 'virtualmachineclusterinstancetypes'], CAROL)).stdout.trim()).toBe(
      'yes',
    );
    expect((await run(['auth', 'can-i', 'list', 'storageclasses'], CAROL)).stdout.trim()).toBe('yes');
    expect((await run(['auth', 'can-i', 'list', 'nodes'], CAROL)).stdout.trim()).toBe('no');
    expect((await run(['auth', 'can-i', 'list', 'clusterroles'], CAROL)).stdout.trim()).toBe('no');
  });

  it('refuses names RBAC cannot have and accepts the ones it can', async () => {
    const bad = await run(['create', 'role', 'a/b', '--verb=get', '--resource=pods'], ROOT);
    expect(bad.code).not.toBe(0);
    await ok(['create', 'clusterrole', 'team:reader', '--verb=get', '--resource=pods'], ROOT);
  });
});
