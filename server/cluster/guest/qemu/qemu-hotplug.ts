/**
 * Disk hot-plug into a running QEMU, as libvirt does it for virt-launcher (AttachDeviceFlags /
 * DetachDeviceFlags): the disk image becomes a block node (QMP `blockdev-add`, raw or qcow2 over a
 * file) and a device on the bus the VMI's disk asks for (`device_add`):
 * - `scsi` (KubeVirt's hot-plug bus, what virtctl and the console use): a `scsi-hd` on the
 *   virtio-scsi controller every domain gets for hot-plug (KubeVirt's converter adds `scsi0`,
 *   model virtio-non-transitional), at libvirt's drive address target 0, unit N; the guest's
 *   virtio-scsi driver is told and scans it in (`sdX`);
 * - `virtio`: a virtio-blk-pci on one of the machine's free PCIe root ports (PCIe hot-plug; `vdX`).
 * Unplug is `device_del` (the guest lets go: event DEVICE_DELETED) then `blockdev-del`. The disks
 * the guest started with are the command line's; only disks with an image path are plugged. Each
 * device's serial is the disk's `serial`, else its name in the VMI, as the boot's data disks.
 */
import type { GuestDisk } from '../types.js';
import type { QmpEvent } from './qmp-client.js';

/** The empty PCIe root ports q35 gets for hot-plug (`-device pcie-root-port`). */
export const HOTPLUG_PORTS = 4;
/** The hot-plug SCSI controller's id (libvirt's alias of KubeVirt's `scsi` controller index 0). */
export const SCSI_CONTROLLER = 'scsi0';
/** virtio-blk serials are at most 20 bytes (QEMU refuses longer ones for scsi-hd's VPD too). */
const SERIAL_MAX = 20;

/** The root ports for virtio disks and the virtio-scsi controller for SCSI disks. */
export function hotplugPortArgs(): string[] {
  return [
    ...Array.from({ length: HOTPLUG_PORTS }, (_, i) => ['-device', `pcie-root-port,id=hp${i},chassis=${i + 1}`]).flat(),
    '-device',
    `virtio-scsi-pci-non-transitional,id=${SCSI_CONTROLLER}`,
  ];
}

type Exec = (command: string, args?: Record<string, unknown>) => Promise<unknown>;

/** Where a plugged disk sits: a root port (virtio) or a SCSI unit (scsi). */
type Slot = { port: number } | { unit: number };

export class QemuHotplug {
  /** Plugged disks by name (the target), with where they sit. */
  private readonly plugged = new Map<string, Slot>();
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

  /** The first free root port (virtio) or SCSI unit (scsi). */
  private freeSlot(scsi: boolean): Slot | undefined {
    const slots = [...this.plugged.values()];
    if (scsi) {
      const units = new Set(slots.flatMap((s) => ('unit' in s ? [s.unit] : [])));
      let unit = 0;
      while (units.has(unit)) unit++;
      return { unit };
    }
    const ports = new Set(slots.flatMap((s) => ('port' in s ? [s.port] : [])));
    const port = Array.from({ length: HOTPLUG_PORTS }, (_, i) => i).find((i) => !ports.has(i));
    return port === undefined ? undefined : { port };
  }

  private async plug(disk: GuestDisk): Promise<void> {
    const scsi = disk.bus === 'scsi';
    const slot = this.freeSlot(scsi);
    if (!slot) throw new Error(`no free PCIe root port for ${disk.name}`);
    this.plugged.set(disk.name, slot);
    const node = `hpnode-${disk.name}`;
    const serial = (disk.serial ?? disk.disk ?? disk.name).slice(0, SERIAL_MAX);
    try {
      await this.run('blockdev-add', {
        'node-name': node,
        driver: disk.format ?? 'raw',
        'read-only': !!disk.readOnly,
        file: { driver: 'file', filename: disk.path },
      });
    } catch (err) {
      this.plugged.delete(disk.name); // the next sync tries again
      throw err;
    }
    const device =
      'unit' in slot
        ? { driver: 'scsi-hd', bus: `${SCSI_CONTROLLER}.0`, channel: 0, 'scsi-id': 0, lun: slot.unit }
        : { driver: 'virtio-blk-pci', bus: `hp${slot.port}` };
    try {
      await this.run('device_add', { ...device, id: `hpdev-${disk.name}`, drive: node, serial });
    } catch (err) {
      this.plugged.delete(disk.name);
      await this.run('blockdev-del', { 'node-name': node }).catch(() => undefined);
      throw err;
    }
  }

  private async unplug(name: string): Promise<void> {
    this.plugged.delete(name);
    await this.run('device_del', { id: `hpdev-${name}` });
  }
}
