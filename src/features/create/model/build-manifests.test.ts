import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { buildManifests, buildVirtualMachine, buildVirtualMachineInstance, manifestsToYaml } from './build-manifests';
import { cloudInitUserData, registryUrl } from './build-parts';
import { effectiveRunStrategy, initialForm, needsStartCall, type CreateVmForm } from './form-state';

const form = (over: Partial<CreateVmForm> = {}): CreateVmForm => ({ ...initialForm('ns1'), name: 'vm1', ...over });

describe('buildVirtualMachine', () => {
  it('builds a container-disk VM with CPU, memory, masquerade pod network and cloud-init', () => {
    const vm = buildVirtualMachine(form({ cloudPassword: 's3cret' }));
    expect(vm.apiVersion).toBe('kubevirt.io/v1');
    expect(vm.kind).toBe('VirtualMachine');
    expect(vm.metadata).toEqual({ name: 'vm1', namespace: 'ns1', annotations: { 'vm.kubevirt.io/os': 'fedora' } });
    expect(vm.spec.runStrategy).toBe('Always');
    expect(vm.spec).not.toHaveProperty('running');
    expect(vm.spec.dataVolumeTemplates).toBeUndefined();
    const spec = vm.spec.template.spec!;
    expect(spec.domain.cpu).toEqual({ cores: 1, sockets: 1, threads: 1 });
    expect(spec.domain.memory).toEqual({ guest: '2Gi' });
    expect(spec.domain.devices.disks).toEqual([
      { name: 'rootdisk', disk: { bus: 'virtio' }, bootOrder: 1 },
      { name: 'cloudinitdisk', disk: { bus: 'virtio' } },
    ]);
    expect(spec.domain.devices.interfaces).toEqual([{ name: 'default', masquerade: {} }]);
    expect(spec.networks).toEqual([{ name: 'default', pod: {} }]);
    expect(spec.volumes?.[0]).toEqual({
      name: 'rootdisk',
      containerDisk: { image: 'quay.io/containerdisks/fedora:41' },
    });
    const userData = spec.volumes?.[1].cloudInitNoCloud?.userData ?? '';
    expect(userData.startsWith('#cloud-config\n')).toBe(true);
    expect(parse(userData)).toEqual({ user: 'fedora', password: 's3cret', chpasswd: { expire: false } });
    expect(vm.spec.template.metadata?.labels).toEqual({ 'kubevirt.io/domain': 'vm1' });
  });

  it('imports from a URL into a DataVolume template referenced by the root volume', () => {
    const vm = buildVirtualMachine(
      form({ bootSource: 'url', url: 'https://example.com/d.qcow2', diskSize: '20', storageClass: 'fast' }),
    );
    expect(vm.spec.dataVolumeTemplates).toEqual([
      {
        metadata: { name: 'vm1-rootdisk' },
        spec: {
          source: { http: { url: 'https://example.com/d.qcow2' } },
          storage: { resources: { requests: { storage: '20Gi' } }, storageClassName: 'fast' },
        },
      },
    ]);
    expect(vm.spec.template.spec?.volumes?.[0]).toEqual({ name: 'rootdisk', dataVolume: { name: 'vm1-rootdisk' } });
  });

  it('imports from a registry with a docker:// URL', () => {
    const vm = buildVirtualMachine(
      form({ bootSource: 'registry', registryImage: 'quay.io/containerdisks/ubuntu:24.04' }),
    );
    expect(vm.spec.dataVolumeTemplates?.[0].spec.source).toEqual({
      registry: { url: 'docker://quay.io/containerdisks/ubuntu:24.04' },
    });
    expect(registryUrl('docker://x/y:1')).toBe('docker://x/y:1');
  });

  it('clones a PVC of the same namespace, with or without a size', () => {
    const sized = buildVirtualMachine(form({ bootSource: 'pvc', pvcName: 'golden', diskSize: '40' }));
    expect(sized.spec.dataVolumeTemplates?.[0].spec).toEqual({
      source: { pvc: { namespace: 'ns1', name: 'golden' } },
      storage: { resources: { requests: { storage: '40Gi' } } },
    });
    const unsized = buildVirtualMachine(form({ bootSource: 'pvc', pvcName: 'golden', diskSize: '' }));
    expect(unsized.spec.dataVolumeTemplates?.[0].spec.storage).toEqual({});
  });

  it('clones a bootable volume per VM through sourceRef (kind DataSource), keeping the root disk wiring', () => {
    const vm = buildVirtualMachine(
      form({ bootSource: 'dataSource', dataSource: 'kubevirt-os-images/fedora', diskSize: '' }),
    );
    expect(vm.spec.dataVolumeTemplates).toEqual([
      {
        metadata: { name: 'vm1-rootdisk' },
        spec: { sourceRef: { kind: 'DataSource', namespace: 'kubevirt-os-images', name: 'fedora' }, storage: {} },
      },
    ]);
    expect(vm.spec.template.spec?.volumes?.[0]).toEqual({ name: 'rootdisk', dataVolume: { name: 'vm1-rootdisk' } });
    const sized = buildVirtualMachine(
      form({ bootSource: 'dataSource', dataSource: 'ns1/mine', diskSize: '12', storageClass: 'fast' }),
    );
    expect(sized.spec.dataVolumeTemplates?.[0].spec).toEqual({
      sourceRef: { kind: 'DataSource', namespace: 'ns1', name: 'mine' },
      storage: { resources: { requests: { storage: '12Gi' } }, storageClassName: 'fast' },
    });
    expect(manifestsToYaml([vm])).toContain(
      'sourceRef:\n          kind: DataSource\n          namespace: kubevirt-os-images\n          name: fedora',
    );
  });

  it('creates a blank disk', () => {
    const vm = buildVirtualMachine(form({ bootSource: 'blank', diskSize: '512', diskSizeUnit: 'Mi' }));
    expect(vm.spec.dataVolumeTemplates?.[0].spec).toEqual({
      source: { blank: {} },
      storage: { resources: { requests: { storage: '512Mi' } } },
    });
  });

  it('uses an instance type instead of CPU and memory, and a cluster preference', () => {
    const vm = buildVirtualMachine(
      form({
        sizing: 'instancetype',
        instancetype: 'VirtualMachineClusterInstancetype/u1.medium',
        preference: 'fedora',
      }),
    );
    expect(vm.spec.instancetype).toEqual({ kind: 'VirtualMachineClusterInstancetype', name: 'u1.medium' });
    expect(vm.spec.preference).toEqual({ kind: 'VirtualMachineClusterPreference', name: 'fedora' });
    expect(vm.spec.template.spec?.domain.cpu).toBeUndefined();
    expect(vm.spec.template.spec?.domain.memory).toBeUndefined();
  });

  it('from an instance type: matchers only, no expanded sizing, disk buses and OS left to the preference', () => {
    const vm = buildVirtualMachine(
      form({
        sizing: 'instancetype',
        instancetype: 'VirtualMachineInstancetype/small',
        preference: 'VirtualMachinePreference/my-linux',
        bootSource: 'dataSource',
        dataSource: 'kubevirt-os-images/fedora',
        diskSize: '',
      }),
    );
    expect(vm.spec.instancetype).toEqual({ kind: 'VirtualMachineInstancetype', name: 'small' });
    expect(vm.spec.preference).toEqual({ kind: 'VirtualMachinePreference', name: 'my-linux' });
    const domain = vm.spec.template.spec!.domain;
    expect(Object.keys(domain).sort()).toEqual(['devices']);
    expect(domain.devices.disks).toEqual([
      { name: 'rootdisk', disk: {}, bootOrder: 1 },
      { name: 'cloudinitdisk', disk: {} },
    ]);
    expect(vm.metadata?.annotations).toBeUndefined();
    expect(vm.spec.template.metadata?.annotations).toBeUndefined();
    expect(vm.spec.dataVolumeTemplates?.[0].spec.sourceRef).toEqual({
      kind: 'DataSource',
      namespace: 'kubevirt-os-images',
      name: 'fedora',
    });
    // The YAML preview says the same: matchers, no cpu or memory.
    const yaml = manifestsToYaml(
      buildManifests(form({ sizing: 'instancetype', instancetype: 'VirtualMachineClusterInstancetype/u1.small' })),
    );
    expect(yaml).toContain('instancetype:\n    kind: VirtualMachineClusterInstancetype\n    name: u1.small');
    expect(yaml).not.toMatch(/\b(cpu|memory|guest):/);
  });

  it('the custom path keeps its CPU, memory and buses even when an instance type was chosen before', () => {
    const vm = buildVirtualMachine(
      form({ sizing: 'custom', instancetype: 'VirtualMachineClusterInstancetype/u1.small' }),
    );
    expect(vm.spec.instancetype).toBeUndefined();
    expect(vm.spec.template.spec?.domain.cpu).toEqual({ cores: 1, sockets: 1, threads: 1 });
    expect(vm.spec.template.spec?.domain.devices.disks?.[0].disk).toEqual({ bus: 'virtio' });
    expect(vm.metadata?.annotations).toEqual({ 'vm.kubevirt.io/os': 'fedora' });
  });

  it('takes cores, memory units, disk bus, labels, description and a secondary network', () => {
    const vm = buildVirtualMachine(
      form({
        cores: '4',
        memory: '512',
        memoryUnit: 'Mi',
        diskBus: 'sata',
        labels: 'app=web, tier = front\nteam=a',
        description: ' Web server ',
        secondaryNetwork: 'vlan10',
      }),
    );
    const spec = vm.spec.template.spec!;
    expect(spec.domain.cpu?.cores).toBe(4);
    expect(spec.domain.memory?.guest).toBe('512Mi');
    expect(spec.domain.devices.disks?.[0].disk?.bus).toBe('sata');
    expect(vm.metadata?.labels).toEqual({ app: 'web', tier: 'front', team: 'a' });
    expect(vm.spec.template.metadata?.labels).toEqual({
      app: 'web',
      tier: 'front',
      team: 'a',
      'kubevirt.io/domain': 'vm1',
    });
    expect(vm.metadata?.annotations?.description).toBe('Web server');
    expect(spec.domain.devices.interfaces).toEqual([
      { name: 'default', masquerade: {} },
      { name: 'vlan10', bridge: {} },
    ]);
    expect(spec.networks).toEqual([
      { name: 'default', pod: {} },
      { name: 'vlan10', multus: { networkName: 'vlan10' } },
    ]);
  });

  it('maps "start after creation" and the run strategy', () => {
    expect(buildVirtualMachine(form({ startAfterCreate: false })).spec.runStrategy).toBe('Halted');
    expect(effectiveRunStrategy({ runStrategy: 'RerunOnFailure', startAfterCreate: true })).toBe('RerunOnFailure');
    expect(effectiveRunStrategy({ runStrategy: 'Manual', startAfterCreate: false })).toBe('Manual');
    expect(needsStartCall(form({ runStrategy: 'Manual' }))).toBe(true);
    expect(needsStartCall(form({ runStrategy: 'Always' }))).toBe(false);
    expect(needsStartCall(form({ runStrategy: 'Manual', startAfterCreate: false }))).toBe(false);
  });
});

