import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAuth, parseUsers, UsersFileError, type Attributes, type UserInfo } from './index.js';

const USERS = {
  users: [
    { name: 'root', token: 'root-token-123', roles: [{ role: 'admin' }] },
    {
      name: 'dev',
      token: 'dev-token-1234',
      groups: ['devs'],
      roles: [
        { role: 'edit', namespaces: ['team-a'] },
        { role: 'view', namespaces: ['team-b'] },
      ],
    },
    { name: 'viewer', token: 'viewer-token-1', roles: ['view'].map((role) => ({ role, namespaces: ['team-a'] })) },
    { name: 'nobody', token: 'nobody-token-1' },
  ],
};

const auth = createAuth({ users: parseUsers(USERS) });

function login(token: string): UserInfo {
  const r = auth.authenticate({ authorization: `Bearer ${token}` });
  if ('status' in r) throw new Error('login failed');
  return r.user;
}

const vm = (verb: string, namespace?: string, name?: string, subresource?: string): Attributes => ({
  verb,
  group: subresource ? 'subresources.kubevirt.io' : 'kubevirt.io',
  resource: 'virtualmachines',
  namespace,
  name,
  subresource,
});

describe('authentication', () => {
  it('maps bearer tokens to users and adds system:authenticated', () => {
    expect(login('dev-token-1234')).toEqual({ name: 'dev', groups: ['devs', 'system:authenticated'] });
  });
  it("answers a wrong or malformed token with kube-apiserver's exact 401 body", () => {
    for (const authorization of ['Bearer nope-nope-nope', 'Basic abc', 'Bearer']) {
      const r = auth.authenticate({ authorization });
      expect('status' in r && JSON.stringify(r.status)).toBe(
        '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}',
      );
    }
  });
  it('treats a request without credentials as system:anonymous, who may do nothing', () => {
    const r = auth.authenticate({});
    expect(r).toEqual({ user: { name: 'system:anonymous', groups: ['system:unauthenticated'] } });
    if ('user' in r) expect(auth.authorize(r.user, vm('list', 'team-a')).allowed).toBe(false);
  });
  it('lets everyone in as system:admin without a users file, and says so', () => {
    const open = createAuth({});
    const r = open.authenticate({});
    expect(r).toEqual({ user: { name: 'system:admin', groups: ['system:masters', 'system:authenticated'] } });
    expect(open.describe()).toContain('every request is admin');
    if ('user' in r)
      expect(open.authorize(r.user, { verb: 'delete', group: '', resource: 'nodes', name: 'n1' }).allowed).toBe(true);
  });
});

describe('authorization', () => {
  const dev = login('dev-token-1234');
  const viewer = login('viewer-token-1');
  const root = login('root-token-123');
  const nobody = login('nobody-token-1');
  it('gives admin everything', () => {
    expect(auth.authorize(root, { verb: 'delete', group: '', resource: 'namespaces', name: 'x' })).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by ClusterRoleBinding "cluster-admin-root" of ClusterRole "cluster-admin" to User "root"',
    });
  });
  it('gives edit read/write in its namespaces only, including KubeVirt actions and consoles', () => {
    expect(auth.authorize(dev, vm('create', 'team-a')).allowed).toBe(true);
    expect(auth.authorize(dev, vm('update', 'team-a', 'v', 'start')).allowed).toBe(true);
    expect(
      auth.authorize(dev, {
        verb: 'get',
        group: 'subresources.kubevirt.io',
        resource: 'virtualmachineinstances',
        subresource: 'vnc',
        namespace: 'team-a',
      }).allowed,
    ).toBe(true);
    expect(auth.authorize(dev, { verb: 'get', group: '', resource: 'secrets', namespace: 'team-a' }).allowed).toBe(
      true,
    );
    expect(auth.authorize(dev, vm('create', 'team-c')).allowed).toBe(false);
    expect(
      auth.authorize(dev, {
        verb: 'create',
        group: 'rbac.authorization.k8s.io',
        resource: 'rolebindings',
        namespace: 'team-a',
      }).allowed,
    ).toBe(false);
  });
  it('gives view read-only access without secrets, consoles or actions', () => {
    expect(auth.authorize(viewer, vm('list', 'team-a')).allowed).toBe(true);
    expect(auth.authorize(viewer, vm('watch', 'team-a')).allowed).toBe(true);
    expect(auth.authorize(viewer, vm('patch', 'team-a', 'v')).allowed).toBe(false);
    expect(
      auth.authorize(viewer, { verb: 'get', group: '', resource: 'secrets', namespace: 'team-a', name: 's' }).allowed,
    ).toBe(false);
    expect(auth.authorize(viewer, vm('update', 'team-a', 'v', 'start')).allowed).toBe(false);
    expect(
      auth.authorize(viewer, {
        verb: 'get',
        group: 'subresources.kubevirt.io',
        resource: 'virtualmachineinstances',
        subresource: 'console',
        namespace: 'team-a',
      }).allowed,
    ).toBe(false);
    expect(
      auth.authorize(viewer, {
        verb: 'get',
        group: 'subresources.kubevirt.io',
        resource: 'virtualmachineinstances',
        subresource: 'guestosinfo',
        namespace: 'team-a',
      }).allowed,
    ).toBe(true);
    expect(auth.authorize(dev, vm('delete', 'team-b', 'v')).allowed).toBe(false);
  });
  it('treats cluster scope as an OpenShift project user: no namespace list, nodes or all-namespace lists', () => {
    expect(auth.authorize(dev, { verb: 'list', group: '', resource: 'namespaces' }).allowed).toBe(false);
    expect(auth.authorize(dev, { verb: 'get', group: '', resource: 'namespaces', name: 'team-a' }).allowed).toBe(true);
    expect(auth.authorize(dev, { verb: 'get', group: '', resource: 'namespaces', name: 'team-c' }).allowed).toBe(false);
    expect(auth.authorize(dev, { verb: 'list', group: '', resource: 'nodes' }).allowed).toBe(false);
    expect(auth.authorize(dev, vm('list')).allowed).toBe(false);
    expect(auth.authorize(nobody, { verb: 'list', group: 'storage.k8s.io', resource: 'storageclasses' }).allowed).toBe(
      true,
    );
    expect(
      auth.authorize(nobody, { verb: 'create', group: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews' })
        .allowed,
    ).toBe(true);
    expect(auth.authorize(nobody, vm('get', 'team-a', 'v')).allowed).toBe(false);
  });
});

