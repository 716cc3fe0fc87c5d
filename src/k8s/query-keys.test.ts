import { hashKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { NodeModel, PodModel, VirtualMachineInstanceModel, VirtualMachineModel } from './models';
import { isListKey, k8sKeys } from './query-keys';

describe('k8sKeys', () => {
  it('starts every key of a kind with the model prefix', () => {
    const prefix = k8sKeys.model(VirtualMachineModel);
    expect(prefix).toEqual(['k8s', 'kubevirt.io', 'v1', 'virtualmachines']);
    expect(k8sKeys.list(VirtualMachineModel, { namespace: 'a' }).slice(0, 4)).toEqual(prefix);
    expect(k8sKeys.object(VirtualMachineModel, 'x', 'a').slice(0, 4)).toEqual(prefix);
    expect(k8sKeys.model(PodModel)[1]).toBe('core');
  });

  it('gives equal keys for equivalent selectors', () => {
    const a = k8sKeys.list(PodModel, { namespace: 'n', labelSelector: '' });
    const b = k8sKeys.list(PodModel, { namespace: 'n', fieldSelector: undefined });
    expect(hashKey(a)).toBe(hashKey(b));
  });

  it('tells namespaces and selectors apart', () => {
    const keys = [
      k8sKeys.list(PodModel),
      k8sKeys.list(PodModel, { namespace: 'n' }),
      k8sKeys.list(PodModel, { namespace: 'n', labelSelector: 'a=b' }),
      k8sKeys.list(PodModel, { namespace: 'n', fieldSelector: 'metadata.name=x' }),
      k8sKeys.list(VirtualMachineModel, { namespace: 'n' }),
    ].map((k) => hashKey(k));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('drops the namespace of cluster-scoped kinds', () => {
    expect(hashKey(k8sKeys.list(NodeModel, { namespace: 'x' }))).toBe(hashKey(k8sKeys.list(NodeModel)));
  });

  it('keys access reviews by their whole tuple', () => {
    const base = {
      group: 'subresources.kubevirt.io',
      resource: 'virtualmachines',
      subresource: 'start',
      verb: 'update',
    };
    const a = hashKey(k8sKeys.accessReview({ ...base, namespace: 'n1' }));
    const b = hashKey(k8sKeys.accessReview({ ...base, namespace: 'n2' }));
    const c = hashKey(k8sKeys.accessReview({ ...base, namespace: 'n1', subresource: 'stop' }));
    expect(new Set([a, b, c]).size).toBe(3);
    expect(k8sKeys.accessReview({ ...base }).slice(0, 2)).toEqual(k8sKeys.accessReviews);
  });

  it('tells list keys from the other keys of a kind', () => {
    expect(isListKey(k8sKeys.list(PodModel, { namespace: 'n' }))).toBe(true);
    expect(isListKey(k8sKeys.list(NodeModel))).toBe(true);
    expect(isListKey(k8sKeys.object(PodModel, 'p', 'n'))).toBe(false);
    expect(isListKey(k8sKeys.vncScreenshot('n', 'vmi'))).toBe(false);
    expect(isListKey(k8sKeys.model(PodModel))).toBe(false);
    expect(isListKey(['other', 'a', 'b', 'c', 'list'])).toBe(false);
  });

  it('keeps screenshots under the VMI kind, and discovery and create checks under their prefixes', () => {
    expect(k8sKeys.vncScreenshot('n', 'vmi').slice(0, 4)).toEqual(k8sKeys.model(VirtualMachineInstanceModel));
    expect(hashKey(k8sKeys.vncScreenshot('n', 'a'))).not.toBe(hashKey(k8sKeys.vncScreenshot('n', 'b')));
    expect(k8sKeys.servedGroups.slice(0, 2)).toEqual(k8sKeys.discovery);
    expect(k8sKeys.groupVersionResources('kubevirt.io/v1').slice(0, 2)).toEqual(k8sKeys.discovery);
    expect(hashKey(k8sKeys.groupVersionResources('v1'))).not.toBe(hashKey(k8sKeys.servedGroups));
    expect(k8sKeys.createAccess('v1', 'Service', 'n').slice(0, 2)).toEqual(k8sKeys.accessReviews);
    expect(hashKey(k8sKeys.createAccess('v1', 'Service', 'a'))).not.toBe(
      hashKey(k8sKeys.createAccess('v1', 'Service', 'b')),
    );
  });
});
