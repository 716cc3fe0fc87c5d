import { describe, expect, it } from 'vitest';
import { ALL_NAMESPACES, namespaceOf, namespacedPath, parseNamespacedPath, switchNamespacePath } from './routes';

describe('console routes', () => {
  it('builds namespaced and all-namespaces paths', () => {
    expect(namespacedPath('virtualmachines', 'default')).toBe('/k8s/ns/default/virtualmachines');
    expect(namespacedPath('virtualmachines', undefined)).toBe('/k8s/all-namespaces/virtualmachines');
    expect(namespacedPath('virtualmachines', 'ns1', 'vm 1', 'yaml')).toBe('/k8s/ns/ns1/virtualmachines/vm%201/yaml');
  });

  it('parses what it builds', () => {
    expect(parseNamespacedPath('/k8s/ns/ns1/virtualmachines/vm%201/yaml')).toEqual({
      namespace: 'ns1',
      resource: 'virtualmachines',
      rest: ['vm 1', 'yaml'],
    });
    expect(parseNamespacedPath('/k8s/all-namespaces/services')).toEqual({
      namespace: undefined,
      resource: 'services',
      rest: [],
    });
    expect(parseNamespacedPath('/k8s/ns/ns1')).toBeNull();
    expect(parseNamespacedPath('/overview')).toBeNull();
    expect(parseNamespacedPath('/')).toBeNull();
  });

  it('switches namespace back to the list, keeping list filters only on list pages', () => {
    expect(switchNamespacePath('/k8s/ns/a/virtualmachines', '?q=x', 'b')).toBe('/k8s/ns/b/virtualmachines?q=x');
    expect(switchNamespacePath('/k8s/ns/a/virtualmachines/vm1', '?tab=yaml', ALL_NAMESPACES)).toBe(
      '/k8s/all-namespaces/virtualmachines',
    );
    expect(switchNamespacePath('/somewhere', '', 'b')).toBeNull();
  });

  it('maps the all-namespaces choice to no namespace', () => {
    expect(namespaceOf(ALL_NAMESPACES)).toBeUndefined();
    expect(namespaceOf('x')).toBe('x');
  });
});