describe('403 wording (responsewriters.forbiddenMessage + errors.NewForbidden)', () => {
  const u: UserInfo = { name: 'u', groups: [] };
  it('names the object, verb, resource, group and namespace', () => {
    expect(auth.forbidden(u, vm('get', 'ns', 'x'))).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      reason: 'Forbidden',
      code: 403,
      message:
        'virtualmachines.kubevirt.io "x" is forbidden: User "u" cannot get resource "virtualmachines" in API group "kubevirt.io" in the namespace "ns"',
      details: { name: 'x', group: 'kubevirt.io', kind: 'virtualmachines' },
    });
  });
  it('covers lists, the cluster scope, subresources and the core group', () => {
    expect(auth.forbidden(u, vm('list', 'ns')).message).toBe(
      'virtualmachines.kubevirt.io is forbidden: User "u" cannot list resource "virtualmachines" in API group "kubevirt.io" in the namespace "ns"',
    );
    expect(auth.forbidden(u, vm('list')).message).toBe(
      'virtualmachines.kubevirt.io is forbidden: User "u" cannot list resource "virtualmachines" in API group "kubevirt.io" at the cluster scope',
    );
    expect(auth.forbidden(u, vm('update', 'ns', 'x', 'start')).message).toBe(
      'virtualmachines.subresources.kubevirt.io "x" is forbidden: User "u" cannot update resource "virtualmachines/start" in API group "subresources.kubevirt.io" in the namespace "ns"',
    );
    const pods = auth.forbidden(u, { verb: 'list', group: '', resource: 'pods', namespace: 'default' });
    expect(pods.message).toBe(
      'pods is forbidden: User "u" cannot list resource "pods" in API group "" in the namespace "default"',
    );
    expect(pods.details).toEqual({ kind: 'pods' });
  });
});