describe('cloud-init', () => {
  it('writes user, password and SSH keys as #cloud-config', () => {
    const data = cloudInitUserData(
      form({ cloudUser: 'dev', cloudPassword: 'pw: "x"', sshKeys: 'ssh-ed25519 AAAA a@b\n\n ssh-rsa BBBB c@d ' }),
    );
    expect(parse(data ?? '')).toEqual({
      user: 'dev',
      password: 'pw: "x"',
      chpasswd: { expire: false },
      ssh_authorized_keys: ['ssh-ed25519 AAAA a@b', 'ssh-rsa BBBB c@d'],
    });
  });

  it('leaves out the password when none is given', () => {
    expect(parse(cloudInitUserData(form({ cloudUser: 'dev' })) ?? '')).toEqual({ user: 'dev' });
  });

  it('sends custom user data as typed', () => {
    const userData = '#!/bin/sh\necho hi\n';
    const vm = buildVirtualMachine(form({ cloudInit: 'custom', userData }));
    expect(vm.spec.template.spec?.volumes?.[1]).toEqual({ name: 'cloudinitdisk', cloudInitNoCloud: { userData } });
  });

  it('adds no cloud-init disk when it is off', () => {
    const vm = buildVirtualMachine(form({ cloudInit: 'none' }));
    expect(vm.spec.template.spec?.volumes?.map((v) => v.name)).toEqual(['rootdisk']);
    expect(vm.spec.template.spec?.domain.devices.disks?.map((d) => d.name)).toEqual(['rootdisk']);
  });
});

