/**
 * What the guest prints while it boots and shuts down, per OS flavour. Each step has a delay
 * in guest milliseconds (real-time at speed 1). Kernel lines carry `[ seconds ]` stamps
 * computed from the accumulated delays, as dmesg would show them.
 */
import type { OsProfile } from '../os-profiles.js';

export type BootStep =
  | { readonly delayMs: number; readonly kind: 'text'; readonly text: string }
  /** The kernel's DRM driver took over the screen: switch to a framebuffer console. */
  | { readonly delayMs: number; readonly kind: 'fbcon'; readonly width: number; readonly height: number };

export interface MachineFacts {
  readonly hostname: string;
  readonly cpus: number;
  readonly memoryBytes: number;
  readonly emulation: boolean;
  readonly ipv4?: string;
}

const OK = '[\x1b[0;32m  OK  \x1b[0m]';

/** Formats a dmesg timestamp, `[    1.234567]`. */
export function kernelStamp(ms: number): string {
  return `[${(ms / 1000).toFixed(6).padStart(12)}]`;
}

class ScriptBuilder {
  readonly steps: BootStep[] = [];
  private clockMs = 0;

  /** A plain line after `delayMs`. */
  line(delayMs: number, text: string): this {
    this.clockMs += delayMs;
    this.steps.push({ delayMs, kind: 'text', text: `${text}\n` });
    return this;
  }

  /** A kernel line, stamped with the boot clock. */
  kernel(delayMs: number, text: string): this {
    this.clockMs += delayMs;
    this.steps.push({ delayMs, kind: 'text', text: `${kernelStamp(this.clockMs)} ${text}\n` });
    return this;
  }

  ok(delayMs: number, text: string): this {
    return this.line(delayMs, `${OK} ${text}`);
  }

  fbcon(delayMs: number, width: number, height: number): this {
    this.clockMs += delayMs;
    this.steps.push({ delayMs, kind: 'fbcon', width, height });
    return this;
  }
}

function firmware(b: ScriptBuilder): void {
  b.line(300, 'SeaBIOS (version 1.16.3-2.el9)')
    .line(200, 'Machine UUID 5d307ca9-b3ef-428c-8861-06e72d69f223')
    .line(150, 'Booting from Hard Disk...');
}

function kernelLines(b: ScriptBuilder, profile: OsProfile, facts: MachineFacts): void {
  const kib = Math.round(facts.memoryBytes / 1024);
  b.kernel(600, `Linux version ${profile.kernel} (mockbuild@kubevirt) (gcc 14.2.1) #1 SMP PREEMPT_DYNAMIC`)
    .kernel(
      0,
      `Command line: BOOT_IMAGE=/vmlinuz-${profile.kernel} root=LABEL=root ro console=tty0 console=ttyS0,115200n8`,
    )
    .kernel(0, 'DMI: KubeVirt None/RHEL, BIOS 1.16.3-2.el9 04/01/2014')
    .kernel(2, facts.emulation ? 'Hypervisor detected: none (TCG software emulation)' : 'Hypervisor detected: KVM')
    .kernel(10, `Memory: ${Math.round(kib * 0.93)}K/${kib}K available`)
    .kernel(20, `smpboot: Allowing ${facts.cpus} CPUs, 0 hotplug CPUs`)
    .kernel(150, `smp: Brought up 1 node, ${facts.cpus} CPU${facts.cpus === 1 ? '' : 's'}`)
    .kernel(200, 'Serial: 8250/16550 driver, 4 ports, IRQ sharing enabled')
    .kernel(5, '00:05: ttyS0 at I/O 0x3f8 (irq = 4, base_baud = 115200) is a 16550A')
    .kernel(250, 'virtio_blk virtio2: [vda] 10485760 512-byte logical blocks (5.37 GB/5.00 GiB)')
    .kernel(30, 'virtio_net virtio1 enp1s0: renamed from eth0');
}

function framebuffer(b: ScriptBuilder, profile: OsProfile): void {
  if (!profile.fbcon) return;
  const { width, height } = profile.fbcon;
  b.kernel(120, '[drm] Initialized bochs-drm 1.0.0 for 0000:00:01.0 on minor 0')
    .fbcon(5, width, height)
    .kernel(0, 'fbcon: bochs-drmdrmfb (fb0) is primary device')
    .kernel(0, `Console: switching to colour frame buffer device ${width / 8}x${height / 16}`);
}

function systemdBoot(b: ScriptBuilder, profile: OsProfile, facts: MachineFacts): void {
  b.kernel(300, 'EXT4-fs (vda1): mounted filesystem with ordered data mode.')
    .kernel(200, 'systemd[1]: systemd 256.7 running in system mode (+PAM +AUDIT +SELINUX +SECCOMP)')
    .kernel(5, `systemd[1]: Detected virtualization ${facts.emulation ? 'qemu' : 'kvm'}.`)
    .kernel(0, 'systemd[1]: Detected architecture x86-64.')
    .line(50, '')
    .line(0, `Welcome to \x1b[1m${profile.prettyName}\x1b[0m!`)
    .line(0, '')
    .ok(150, 'Created slice system-getty.slice - Slice /system/getty.')
    .ok(80, 'Reached target local-fs.target - Local File Systems.')
    .ok(120, 'Started systemd-journald.service - Journal Service.')
    .ok(150, 'Started systemd-udevd.service - Rule-based Manager for Device Events and Files.')
    .ok(100, 'Found device dev-ttyS0.device - /dev/ttyS0.')
    .ok(200, 'Started NetworkManager.service - Network Manager.')
    .ok(80, 'Reached target network.target - Network.')
    .line(20, '         Starting cloud-init.service - Cloud-init: Network Stage...')
    .kernel(400, `cloud-init[612]: Cloud-init v. 24.1.4 running 'init'. Up 3.21 seconds.`)
    .ok(200, 'Finished cloud-init.service - Cloud-init: Network Stage.')
    .ok(120, 'Started sshd.service - OpenSSH server daemon.')
    .ok(60, 'Started qemu-guest-agent.service - QEMU Guest Agent.')
    .ok(50, 'Started serial-getty@ttyS0.service - Serial Getty on ttyS0.')
    .ok(20, 'Started getty@tty1.service - Getty on tty1.')
    .ok(60, 'Reached target multi-user.target - Multi-User System.')
    .line(100, '');
}

