/**
 * Public types of the guest layer: what runs "inside" a Running VMI.
 *
 * The controllers create one guest per running VMI through a {@link GuestBackend}; the
 * `vnc` and `console` subresources attach websockets to it. The backends: the
 * simulated one (simulated-backend.ts); the QEMU backend (qemu/, real VMs) implements the same
 * interfaces without the controllers or the subresource routes changing.
 */
import type { ConsoleSessions } from './console/sessions.js';
import type { GuestFiles } from './volume-data.js';

/** Which console a websocket is attached to: `vnc` (the screen) or `console` (the serial line). */
export type ConsoleKind = 'vnc' | 'console';

/** Operating systems the simulated guest knows how to imitate (anything else: generic Linux). */
export type GuestOsName =
  'fedora' | 'cirros' | 'ubuntu' | 'centos' | 'rhel' | 'debian' | 'alpine' | 'windows' | 'linux';

export interface GuestOptions {
  /** VMI name; the RFB desktop name. Defaults to the hostname. */
  name?: string;
  hostname: string;
  /** OS to imitate; unknown names fall back to a generic Linux. Default `fedora`. */
  osName?: string;
  /** Login user (cloud-init `user`); defaults to the OS's documented default (os-profiles.ts). */
  user?: string;
  /** Login password (cloud-init `password`); defaults to the OS's documented default. */
  password?: string;
  /** Address shown by `ip a`, with or without a prefix length (`10.244.1.7` or `10.244.1.7/24`). */
  ipAddress?: string;
  macAddress?: string;
  cpus?: number;
  /** Memory as a Kubernetes quantity ("2Gi") or bytes. */
  memory?: string | number;
  /** false when the VMI has `autoattachGraphicsDevice: false`: no screen, no `vnc`. Default true. */
  hasGraphics?: boolean;
  /** Software emulation (no KVM): shown in the boot log, lscpu, /proc/cpuinfo and systemd-detect-virt. */
  emulation?: boolean;
  /**
   * The files on the disk the guest boots from, when that disk is a PVC (guest/volume-data.ts):
   * what the guest writes goes there. Without it the root disk is ephemeral (a container disk).
   */
  disk?: GuestFiles;
  /** Time scale: 1 = real-time boot (a few seconds), 1000 = about a millisecond per second. */
  speed?: number;
  /** SSH public keys per user (~/.ssh/authorized_keys), from access credentials propagated by cloud-init. */
  authorizedKeys?: Record<string, string[]>;
  /** The VMI's disks as block devices, in the guest's order. */
  disks?: GuestDisk[];
  /** A bootable image in the VMI's first disk's volume (QEMU guests boot it with the firmware). */
  bootDisk?: { path: string; format: 'raw' | 'qcow2'; cdrom: boolean };
  /** The VMI's other PVC and DataVolume disks, in its order (QEMU guests attach them as virtio disks). */
  dataDisks?: DataDisk[];
}

/** A disk image a real guest gets as a virtio disk; `name` is the VMI's disk name (its serial). */
export interface DataDisk {
  name: string;
  path: string;
  format: 'raw' | 'qcow2';
}

/** A block device the guest sees (a VMI disk): its kernel name (the domain's target: vda, sda...). */
export interface GuestDisk {
  name: string;
  sizeBytes: number;
  readOnly?: boolean;
  /** `rom` for a CD-ROM. */
  type?: 'disk' | 'rom';
  /** The disk's serial (the VMI disk's `serial`). */
  serial?: string;
  /** Where the guest mounted it (the root disk: `/`). */
  mountpoint?: string;
  /** A hot-plugged disk's name in the VMI (`name` is its target) and its bus: how a QEMU guest plugs it. */
  disk?: string;
  bus?: string;
  /** The disk image on the host, when there is one (a PVC's disk.img): a QEMU guest attaches it. */
  path?: string;
  format?: 'raw' | 'qcow2';
}

/** Life of a guest: booting → running → (shutting-down → off) | destroyed. */
export type GuestState = 'booting' | 'running' | 'shutting-down' | 'off' | 'destroyed';

/** Events a guest emits; controllers react to `booted`, `poweroff` and `reboot`. */
export interface GuestEventMap {
  /** The login prompt appeared: the VMI can be marked Running / Ready. */
  booted: [];
  /** The guest powered itself off (or finished an ACPI shutdown): QEMU has exited. */
  poweroff: [];
  /** The guest rebooted itself (same VMI, same QEMU process); `booted` follows again. */
  reboot: [];
  /** Pause state changed (`pause()`/`unpause()`). */
  paused: [paused: boolean];
  /** The guest was destroyed (`destroy()`); consoles are closed. */
  destroyed: [];
  /** The machine ended without powering off (QEMU crashed or was killed, kernel panic): the VMI fails. */
  crashed: [reason: string];
}

