import type { V1VirtualMachine } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { describe, expect, it } from 'vitest';
import { bootHints, guestUserOf } from './vm-guest-user';

const vm = (
  volumes: NonNullable<NonNullable<NonNullable<V1VirtualMachine['spec']>['template']['spec']>['volumes']>,
  dvs: NonNullable<V1VirtualMachine['spec']>['dataVolumeTemplates'] = [],
): V1VirtualMachine => ({
  metadata: { name: 'v', namespace: 'n' },
  spec: { dataVolumeTemplates: dvs, template: { spec: { domain: { devices: {} }, volumes } } },
});

describe('guestUserOf', () => {
  it('takes cloud-init user first', () => {
    const v = vm([
      { name: 'root', containerDisk: { image: 'quay.io/containerdisks/fedora:41' } },
      { name: 'ci', cloudInitNoCloud: { userData: '#cloud-config\nuser: admin\npassword: x\n' } },
    ]);
    expect(guestUserOf(v)).toBe('admin');
  });

  it('falls back to the image default, from containerDisks or DataVolume sources', () => {
    expect(
      guestUserOf(vm([{ name: 'root', containerDisk: { image: 'quay.io/kubevirt/cirros-container-disk-demo' } }])),
    ).toBe('cirros');
    const dv = vm(
      [{ name: 'root', dataVolume: { name: 'root' } }],
      [
        {
          metadata: { name: 'root' },
          spec: { source: { http: { url: 'https://cloud-images.ubuntu.com/noble.img' } } },
        },
      ],
    );
    expect(bootHints(dv)).toEqual(['https://cloud-images.ubuntu.com/noble.img']);
    expect(guestUserOf(dv)).toBe('ubuntu');
    expect(guestUserOf(vm([]))).toBeUndefined();
  });
});
