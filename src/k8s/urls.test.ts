import { describe, expect, it } from 'vitest';
import { NamespaceModel, PodModel, VirtualMachineModel, apiVersionOf, qualifiedResource } from './models';
import { kubevirtSubresourceUrl, queryString, resourcePath, resourceUrl, watchUrl } from './urls';

describe('URL building', () => {
  it('builds core and group paths, namespaced and all-namespaces', () => {
    expect(resourcePath(PodModel, { namespace: 'ns1' })).toBe('/api/v1/namespaces/ns1/pods');
    expect(resourcePath(PodModel)).toBe('/api/v1/pods');
    expect(resourcePath(VirtualMachineModel, { namespace: 'ns1', name: 'vm1' })).toBe(
      '/apis/kubevirt.io/v1/namespaces/ns1/virtualmachines/vm1',
    );
    expect(resourcePath(VirtualMachineModel, { namespace: 'ns1', name: 'vm1', subresource: 'status' })).toBe(
      '/apis/kubevirt.io/v1/namespaces/ns1/virtualmachines/vm1/status',
    );
  });

  it('ignores the namespace for cluster-scoped kinds', () => {
    expect(resourcePath(NamespaceModel, { namespace: 'ns1', name: 'default' })).toBe('/api/v1/namespaces/default');
  });

  it('escapes path segments', () => {
    expect(resourcePath(PodModel, { namespace: 'a/b', name: 'x y' })).toBe('/api/v1/namespaces/a%2Fb/pods/x%20y');
  });

  it('refuses a subresource without a name', () => {
    expect(() => resourcePath(VirtualMachineModel, { subresource: 'status' })).toThrow(/name/);
  });

  it('puts KubeVirt subresources in subresources.kubevirt.io', () => {
    expect(kubevirtSubresourceUrl(VirtualMachineModel, { namespace: 'ns1', name: 'vm1', subresource: 'start' })).toBe(
      '/api/kubernetes/apis/subresources.kubevirt.io/v1/namespaces/ns1/virtualmachines/vm1/start',
    );
  });

  it('adds only the defined query params, encoded', () => {
    expect(queryString({ a: 1, b: undefined, c: '', d: 'x=y&z' })).toBe('?a=1&d=x%3Dy%26z');
    expect(queryString({})).toBe('');
    expect(resourceUrl(PodModel, { namespace: 'n' }, { labelSelector: 'app in (a,b)' })).toBe(
      '/api/kubernetes/api/v1/namespaces/n/pods?labelSelector=app+in+%28a%2Cb%29',
    );
  });

  it('builds watch URLs on the page origin with ws or wss', () => {
    const url = watchUrl(PodModel, { namespace: 'n', fieldSelector: 'metadata.name=p' }, '123', {
      protocol: 'http:',
      host: 'localhost:8080',
    });
    expect(url).toBe(
      'ws://localhost:8080/api/kubernetes/api/v1/namespaces/n/pods?watch=1&resourceVersion=123&allowWatchBookmarks=true&fieldSelector=metadata.name%3Dp',
    );
    expect(watchUrl(PodModel, {}, '1', { protocol: 'https:', host: 'h' })).toMatch(
      /^wss:\/\/h\/api\/kubernetes\/api\/v1\/pods\?/,
    );
  });

  it('names apiVersions and qualified resources', () => {
    expect(apiVersionOf(PodModel)).toBe('v1');
    expect(apiVersionOf(VirtualMachineModel)).toBe('kubevirt.io/v1');
    expect(qualifiedResource(VirtualMachineModel)).toBe('virtualmachines.kubevirt.io');
    expect(qualifiedResource(PodModel)).toBe('pods');
  });
});
