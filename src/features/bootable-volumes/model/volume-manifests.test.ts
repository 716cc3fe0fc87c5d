import { describe, expect, it } from 'vitest';
import { buildDataSource, buildDataVolume, nameFromFile, type VolumeSpec } from './volume-manifests';

const spec: VolumeSpec = {
  name: 'my-image',
  namespace: 'demo',
  source: 'upload',
  sizeGi: 3,
  storageClass: '',
  accessMode: '',
  preference: '',
};

describe('buildDataVolume', () => {
  it('an upload DataVolume: source.upload, size, immediate binding; class and access mode left to CDI', () => {
    expect(buildDataVolume(spec)).toEqual({
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      kind: 'DataVolume',
      metadata: {
        name: 'my-image',
        namespace: 'demo',
        annotations: { 'cdi.kubevirt.io/storage.bind.immediate.requested': 'true' },
      },
      spec: { source: { upload: {} }, storage: { resources: { requests: { storage: '3Gi' } } } },
    });
  });

  it('an import from a URL or a registry, with class and access mode when chosen', () => {
    const url = buildDataVolume({
      ...spec,
      source: 'url',
      location: ' https://x/d.qcow2 ',
      storageClass: 'fast',
      accessMode: 'ReadWriteMany',
    });
    expect(url.spec?.source).toEqual({ http: { url: 'https://x/d.qcow2' } });
    expect(url.spec?.storage).toEqual({
      resources: { requests: { storage: '3Gi' } },
      storageClassName: 'fast',
      accessModes: ['ReadWriteMany'],
    });
    expect(
      buildDataVolume({ ...spec, source: 'registry', location: 'quay.io/containerdisks/fedora:41' }).spec?.source,
    ).toEqual({
      registry: { url: 'docker://quay.io/containerdisks/fedora:41' },
    });
  });
});

describe('buildDataSource', () => {
  it('points at the PVC CDI makes for the DataVolume, with the preference label when chosen', () => {
    expect(buildDataSource({ ...spec, preference: 'fedora' })).toEqual({
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      kind: 'DataSource',
      metadata: {
        name: 'my-image',
        namespace: 'demo',
        labels: { 'instancetype.kubevirt.io/default-preference': 'fedora' },
      },
      spec: { source: { pvc: { name: 'my-image', namespace: 'demo' } } },
    });
    expect(buildDataSource(spec).metadata?.labels).toBeUndefined();
  });
});

describe('nameFromFile', () => {
  it('makes a DNS label from a file name without its image and compression extensions', () => {
    expect(nameFromFile('Fedora-Cloud 41.x86_64.qcow2')).toBe('fedora-cloud-41-x86-64');
    expect(nameFromFile('disk.img.xz')).toBe('disk');
    expect(nameFromFile('--Weird__Name--.iso')).toBe('weird-name');
    expect(nameFromFile('a'.repeat(80) + '.raw')).toHaveLength(63);
  });
});
