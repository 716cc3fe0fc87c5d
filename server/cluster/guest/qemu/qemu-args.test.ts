import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { dieWithParent } from './process-reaper.js';
import { defaultMaxGuests } from './qemu-backend.js';
import {
  accelArgs,
  dataDiskArgs,
  kernelCommandLine,
  machineSize,
  qemuArgs,
  runPaths,
  type MachineSpec,
  type SizeLimits,
} from './qemu-args.js';
import { parsePpm, ppmToPng } from './ppm.js';
import { selectGuestBackend } from '../select-backend.js';

const limits: SizeLimits = { maxMemoryMiB: 512, minMemoryMiB: 128, maxCpus: 1, hostCpus: 2 };

function spec(overrides: Partial<MachineSpec> = {}): MachineSpec {
  return {
    name: 'vm-1',
    accel: 'tcg',
    memoryMiB: 256,
    cpus: 1,
    kernel: '/cache/vmlinuz',
    paths: runPaths('/tmp/kvc-qemu-x'),
    graphics: true,
    network: { address: '10.244.1.7/24', net: '10.244.1.0/24', gateway: '10.244.1.1', dns: '10.244.1.2' },
    mac: '52:54:00:12:34:56',
    ...overrides,
  };
}

/** The value after `flag` (the first occurrence). */
const after = (args: string[], flag: string) => args[args.indexOf(flag) + 1];

describe('machine size', () => {
  it('takes memory and vCPUs from the VMI spec, capped to the limits', () => {
    expect(machineSize({ memory: '256Mi', cpus: 1 }, limits)).toEqual({ memoryMiB: 256, cpus: 1 });
    expect(machineSize({ memory: '8Gi', cpus: 4 }, limits)).toEqual({ memoryMiB: 512, cpus: 1 });
    expect(machineSize({ memory: '64Mi' }, limits)).toEqual({ memoryMiB: 128, cpus: 1 });
    expect(machineSize({ memory: 300 * 2 ** 20, cpus: 8 }, { ...limits, maxCpus: 4 })).toEqual({
      memoryMiB: 300,
      cpus: 2,
    });
    expect(machineSize({}, limits)).toEqual({ memoryMiB: 512, cpus: 1 });
  });

  it('runs as many guests as fit in free memory, at most 8 per CPU and at least one', () => {
    expect(defaultMaxGuests(24 * 2 ** 30, 2, 512)).toBe(16);
    expect(defaultMaxGuests(4 * 2 ** 30, 8, 512)).toBe(5);
    expect(defaultMaxGuests(2 ** 29, 2, 512)).toBe(1);
  });
});