describe('cluster-wide edit and view (no namespaces: a ClusterRoleBinding)', () => {
  const auth = (() => {
    const dir = mkdtempSync(join(tmpdir(), 'users-'));
    const file = join(dir, 'users.yaml');
    writeFileSync(
      file,
      'users:\n  - name: reader\n    token: reader-token-1\n    roles: [view]\n  - name: dev\n    token: dev-token-12\n    roles: [edit]\n',
    );
    return createAuth({ usersFile: file });
  })();
  const reader = { name: 'reader', groups: ['system:authenticated'] };
  const dev = { name: 'dev', groups: ['system:authenticated'] };
  it('reads every namespace, lists across all of them and lists namespaces, but changes nothing', () => {
    expect(auth.authorize(reader, { verb: 'list', group: 'kubevirt.io', resource: 'virtualmachines' }).allowed).toBe(
      true,
    );
    expect(
      auth.authorize(reader, {
        verb: 'get',
        group: 'kubevirt.io',
        resource: 'virtualmachines',
        namespace: 'any',
        name: 'x',
      }).allowed,
    ).toBe(true);
    expect(auth.authorize(reader, { verb: 'list', group: '', resource: 'namespaces' }).allowed).toBe(true);
    expect(
      auth.authorize(reader, {
        verb: 'delete',
        group: 'kubevirt.io',
        resource: 'virtualmachines',
        namespace: 'any',
        name: 'x',
      }).allowed,
    ).toBe(false);
    expect(
      auth.authorize(reader, {
        verb: 'update',
        group: 'subresources.kubevirt.io',
        resource: 'virtualmachines',
        subresource: 'start',
        namespace: 'any',
        name: 'x',
      }).allowed,
    ).toBe(false);
    expect(auth.authorize(reader, { verb: 'list', group: '', resource: 'nodes' }).allowed).toBe(false);
    expect(
      auth.authorize(reader, { verb: 'get', group: '', resource: 'secrets', namespace: 'any', name: 's' }).allowed,
    ).toBe(false);
  });
  it('lets a cluster-wide editor act in any namespace but not on cluster-scoped objects', () => {
    expect(
      auth.authorize(dev, {
        verb: 'update',
        group: 'subresources.kubevirt.io',
        resource: 'virtualmachines',
        subresource: 'start',
        namespace: 'n1',
        name: 'x',
      }).allowed,
    ).toBe(true);
    expect(auth.authorize(dev, { verb: 'delete', group: '', resource: 'namespaces', name: 'n1' }).allowed).toBe(false);
    expect(auth.authorize(dev, { verb: 'create', group: 'storage.k8s.io', resource: 'storageclasses' }).allowed).toBe(
      false,
    );
  });
});

describe('users file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'users-'));
  it('reads YAML and JSON', () => {
    const yamlPath = join(dir, 'users.yaml');
    writeFileSync(
      yamlPath,
      'users:\n  - name: ann\n    token: ann-token-12\n    roles:\n      - role: view\n        namespaces: [demo]\n',
    );
    const jsonPath = join(dir, 'users.json');
    writeFileSync(jsonPath, JSON.stringify(USERS));
    expect(createAuth({ usersFile: yamlPath }).describe()).toContain(`1 user from ${yamlPath}`);
    expect(createAuth({ usersFile: jsonPath }).describe()).toContain('4 users');
  });
  it('rejects invalid content with the place of the error', () => {
    expect(() => parseUsers({ users: [{ name: 'a', token: 'short' }] })).toThrow(
      /users\[0\]\.token must be a string of at least 8 characters/,
    );
    expect(() =>
      parseUsers({ users: [{ name: 'a', token: 'aaaaaaaaa', roles: [{ role: 'edit', namespaces: [] }] }] }),
    ).toThrow(UsersFileError);
    expect(() =>
      parseUsers({
        users: [
          { name: 'a', token: 'aaaaaaaaa' },
          { name: 'b', token: 'aaaaaaaaa' },
        ],
      }),
    ).toThrow(/already used/);
    expect(() => parseUsers({ users: [{ name: 'a', token: 'aaaaaaaaa', roles: [{ role: 'owner' }] }] })).toThrow(
      /must be one of admin, edit, view/,
    );
    expect(() => createAuth({ usersFile: join(dir, 'missing.yaml') })).toThrow(/cannot read users file/);
  });
});

describe('snapshot, restore and clone kinds in the aggregated roles (as KubeVirt adds them to admin/edit/view)', () => {
  const dev = login('dev-token-1234');
  const viewer = login('viewer-token-1');
  const kinds: [string, string][] = [
    ['snapshot.kubevirt.io', 'virtualmachinesnapshots'],
    ['snapshot.kubevirt.io', 'virtualmachinerestores'],
    ['snapshot.kubevirt.io', 'virtualmachinesnapshotcontents'],
    ['clone.kubevirt.io', 'virtualmachineclones'],
    ['snapshot.storage.k8s.io', 'volumesnapshots'],
  ];
  it('a viewer lists them but cannot create or delete one; an editor can', () => {
    for (const [group, resource] of kinds) {
      const at = (verb: string) => ({ verb, group, resource, namespace: 'team-a' });
      expect(auth.authorize(viewer, at('list')).allowed, `${resource} list`).toBe(true);
      expect(auth.authorize(viewer, at('create')).allowed, `${resource} create`).toBe(false);
      expect(auth.authorize(viewer, at('delete')).allowed, `${resource} delete`).toBe(false);
      expect(auth.authorize(dev, at('create')).allowed, `${resource} create by an editor`).toBe(true);
    }
  });
});
