import type { V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { describe, expect, it } from 'vitest';
import { osProfile } from './os-profiles.js';
import { cloudInitCredentials, guestOptionsFromVmi } from './vmi-guest-options.js';
import { fixture as fixtureDocs } from '../../../test/support/fixtures.js';

interface VmOrVmi {
  kind: string;
  metadata: V1VirtualMachineInstance['metadata'];
  spec: V1VirtualMachineInstance['spec'] & {
    template?: { metadata?: V1VirtualMachineInstance['metadata']; spec: V1VirtualMachineInstance['spec'] };
  };
}

const fixture = (name: string): V1VirtualMachineInstance => {
  const [doc] = fixtureDocs<VmOrVmi>(`kubevirt-examples/${name}`);
  // A VM fixture: the VMI is made from its template.
  if (doc.kind === 'VirtualMachine' && doc.spec.template)
    return { metadata: { ...doc.spec.template.metadata, name: doc.metadata?.name }, spec: doc.spec.template.spec };
  return { metadata: doc.metadata, spec: doc.spec };
};

describe('guestOptionsFromVmi', () => {
  it('reads vmi-fedora.yaml: Fedora, cloud-config password "fedora" for the default user', () => {
    const opts = guestOptionsFromVmi(fixture('vmi-fedora.yaml'), { ipAddress: '10.244.0.5', speed: 10 });
    expect(opts).toMatchObject({
      name: 'vmi-fedora',
      hostname: 'vmi-fedora',
      password: 'fedora',
      memory: '1024M',
      cpus: 1,
      hasGraphics: true,
      ipAddress: '10.244.0.5',
      speed: 10,
    });
    expect(osProfile(opts.osName).os).toBe('fedora');
    expect(opts.user ?? osProfile(opts.osName).defaultUser).toBe('fedora');
  });

  it('reads vm-cirros.yaml: CirrOS, a shell-script user data leaves the defaults (cirros / gocubsgo)', () => {
    const opts = guestOptionsFromVmi(fixture('vm-cirros.yaml'));
    expect(osProfile(opts.osName).os).toBe('cirros');
    expect(opts.user).toBeUndefined();
    expect(opts.password).toBeUndefined();
    expect(opts.memory).toBe('128Mi');
  });

  it('reads vmi-windows.yaml: Windows (Hyper-V features), 2 cores', () => {
    const opts = guestOptionsFromVmi(fixture('vmi-windows.yaml'));
    expect(osProfile(opts.osName).os).toBe('windows');
    expect(opts.cpus).toBe(2);
  });

  it('honours autoattachGraphicsDevice: false and spec.hostname', () => {
    const vmi = fixture('vmi-fedora.yaml');
    vmi.spec!.hostname = 'db-0';
    vmi.spec!.domain.devices.autoattachGraphicsDevice = false;
    expect(guestOptionsFromVmi(vmi)).toMatchObject({ hostname: 'db-0', hasGraphics: false });
  });
});

describe('cloudInitCredentials', () => {
  it('reads user, password and hostname of a cloud-config', () => {
    expect(cloudInitCredentials('#cloud-config\nuser: admin\npassword: pw\nhostname: h1\n')).toEqual({
      user: 'admin',
      password: 'pw',
      hostname: 'h1',
    });
  });

  it('reads the users list and chpasswd', () => {
    expect(cloudInitCredentials('#cloud-config\nusers:\n  - name: ops\n    plain_text_passwd: x1\n')).toMatchObject({
      user: 'ops',
      password: 'x1',
    });
    expect(cloudInitCredentials('#cloud-config\nchpasswd:\n  list: |\n    root:r00t\n')).toMatchObject({
      user: 'root',
      password: 'r00t',
    });
  });

  it('ignores scripts and broken YAML', () => {
    expect(cloudInitCredentials('#!/bin/sh\necho hi\n')).toEqual({});
    expect(cloudInitCredentials('#cloud-config\n: : [\n')).toEqual({});
  });
});
