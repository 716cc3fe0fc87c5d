import { describe, expect, it } from 'vitest';
import { createAuth, parseUsers, type Attributes, type UserInfo } from './index.js';
import { ruleAllows } from './rbac-rules.js';

const USERS = {
  users: [
    { name: 'root', token: 'root-token-123', roles: [{ role: 'admin' }] },
    {
      name: 'dev',
      token: 'dev-token-1234',
      roles: [
        { role: 'edit', namespaces: ['team-a'] },
        { role: 'view', namespaces: ['team-b'] },
      ],
    },
    { name: 'nobody', token: 'nobody-token-1' },
  ],
};
const auth = createAuth({ users: parseUsers(USERS) });
const user = (name: string): UserInfo => ({ name, groups: ['system:authenticated'] });

const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];
const RESOURCES: Array<[group: string, resource: string, subresource?: string]> = [
  ['kubevirt.io', 'virtualmachines'],
  ['kubevirt.io', 'virtualmachineinstances'],
  ['subresources.kubevirt.io', 'virtualmachines', 'start'],
  ['subresources.kubevirt.io', 'virtualmachines', 'stop'],
  ['subresources.kubevirt.io', 'virtualmachines', 'migrate'],
  ['subresources.kubevirt.io', 'virtualmachineinstances', 'pause'],
  ['subresources.kubevirt.io', 'virtualmachineinstances', 'vnc'],
  ['snapshot.kubevirt.io', 'virtualmachinesnapshots'],
  ['clone.kubevirt.io', 'virtualmachineclones'],
  ['', 'services'],
  ['', 'pods', 'log'],
  ['', 'secrets'],
  ['rbac.authorization.k8s.io', 'rolebindings'],
  ['authorization.k8s.io', 'selfsubjectaccessreviews'],
];

describe('SelfSubjectRulesReview rules (RBAC RulesFor)', () => {
  it('allow exactly what the authorizer allows in the namespace, for every verb and resource', () => {
    for (const name of ['root', 'dev', 'nobody'])
      for (const namespace of ['team-a', 'team-b', 'team-c']) {
        const rules = auth.rulesFor(user(name), namespace);
        expect(rules.incomplete).toBe(false);
        for (const verb of VERBS)
          for (const [group, resource, subresource] of RESOURCES) {
            const a: Attributes = { verb, group, resource, subresource, namespace };
            const byRules = rules.resourceRules.some((r) => ruleAllows(a, r));
            expect([name, namespace, verb, group, resource, subresource, byRules]).toEqual([
              name,
              namespace,
              verb,
              group,
              resource,
              subresource,
              auth.authorize(user(name), a).allowed,
            ]);
          }
      }
  });

  it("list the roles' rules as written (kubevirt.io:edit's subresources), and the cluster-wide non-resource rules", () => {
    const dev = auth.rulesFor(user('dev'), 'team-a');
    expect(dev.resourceRules).toContainEqual({
      apiGroups: ['subresources.kubevirt.io'],
      resources: ['*'],
      verbs: ['*'],
    });
    expect(dev.nonResourceRules).toContainEqual(
      expect.objectContaining({ nonResourceURLs: expect.arrayContaining(['/api']) }),
    );
    // A rule with no resources is not a resource rule; every resource rule has verbs and resources.
    for (const r of dev.resourceRules) expect(r.resources?.length).toBeGreaterThan(0);
    // Elsewhere only the cluster-wide rules (system:basic-user, system:discovery, ...).
    const other = auth.rulesFor(user('dev'), 'team-c');
    expect(other.resourceRules.length).toBeLessThan(dev.resourceRules.length);
    expect(other.resourceRules.some((r) => r.apiGroups?.includes('kubevirt.io'))).toBe(false);
  });

  it("are AlwaysAllow's without a users file", () => {
    expect(createAuth({}).rulesFor(user('anyone'), 'x')).toEqual({
      resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
      nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
      incomplete: false,
    });
  });
});
