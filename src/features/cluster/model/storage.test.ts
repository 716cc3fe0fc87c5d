import type { IoK8sApiStorageV1StorageClass } from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import { describe, expect, it } from 'vitest';
import { isDefaultStorageClass, isDefaultVirtStorageClass, sortStorageClasses } from './storage';

const sc = (name: string, annotations: Record<string, string> = {}): IoK8sApiStorageV1StorageClass => ({
  metadata: { name, annotations },
  provisioner: 'p',
});

describe('storage classes', () => {
  it('reads the default-class annotations (GA and beta), only when "true"', () => {
    expect(isDefaultStorageClass(sc('a', { 'storageclass.kubernetes.io/is-default-class': 'true' }))).toBe(true);
    expect(isDefaultStorageClass(sc('a', { 'storageclass.beta.kubernetes.io/is-default-class': 'true' }))).toBe(true);
    expect(isDefaultStorageClass(sc('a', { 'storageclass.kubernetes.io/is-default-class': 'false' }))).toBe(false);
    expect(isDefaultStorageClass(sc('a'))).toBe(false);
    expect(isDefaultVirtStorageClass(sc('a', { 'storageclass.kubevirt.io/is-default-virt-class': 'true' }))).toBe(true);
  });

  it('lists the virtualization default, then the cluster default, then by name', () => {
    const list = [
      sc('zeta'),
      sc('local', { 'storageclass.kubernetes.io/is-default-class': 'true' }),
      sc('alpha'),
      sc('ceph-virt', { 'storageclass.kubevirt.io/is-default-virt-class': 'true' }),
    ];
    expect(sortStorageClasses(list).map((s) => s.metadata?.name)).toEqual(['ceph-virt', 'local', 'alpha', 'zeta']);
  });
});
