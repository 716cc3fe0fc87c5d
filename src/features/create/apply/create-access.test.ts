import { describe, expect, it } from 'vitest';
import { createDeniedReason, createReview, createTargets } from './create-access';
import { parseManifests } from './parse-manifests';

const YAML = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: {name: a}
---
apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: {name: b}
---
apiVersion: v1
kind: Service
metadata: {name: s, namespace: other}
---
not: an object`;

describe('create access', () => {
  it('lists each kind and namespace once, the default namespace for objects without one', () => {
    expect(createTargets(parseManifests(YAML), 'demo')).toEqual([
      { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', namespace: 'demo' },
      { apiVersion: 'v1', kind: 'Service', namespace: 'other' },
    ]);
  });

  it('asks for create on the resource, in the namespace of namespaced kinds only', () => {
    const target = { apiVersion: 'v1', kind: 'Namespace', namespace: 'demo' };
    const model = {
      group: '',
      version: 'v1',
      kind: 'Namespace',
      plural: 'namespaces',
      namespaced: false,
      label: '',
      labelPlural: '',
    };
    expect(createReview(model, target)).toEqual({
      group: '',
      resource: 'namespaces',
      verb: 'create',
      namespace: undefined,
    });
  });

  it('says which targets are denied, and nothing while checking or when all are allowed', () => {
    const vm = { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', namespace: 'demo' };
    const ns = { apiVersion: 'v1', kind: 'Namespace', namespace: 'demo' };
    expect(createDeniedReason([{ target: vm }, { target: ns, allowed: true }])).toBeUndefined();
    expect(
      createDeniedReason([
        { target: vm, allowed: false, namespaced: true, reason: 'no RBAC policy matched' },
        { target: ns, allowed: false, namespaced: false, reason: 'no RBAC policy matched' },
      ]),
    ).toBe(
      'You are not allowed to create VirtualMachine in namespace demo, Namespace (cluster-wide) (no RBAC policy matched)',
    );
    const svc = { apiVersion: 'v1', kind: 'Service', namespace: 'demo' };
    expect(
      createDeniedReason([
        { target: vm, allowed: false },
        { target: svc, allowed: false },
      ]),
    ).toBe('You are not allowed to create VirtualMachine and Service in namespace demo');
  });
});