/** Why a guest is not what its backend normally runs; virt-handler records it as an event. */
export interface GuestNotice {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

/** A bidirectional byte stream into the guest (the serial port, or the VNC server socket). */
export interface ByteChannel {
  write(data: Uint8Array): void;
  onData(listener: (data: Uint8Array) => void): void;
  /** Called once when the guest side closes the channel (guest destroyed, for example). */
  onClose(listener: (reason: string) => void): void;
  /** Close from the client side (the websocket went away). */
  close(): void;
}

/**
 * What a guest's hypervisor reports (libvirt's domain stats, as virt-handler reads them): counters
 * since the guest started, in seconds and bytes. Optional parts are left out when unknown.
 */
export interface GuestStats {
  /** CPU time of vCPUs and hypervisor together, and its user and system parts. */
  cpu: { totalSeconds: number; userSeconds: number; systemSeconds: number };
  /** Seconds each vCPU ran. */
  vcpuSeconds?: number[];
  memory?: {
    /** What the guest sees as its memory (MemTotal). */
    availableBytes: number;
    /** Free plus reclaimable (MemAvailable). */
    usableBytes: number;
    unusedBytes: number;
    cachedBytes: number;
    /** The hypervisor process's resident memory. */
    residentBytes: number;
    domainBytes: number;
    majorFaults: number;
    minorFaults: number;
  };
  /** The first interface's counters. */
  net?: { rxBytes: number; txBytes: number; rxPackets: number; txPackets: number };
  /** Per disk, in the VMI's disk order. */
  blocks?: Array<{
    rdBytes: number;
    wrBytes: number;
    rdReqs: number;
    wrReqs: number;
    rdSeconds: number;
    wrSeconds: number;
    flReqs: number;
  }>;
}

/** What a running VMI's guest offers to the controllers and the console routes. */
export interface Guest {
  readonly name: string;
  readonly hostname: string;
  readonly hasGraphics: boolean;
  readonly state: GuestState;
  readonly paused: boolean;
  readonly sessions: ConsoleSessions;
  /** True when the VMI is reported Running only once the guest has booted (real guests). */
  readonly runningOnceBooted?: boolean;
  /** Set when this guest stands in for another kind (e.g. a simulated guest beyond --max-guests). */
  readonly notice?: GuestNotice;
  on<K extends keyof GuestEventMap>(event: K, listener: (...args: GuestEventMap[K]) => void): this;
  once<K extends keyof GuestEventMap>(event: K, listener: (...args: GuestEventMap[K]) => void): this;
  off<K extends keyof GuestEventMap>(event: K, listener: (...args: GuestEventMap[K]) => void): this;
  /** ACPI power button (graceful) or pulling the plug (not graceful); emits `poweroff`. */
  shutdown(graceful: boolean): void;
  pause(): void;
  unpause(): void;
  /** Soft reboot (ACPI / guest agent); emits `reboot` then `booted`. */
  reboot(): void;
  /** Ends the guest at once (QEMU killed); closes every console session. */
  destroy(): void;
  hasActiveSession(kind: ConsoleKind): boolean;
  /** A new connection to the guest's RFB server (raw RFB bytes both ways). Throws without graphics. */
  openVnc(desktopName?: string): ByteChannel;
  /** A new connection to the guest's serial port (raw bytes both ways). */
  openSerial(): ByteChannel;
  /** PNG of the current screen. */
  screenshot(): Promise<Buffer>;
  /** The VMI's address changed (after a migration); a backend whose guest learns it by DHCP may ignore it. */
  setAddress?(ipAddress: string): void;
  /** Hot-plug: the block devices are now these (disks attached or detached by virt-handler). */
  setDisks?(disks: GuestDisk[]): void;
  /** Hot-plug: CPU sockets (vCPUs) and memory changed live. */
  setCpus?(cpus: number): void;
  setMemory?(bytes: number): void;
  /** Who is logged in on the guest's consoles (the guest agent's guest-get-users), when the backend can tell. */
  loggedInUsers?(): Array<{ userName: string; loginTime: number }>;
  /** The hypervisor's counters now (virt-handler's domain stats), when the backend can tell. */
  stats?(): GuestStats | Promise<GuestStats | undefined> | undefined;
  /** Access credentials by the guest agent: the user's authorized SSH keys are now these. */
  setAuthorizedKeys?(user: string, keys: string[]): void;
}

/** Creates the guest behind a VMI that has just been scheduled and started. */
export interface GuestBackend {
  readonly kind: 'simulated' | 'qemu';
  create(options: GuestOptions): Guest;
}