function sysvBoot(b: ScriptBuilder, profile: OsProfile, facts: MachineFacts): void {
  const ip = facts.ipv4 ?? '10.0.2.2';
  b.kernel(300, 'EXT4-fs (vda1): mounted filesystem with ordered data mode.')
    .line(200, 'Starting syslogd: OK')
    .line(50, 'Starting klogd: OK')
    .line(80, 'Running sysctl: OK')
    .line(100, 'Initializing random number generator: OK')
    .line(150, 'Starting network: udhcpc: started, v1.36.1')
    .line(300, 'udhcpc: broadcasting discover')
    .line(200, `udhcpc: broadcasting select for ${ip}`)
    .line(100, `udhcpc: lease of ${ip} obtained, lease time 86313600`)
    .line(50, 'OK')
    .line(200, 'Starting acpid: OK')
    .line(300, 'checking http://169.254.169.254/2009-04-04/instance-id')
    .line(200, 'successful after 1/20 tries: up 4.12. iid=i-00000001')
    .line(
      100,
      `=== system information ===\nPlatform: KubeVirt None/RHEL\nContainer: none\nArch: x86_64\nCPU(s): ${facts.cpus} @ 2593.906 MHz\nUptime: 4.51\n=== datasource: nocloud local ===`,
    )
    .line(150, `=== ${profile.prettyName} ===`)
    .line(50, '');
  if (profile.os === 'cirros') {
    b.line(
      0,
      '  ____               ____  ____\n / __/ __ ____ ____ / __ \\/ __/\n/ /__ / // __// __// /_/ /\\ \\\n\\___//_//_/  /_/   \\____/___/\n   http://cirros-cloud.net\n\n',
    );
  }
}

function windowsBoot(b: ScriptBuilder): void {
  b.line(800, 'Windows Boot Manager')
    .line(1500, 'Starting Windows...')
    .line(1500, 'Preparing network connections...')
    .line(1000, 'Applying computer settings...')
    .line(500, '');
}

/** The full boot sequence up to (not including) the login prompt. */
export function bootScript(profile: OsProfile, facts: MachineFacts): BootStep[] {
  const b = new ScriptBuilder();
  firmware(b);
  if (profile.init === 'windows') {
    if (profile.fbcon) b.fbcon(100, profile.fbcon.width, profile.fbcon.height);
    windowsBoot(b);
    return b.steps;
  }
  kernelLines(b, profile, facts);
  framebuffer(b, profile);
  if (profile.init === 'systemd') systemdBoot(b, profile, facts);
  else sysvBoot(b, profile, facts);
  return b.steps;
}

/** Lines printed while shutting down; the last one is the kernel's power-down or restart. */
export function shutdownScript(profile: OsProfile, action: 'poweroff' | 'reboot', uptimeMs: number): BootStep[] {
  const b = new ScriptBuilder();
  const last = (ms: number): string =>
    `${kernelStamp(uptimeMs + ms)} reboot: ${action === 'poweroff' ? 'Power down' : 'Restarting system'}`;
  if (profile.init === 'windows') {
    b.line(300, '').line(200, action === 'poweroff' ? 'Shutting down...' : 'Restarting...');
    b.line(1500, '');
    return b.steps;
  }
  if (profile.init === 'sysv') {
    b.line(100, 'Stopping network: OK')
      .line(100, 'Saving random seed: OK')
      .line(50, 'Stopping klogd: OK')
      .line(50, 'Stopping syslogd: OK')
      .line(100, 'The system is going down NOW!')
      .line(100, 'Sent SIGTERM to all processes')
      .line(200, 'Sent SIGKILL to all processes')
      .line(100, `Requesting system ${action}`)
      .line(300, last(1100));
    return b.steps;
  }
  const target = action === 'poweroff' ? 'poweroff.target - System Power Off' : 'reboot.target - System Reboot';
  const service =
    action === 'poweroff' ? 'systemd-poweroff.service - System Power Off' : 'systemd-reboot.service - System Reboot';
  b.ok(100, 'Removed slice system-getty.slice - Slice /system/getty.')
    .ok(100, 'Stopped target multi-user.target - Multi-User System.')
    .ok(100, 'Stopped qemu-guest-agent.service - QEMU Guest Agent.')
    .ok(80, 'Stopped sshd.service - OpenSSH server daemon.')
    .ok(150, 'Stopped NetworkManager.service - Network Manager.')
    .ok(100, 'Reached target shutdown.target - System Shutdown.')
    .ok(50, 'Reached target final.target - Late Shutdown Services.')
    .ok(50, `Finished ${service}.`)
    .ok(20, `Reached target ${target}.`)
    .line(300, last(1050));
  return b.steps;
}
