import { describe, expect, it } from 'vitest';
import { osDisplayName, osName } from './os-name';

describe('osDisplayName', () => {
  it('maps template ids and preference names to one display name', () => {
    expect(osDisplayName('cirros')).toBe('CirrOS');
    expect(osDisplayName('fedora')).toBe('Fedora');
    expect(osDisplayName('fedora41')).toBe('Fedora 41');
    expect(osDisplayName('rhel9')).toBe('Red Hat Enterprise Linux 9');
    expect(osDisplayName('rhel.9')).toBe('Red Hat Enterprise Linux 9');
    expect(osDisplayName('centos-stream9')).toBe('CentOS Stream 9');
    expect(osDisplayName('centos.stream9')).toBe('CentOS Stream 9');
    expect(osDisplayName('ubuntu22.04')).toBe('Ubuntu 22.04');
    expect(osDisplayName('win2k22')).toBe('Microsoft Windows Server 2022');
    expect(osDisplayName('windows.2k19')).toBe('Microsoft Windows Server 2019');
    expect(osDisplayName('win10')).toBe('Microsoft Windows 10');
    expect(osDisplayName('windows.11')).toBe('Microsoft Windows 11');
  });

  it('keeps an id it does not know as written', () => {
    expect(osDisplayName('plan9')).toBe('plan9');
  });
});

describe('osName', () => {
  const vm = (labels: Record<string, string> = {}, annotations: Record<string, string> = {}, preference?: string) => ({
    metadata: { labels, annotations },
    spec: preference ? { preference: { name: preference } } : {},
  });

  it('prefers what the guest agent reports', () => {
    const vmi = { status: { guestOSInfo: { prettyName: 'Fedora Linux 41 (Cloud Edition)', name: 'Fedora Linux' } } };
    expect(osName(vm({ 'vm.kubevirt.io/os': 'fedora' }), vmi)).toBe('Fedora Linux 41 (Cloud Edition)');
  });

  it('falls back to the annotation, the label, a template label, then the preference, with display names', () => {
    expect(osName(vm({}, { 'vm.kubevirt.io/os': 'cirros' }))).toBe('CirrOS');
    expect(osName(vm({ 'vm.kubevirt.io/os': 'rhel9' }))).toBe('Red Hat Enterprise Linux 9');
    expect(osName(vm({ 'os.template.kubevirt.io/centos-stream9': 'true' }))).toBe('CentOS Stream 9');
    expect(osName(vm({}, {}, 'windows.2k22'))).toBe('Microsoft Windows Server 2022');
    expect(osName(vm())).toBeUndefined();
  });

  it('reads a VMI alone (standalone instances)', () => {
    expect(osName(undefined, { metadata: { labels: { 'vm.kubevirt.io/os': 'cirros' } } })).toBe('CirrOS');
  });
});
