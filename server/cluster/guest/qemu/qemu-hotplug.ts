/**
 * Disk hot-plug into a running QEMU, as libvirt does it for virt-launcher (AttachDeviceFlags /
 * DetachDeviceFlags): the disk image becomes a block node (QMP `blockdev-add`, raw or qcow2 over a
 * file) and a virtio-blk-pci device on one of the machine's free PCIe root ports (`device_add`);
 * unplug is `device_del` (the guest lets go: event DEVICE_DELETED) then `blockdev-del`. The disks
 * the guest started with are the command line's; only disks with an image path are plugged.
 */
import type { GuestDisk } from '../types.js';
import type { QmpEvent } from './qmp-client.js';

/** The empty PCIe root ports q35 gets for hot-plug (`-device pcie-root-port`). */
export const HOTPLUG_PORTS = 4;

export function hotplugPortArgs(): string[] {
  return Array.from({ length: HOTPLUG_PORTS }, (_, i) => [
    '-device',
    `pcie-root-port,id=hp${i},chassis=${i + 1}`,
  ]).flat();
}

type Exec = (command: string, args?: Record<string, unknown>) => Promise<unknown>;

export class QemuHotplug {
  /** Plugged disks by name (the target), with the root port they use. */
  private readonly plugged = new Map<string, number>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly exec: () => Exec | undefined,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** Brings the plugged set to `disks` (those with an image); operations run one after another. */
  sync(disks: readonly GuestDisk[]): void {
    const wanted = new Map(disks.filter((d) => d.path).map((d) => [d.name, d]));
    for (const [name] of this.plugged) if (!wanted.has(name)) this.enqueue(() => this.unplug(name));
    for (const [name, disk] of wanted) if (!this.plugged.has(name)) this.enqueue(() => this.plug(disk));
  }

  onEvent(e: QmpEvent): void {
    const id = (e.data as { device?: string } | undefined)?.device ?? '';
    if (e.event === 'DEVICE_DELETED' && id.startsWith('hpdev-')) {
      const node = `hpnode-${id.slice('hpdev-'.length)}`;
      this.enqueue(() => this.run('blockdev-del', { 'node-name': node }));
    }
  }

  private enqueue(task: () => Promise<unknown>): void {
    this.queue = this.queue.then(task).catch((err: unknown) => this.log(`disk hot-plug: ${String(err)}`));
  }

  private async run(command: string, args: Record<string, unknown>): Promise<unknown> {
    const exec = this.exec();
    if (!exec) throw new Error('QMP is not connected');
    return exec(command, args);
  }

  private async plug(disk: GuestDisk): Promise<void> {
    const used = new Set(this.plugged.values());
    const port = Array.from({ length: HOTPLUG_PORTS }, (_, i) => i).find((i) => !used.has(i));
    if (port === undefined) throw new Error(`no free PCIe root port for ${disk.name}`);
    this.plugged.set(disk.name, port);
    await this.run('blockdev-add', {
      'node-name': `hpnode-${disk.name}`,
      driver: disk.format ?? 'raw',
      'read-only': !!disk.readOnly,
      file: { driver: 'file', filename: disk.path },
    });
    await this.run('device_add', {
      driver: 'virtio-blk-pci',
      id: `hpdev-${disk.name}`,
      drive: `hpnode-${disk.name}`,
      bus: `hp${port}`,
      serial: disk.serial ?? disk.name,
    });
  }

  private async unplug(name: string): Promise<void> {
    this.plugged.delete(name);
    await this.run('device_del', { id: `hpdev-${name}` });
  }
}
