/**
 * What is on each volume of the embedded cluster's storage: the files a simulated guest wrote on
 * the disk it booted from. A volume is known by its handle (the PersistentVolume name the PVC
 * binder gave it, `pvc-<uid>`); a CSI snapshot by its snapshot handle. Taking a snapshot copies a
 * volume's files, provisioning a PVC from a VolumeSnapshot copies them back into the new volume,
 * so a guest booted from a restored disk sees what was on the disk when the snapshot was taken.
 * Held in memory: a cluster restarted with --data-dir starts with empty disks.
 */

/** A guest's root file system: absolute path → content. */
export type GuestFiles = Map<string, string>;

/** Most files one volume holds, and most bytes per file (a guest typing into its console cannot exhaust memory). */
export const MAX_FILES = 1000;
export const MAX_FILE_BYTES = 64 * 1024;

export class VolumeData {
  private readonly volumes = new Map<string, GuestFiles>();
  private readonly snapshots = new Map<string, GuestFiles>();

  /** The files on a volume (created empty on first use; the map is the volume, writes go to it). */
  files(volumeHandle: string): GuestFiles {
    let files = this.volumes.get(volumeHandle);
    if (!files) {
      files = new Map();
      this.volumes.set(volumeHandle, files);
    }
    return files;
  }

  /** A point-in-time copy of a volume, kept under the snapshot's handle. */
  takeSnapshot(volumeHandle: string, snapshotHandle: string): void {
    this.snapshots.set(snapshotHandle, new Map(this.volumes.get(volumeHandle) ?? []));
  }

  hasSnapshot(snapshotHandle: string): boolean {
    return this.snapshots.has(snapshotHandle);
  }

  /** Fills a new volume with a snapshot's content; false when the snapshot is gone. */
  restoreSnapshot(snapshotHandle: string, volumeHandle: string): boolean {
    const copy = this.snapshots.get(snapshotHandle);
    if (!copy) return false;
    this.volumes.set(volumeHandle, new Map(copy));
    return true;
  }

  /** A new volume with a copy of another's files (a CSI clone, a DataVolume cloned from a PVC). */
  cloneVolume(sourceHandle: string, volumeHandle: string): void {
    this.volumes.set(volumeHandle, new Map(this.volumes.get(sourceHandle) ?? []));
  }

  deleteVolume(volumeHandle: string): void {
    this.volumes.delete(volumeHandle);
  }

  deleteSnapshot(snapshotHandle: string): void {
    this.snapshots.delete(snapshotHandle);
  }
}
