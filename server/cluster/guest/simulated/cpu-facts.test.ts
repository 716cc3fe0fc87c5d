import { afterEach, describe, expect, it } from 'vitest';
import type { SimulatedGuest } from './simulated-guest.js';
import { SerialRecorder, makeGuest, waitForEvent } from '../../../../test/support/guest/guest-harness.js';

const guests: SimulatedGuest[] = [];
afterEach(() => {
  for (const g of guests.splice(0)) g.destroy();
});

async function shellOutput(emulation: boolean, command: string, cpus = 2): Promise<string> {
  const g = makeGuest({ emulation, cpus, user: 'fedora', password: 'pw' });
  guests.push(g);
  const rec = new SerialRecorder(g);
  await waitForEvent(g, 'booted');
  g.writeSerial('fedora\r');
  await rec.waitFor('Password: ');
  g.writeSerial('pw\r');
  await rec.waitFor(/\$ $/);
  rec.clear();
  g.writeSerial(`${command}\r`);
  await rec.waitFor(/\$ $/);
  return rec.text.split('\r\n').slice(1, -1).join('\n');
}

describe('what the guest says about its hypervisor', () => {
  it('with KVM: systemd-detect-virt kvm, lscpu names KVM, host-model CPU', async () => {
    expect(await shellOutput(false, 'systemd-detect-virt')).toBe('kvm');
    const lscpu = await shellOutput(false, 'lscpu');
    expect(lscpu).toMatch(/^ {2}Hypervisor vendor: +KVM$/m);
    expect(lscpu).toMatch(/^CPU\(s\): +2$/m);
    expect(lscpu).toContain('Intel Core Processor (Skylake, IBRS)');
  });

  it('under software emulation: qemu, QEMU TCG CPU, no hypervisor vendor lscpu knows', async () => {
    expect(await shellOutput(true, 'systemd-detect-virt')).toBe('qemu');
    const lscpu = await shellOutput(true, 'lscpu');
    expect(lscpu).not.toContain('Hypervisor vendor');
    expect(lscpu).toMatch(/Model name: +QEMU Virtual CPU version 2\.5\+/);
    const cpuinfo = await shellOutput(true, 'cat /proc/cpuinfo', 3);
    expect(cpuinfo.match(/^processor\t: \d$/gm)).toEqual(['processor\t: 0', 'processor\t: 1', 'processor\t: 2']);
    expect(cpuinfo).toContain('model name\t: QEMU Virtual CPU version 2.5+');
    expect(cpuinfo).not.toMatch(/\bvmx\b/);
  });
});