describe('buildVirtualMachineInstance', () => {
  it('builds a standalone VMI from a container disk, with no run strategy', () => {
    const vmi = buildVirtualMachineInstance(
      form({ kind: 'VirtualMachineInstance', bootSource: 'url', labels: 'a=b', cloudInit: 'none' }),
    );
    expect(vmi.kind).toBe('VirtualMachineInstance');
    expect(vmi.metadata?.labels).toEqual({ a: 'b', 'kubevirt.io/domain': 'vm1' });
    expect(vmi.spec).not.toHaveProperty('runStrategy');
    expect(vmi.spec.volumes).toEqual([
      { name: 'rootdisk', containerDisk: { image: 'quay.io/containerdisks/fedora:41' } },
    ]);
    expect(vmi.spec.domain.memory).toEqual({ guest: '2Gi' });
  });
});

describe('manifestsToYaml', () => {
  it('is a YAML stream of exactly the built objects', () => {
    const f = form({ bootSource: 'url', url: 'https://example.com/x.img' });
    const docs = parseAllDocuments(manifestsToYaml(buildManifests(f))).map((d) => d.toJS());
    expect(docs).toEqual(JSON.parse(JSON.stringify(buildManifests(f))));
    const two = parseAllDocuments(manifestsToYaml([{ a: 1 }, { b: 2 }])).map((d) => d.toJS());
    expect(two).toEqual([{ a: 1 }, { b: 2 }]);
  });
});
