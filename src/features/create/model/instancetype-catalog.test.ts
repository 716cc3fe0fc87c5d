import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { bootVolumePatch, preferenceMatcher } from './inference';
import {
  buildCatalog,
  catalogState,
  defaultSize,
  describeSize,
  memoryGi,
  seriesOfValue,
  type InstancetypeObject,
} from './instancetype-catalog';

const type = (name: string, cpu: number, memory: string, namespace?: string): InstancetypeObject => ({
  metadata: { name, namespace },
  spec: { cpu: { guest: cpu }, memory: { guest: memory } },
});

describe('instance type catalog', () => {
  it('groups cluster instance types by series in common-instancetypes order, smallest size first', () => {
    const catalog = buildCatalog(
      [
        type('cx1.large', 2, '4Gi'),
        type('u1.large', 2, '8Gi'),
        type('u1.nano', 1, '512Mi'),
        type('zz.big', 64, '1Ti'),
        type('u1.medium', 1, '4Gi'),
      ],
      [],
      'web',
    );
    expect(catalog.map((s) => s.id)).toEqual(['u1', 'cx1', 'zz']);
    expect(catalog[0].title).toBe('U1 series');
    expect(catalog[0].sizes.map((z) => z.name)).toEqual(['u1.nano', 'u1.medium', 'u1.large']);
    expect(catalog[0].sizes[0]).toEqual({
      value: 'VirtualMachineClusterInstancetype/u1.nano',
      name: 'u1.nano',
      cpu: 1,
      memory: '512Mi',
    });
    expect(defaultSize(catalog[0])?.name).toBe('u1.medium');
    expect(defaultSize(catalog[1])?.name).toBe('cx1.large');
  });

  it('puts the namespace’s own instance types first, with their namespaced kind', () => {
    const catalog = buildCatalog([type('u1.small', 1, '2Gi')], [type('tiny', 1, '1Gi', 'web')], 'web');
    expect(catalog[0]).toMatchObject({ id: 'namespace', title: 'Namespace web' });
    expect(catalog[0].sizes[0].value).toBe('VirtualMachineInstancetype/tiny');
    expect(seriesOfValue(catalog, 'VirtualMachineClusterInstancetype/u1.small')?.id).toBe('u1');
    expect(seriesOfValue(catalog, 'VirtualMachineClusterInstancetype/gone')).toBeUndefined();
  });

  it('describes each series with the common-instancetypes annotations (the real bundle)', () => {
    // The embedded cluster's copy of the common-instancetypes bundle (its README says where from).
    const file = new URL(
      '../../../../server/cluster/data/common-instancetypes/common-clusterinstancetypes-bundle.yaml',
      import.meta.url,
    );
    const bundle = parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJSON() as InstancetypeObject);
    const catalog = buildCatalog(bundle, undefined, 'web');
    expect(catalog.slice(0, 5).map((s) => s.id)).toEqual(['u1', 'o1', 'cx1', 'm1', 'n1']);
    const u1 = catalog[0];
    expect(u1.className).toBe('General Purpose');
    expect(u1.summary).toMatch(/^The U Series is quite neutral/);
    expect(u1.summary).not.toContain('\n');
    expect(catalog.find((s) => s.id === 'cx1')?.className).toBe('Compute Exclusive');
    expect(u1.sizes.map((z) => z.name).slice(0, 3)).toEqual(['u1.nano', 'u1.micro', 'u1.small']);
  });

  it('reads memory quantities and describes a size', () => {
    expect(memoryGi('512Mi')).toBe(0.5);
    expect(memoryGi('2Gi')).toBe(2);
    expect(memoryGi('junk')).toBeNaN();
    expect(describeSize({ cpu: 1, memory: '4Gi' })).toBe('1 CPU, 4 GiB memory');
    expect(describeSize({ cpu: 8, memory: '512Mi' })).toBe('8 CPUs, 512 MiB memory');
  });
});

describe('catalog state and RBAC', () => {
  const forbidden = Object.assign(
    new Error('virtualmachineclusterinstancetypes is forbidden: User "dev" cannot list'),
    {
      code: 403,
    },
  );
  const cluster = { data: [type('u1.small', 1, '2Gi')], error: null };
  const namespaced = { data: [type('tiny', 1, '1Gi', 'web')], error: null };

  it('waits for both lists', () => {
    expect(catalogState({ data: undefined, error: null }, namespaced, 'web').series).toBeUndefined();
    expect(catalogState(cluster, namespaced, 'web')).toMatchObject({ notices: [] });
  });

  it('says when the cluster instance types may not be listed, and still offers the namespace’s', () => {
    const state = catalogState({ data: undefined, error: forbidden }, namespaced, 'web');
    expect(state.series?.map((s) => s.id)).toEqual(['namespace']);
    expect(state.notices).toEqual([
      {
        id: 'create-vm-instancetypes-forbidden',
        variant: 'warning',
        title: "You cannot list the cluster's instance types",
        text: 'virtualmachineclusterinstancetypes is forbidden: User "dev" cannot list. The instance types of namespace web and the Custom path are still available.',
      },
    ]);
  });

  it('points at the custom path when no instance type can be read', () => {
    const state = catalogState({ data: undefined, error: forbidden }, { data: [], error: null }, 'web');
    expect(state.series).toEqual([]);
    expect(state.notices.map((n) => n.id)).toEqual(['create-vm-instancetypes-forbidden', 'create-vm-no-instancetypes']);
  });

  it('shows other errors as errors', () => {
    const state = catalogState({ data: undefined, error: new Error('boom') }, namespaced, 'web');
    expect(state.notices[0]).toMatchObject({ variant: 'danger', text: 'boom' });
  });
});

describe('preference inference', () => {
  it('takes the bootable volume’s default preference and instance type labels', () => {
    expect(bootVolumePatch('kubevirt-os-images/fedora', { os: 'fedora', instancetype: 'u1.medium' })).toEqual({
      dataSource: 'kubevirt-os-images/fedora',
      diskSize: '',
      preference: 'fedora',
      instancetype: 'VirtualMachineClusterInstancetype/u1.medium',
    });
  });

  it('leaves the preference and size alone when the volume has no labels', () => {
    expect(bootVolumePatch('ns/mine', { os: '', instancetype: '' })).toEqual({ dataSource: 'ns/mine', diskSize: '' });
    expect(bootVolumePatch('ns/mine', undefined)).toEqual({ dataSource: 'ns/mine', diskSize: '' });
  });

  it('maps the form’s preference value to a cluster or namespaced matcher', () => {
    expect(preferenceMatcher('')).toBeUndefined();
    expect(preferenceMatcher('fedora')).toEqual({ kind: 'VirtualMachineClusterPreference', name: 'fedora' });
    expect(preferenceMatcher('VirtualMachinePreference/mine')).toEqual({
      kind: 'VirtualMachinePreference',
      name: 'mine',
    });
  });
});