describe('qemu arguments', () => {
  it('attaches each data disk as a virtio disk whose serial is the disk name (at most 20 bytes, commas escaped)', () => {
    expect(
      dataDiskArgs([
        { name: 'root', path: '/v/pvc-1/disk.img', format: 'raw' },
        { name: 'a-very-long-disk-name-indeed', path: '/v/a,b/disk.img', format: 'qcow2' },
      ]),
    ).toEqual([
      '-drive',
      'file=/v/pvc-1/disk.img,format=raw,if=none,id=data0,cache=writeback',
      '-device',
      'virtio-blk-pci,drive=data0,serial=root',
      '-drive',
      'file=/v/a,,b/disk.img,format=qcow2,if=none,id=data1,cache=writeback',
      '-device',
      'virtio-blk-pci,drive=data1,serial=a-very-long-disk-nam',
    ]);
  });

  it('uses KVM with the host CPU, or TCG', () => {
    expect(accelArgs('kvm')).toEqual(['-accel', 'kvm', '-cpu', 'host']);
    expect(accelArgs('tcg')).toEqual(['-accel', 'tcg']);
    expect(after(qemuArgs(spec({ accel: 'kvm' })), '-accel')).toBe('kvm');
    expect(qemuArgs(spec({ accel: 'tcg' }))).not.toContain('kvm');
  });

  it('sizes the machine and boots the built kernel with the per-VM initramfs', () => {
    const args = qemuArgs(spec({ memoryMiB: 384, cpus: 2 }));
    expect(after(args, '-m')).toBe('384M');
    expect(after(args, '-smp')).toBe('2');
    expect(after(args, '-kernel')).toBe('/cache/vmlinuz');
    expect(after(args, '-initrd')).toBe('/tmp/kvc-qemu-x/initrd.img');
    expect(after(args, '-append')).toBe(kernelCommandLine());
    expect(args).toContain('-S');
  });

  it('puts QMP, the serial line and VNC on unix sockets in the run directory', () => {
    const args = qemuArgs(spec());
    expect(after(args, '-qmp')).toBe('unix:/tmp/kvc-qemu-x/qmp.sock,server=on,wait=off');
    expect(after(args, '-chardev')).toBe('socket,id=serial0,path=/tmp/kvc-qemu-x/serial.sock,server=on,wait=off');
    expect(after(args, '-serial')).toBe('chardev:serial0');
    expect(after(args, '-vnc')).toBe('unix:/tmp/kvc-qemu-x/vnc.sock');
    expect(after(args, '-vga')).toBe('std');
  });

  it('has no screen and no VNC server without a graphics device', () => {
    const args = qemuArgs(spec({ graphics: false }));
    expect(args).not.toContain('-vnc');
    expect(after(args, '-vga')).toBe('none');
  });

  it('gives the guest a restricted user-mode network around its address and its MAC', () => {
    const args = qemuArgs(spec());
    expect(after(args, '-netdev')).toBe(
      'user,id=net0,restrict=on,ipv6=off,net=10.244.1.0/24,host=10.244.1.1,dns=10.244.1.2',
    );
    expect(args).toContain('e1000,netdev=net0,mac=52:54:00:12:34:56');
  });

  it('shows both consoles on the kernel command line, the serial line last (/dev/console), and no password', () => {
    const cmdline = kernelCommandLine();
    expect(cmdline.indexOf('console=tty1')).toBeLessThan(cmdline.indexOf('console=ttyS0'));
    expect(cmdline).not.toMatch(/password|kvc\./);
  });

  it('escapes commas in the guest name', () => {
    expect(after(qemuArgs(spec({ name: 'a,b' })), '-name')).toBe('guest=a,,b');
  });

  it('runs QEMU through setpriv --pdeathsig when it is on PATH', () => {
    expect(dieWithParent('/usr/bin/qemu', ['-m', '1'], { PATH: '' })).toEqual(['/usr/bin/qemu', ['-m', '1']]);
    const [cmd, args] = dieWithParent('/usr/bin/qemu', ['-m', '1'], { PATH: '/usr/bin:/bin' });
    if (cmd.endsWith('setpriv')) expect(args).toEqual(['--pdeathsig', 'KILL', '--', '/usr/bin/qemu', '-m', '1']);
  });
});

describe('screendump to PNG', () => {
  it('reads a binary PPM with comments and converts it to an RGB PNG', () => {
    const header = Buffer.from('P6\n# qemu\n2 1\n255\n');
    const ppm = Buffer.concat([header, Buffer.from([255, 0, 0, 0, 0, 255])]);
    expect(parsePpm(ppm)).toMatchObject({ width: 2, height: 1 });
    const png = PNG.sync.read(ppmToPng(ppm));
    expect([png.width, png.height]).toEqual([2, 1]);
    expect([...png.data]).toEqual([255, 0, 0, 255, 0, 0, 255, 255]);
  });

  it('refuses what is not a complete P6 image', () => {
    expect(() => parsePpm(Buffer.from('P3\n1 1\n255\n0 0 0'))).toThrow(/P6/);
    expect(() => parsePpm(Buffer.from('P6\n2 2\n255\n\0\0\0'))).toThrow(/truncated/);
  });
});

describe('backend selection', () => {
  const noQemu = { PATH: '', KVC_GUEST_DIR: '/nonexistent' };

  it('--guests simulated always simulates', () => {
    const choice = selectGuestBackend({ mode: 'simulated', speed: 1 });
    expect(choice.backend.kind).toBe('simulated');
    expect(choice.description).toContain('simulated');
  });

  it('auto falls back to simulated guests and says what is missing', () => {
    const choice = selectGuestBackend({ mode: 'auto', speed: 1, env: noQemu });
    expect(choice.backend.kind).toBe('simulated');
    expect(choice.description).toMatch(/qemu-system-x86_64 is not on PATH/);
    expect(choice.description).toMatch(/npm run guest:build/);
  });

  it('auto keeps simulated guests for a fast clock or a scale seed, even with QEMU there', () => {
    expect(selectGuestBackend({ mode: 'auto', speed: 10 }).description).toMatch(/simulated/);
    const scale = selectGuestBackend({ mode: 'auto', speed: 1, seed: 'scale:1000' });
    expect(scale.backend.kind).toBe('simulated');
  });

  it('--guests qemu without QEMU or the guest image is an error', () => {
    expect(() => selectGuestBackend({ mode: 'qemu', speed: 1, env: noQemu })).toThrow(/--guests qemu: .*not on PATH/);
  });
});
