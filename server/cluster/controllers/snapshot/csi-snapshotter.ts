/**
 * The CSI snapshot controller and the host-path driver's snapshotter (kubernetes-csi/
 * external-snapshotter): a VolumeSnapshot of a bound PVC gets a VolumeSnapshotContent
 * (`snapcontent-<uid>`) bound to it, the volume's content is copied at that point in time
 * (guest/volume-data.ts), and both become readyToUse a moment later. A VolumeSnapshot that cannot
 * be taken (no PVC, PVC not bound, no VolumeSnapshotClass) carries status.error and stays not
 * ready. Deleting a VolumeSnapshot deletes its content (deletionPolicy Delete) and the copy.
 */
import { quantityInteger } from '../../apimachinery/quantity.js';
import { ResourceKey, keyOf, splitKey, type KObject } from '../../runtime/client.js';
import type { Informer } from '../../runtime/informer.js';
import { nowIso, type ControllerContext } from '../context.js';
import {
  VOLUME_SNAPSHOT_CLASSES,
  VOLUME_SNAPSHOT_CONTENTS,
  VOLUME_SNAPSHOTS,
  defaultClassOfDriver,
} from './csi-classes.js';

const COMPONENT = 'snapshot-controller';
const SNAPSHOT_SECONDS = 1;

interface VsSpec {
  source?: { persistentVolumeClaimName?: string; volumeSnapshotContentName?: string };
  volumeSnapshotClassName?: string;
}
interface VsStatus {
  boundVolumeSnapshotContentName?: string;
  creationTime?: string;
  readyToUse?: boolean;
  restoreSize?: string;
  error?: { message?: string; time?: string };
}

const specOf = (o: KObject) => (o.spec ?? {}) as VsSpec;
const statusOf = (o: KObject) => (o.status ?? {}) as VsStatus;

export class CsiSnapshotter {
  private readonly due = new Map<string, number>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly snapshots: Informer,
    private readonly contents: Informer,
    private readonly classes: Informer,
    private readonly enqueue: (key: string, afterMs?: number) => void,
  ) {}

  watch(): void {
    this.snapshots.on({
      onChange: (o) => {
        this.enqueue(keyOf(o));
        // PVCs waiting to be provisioned from this snapshot
        for (const pvc of this.ctx.informers.pvcs.list(o.metadata.namespace)) {
          const ds = pvc.spec?.dataSourceRef ?? pvc.spec?.dataSource;
          if (ds?.kind === 'VolumeSnapshot' && ds.name === o.metadata.name) this.ctx.queues.pvc.add(keyOf(pvc));
        }
      },
      onDelete: (o) => this.enqueue(keyOf(o)),
    });
    const bySource = (pvc: KObject) => {
      for (const vs of this.snapshots.list(pvc.metadata.namespace))
        if (specOf(vs).source?.persistentVolumeClaimName === pvc.metadata.name && !statusOf(vs).readyToUse)
          this.enqueue(keyOf(vs));
    };
    this.ctx.informers.pvcs.on({ onChange: bySource });
  }

  reconcile(key: string): void {
    const [ns, name] = splitKey(key);
    const vs = this.ctx.client.tryGet(VOLUME_SNAPSHOTS, ns, name);
    if (!vs || vs.metadata.deletionTimestamp) {
      this.deleteContentsOf(ns ?? '', name, vs?.metadata.uid);
      return;
    }
    const status = statusOf(vs);
    if (status.readyToUse) return;
    if (status.boundVolumeSnapshotContentName) {
      this.finish(vs, key);
      return;
    }
    const problem = this.take(vs);
    if (problem) this.fail(vs, problem);
  }

  /** Creates the content and copies the volume; returns why it cannot, if it cannot. */
  private take(vs: KObject): string | undefined {
    const { client } = this.ctx;
    const ns = vs.metadata.namespace ?? '';
    const name = vs.metadata.name ?? '';
    const claim = specOf(vs).source?.persistentVolumeClaimName;
    if (!claim)
      return 'pre-provisioned snapshots (spec.source.volumeSnapshotContentName) are not supported by this driver';
    const pvc = client.tryGet(ResourceKey.pvcs, ns, claim);
    if (!pvc)
      return `failed to get input parameters to create snapshot ${name}: persistentvolumeclaims "${claim}" not found`;
    const volume = pvc.spec?.volumeName;
    if (pvc.status?.phase !== 'Bound' || !volume)
      return `the PVC ${claim} is not yet bound to a PV, will not attempt to take a snapshot`;
    const sc = client.tryGet(ResourceKey.storageClasses, undefined, pvc.spec?.storageClassName ?? '');
    const driver = (sc as { provisioner?: string } | undefined)?.provisioner ?? '';
    const className = specOf(vs).volumeSnapshotClassName;
    const cls = className
      ? client.tryGet(VOLUME_SNAPSHOT_CLASSES, undefined, className)
      : defaultClassOfDriver(this.classes.list(), driver);
    if (!cls)
      return className
        ? `Failed to get snapshot class with error volumesnapshotclass.snapshot.storage.k8s.io "${className}" not found`
        : 'Failed to set default snapshot class with error cannot find default snapshot class';
    if ((cls as { driver?: string }).driver !== driver)
      return `Failed to create snapshot content with error snapshot class ${cls.metadata.name ?? ''} is not for the driver ${driver} of PVC ${claim}`;
    const contentName = `snapcontent-${vs.metadata.uid ?? ''}`;
    const handle = `snapshot-${vs.metadata.uid ?? ''}`;
    const now = nowIso(this.ctx);
    const bytes = quantityInteger(pvc.status?.capacity?.storage ?? pvc.spec?.resources?.requests?.storage) ?? 0;
    if (!client.tryGet(VOLUME_SNAPSHOT_CONTENTS, undefined, contentName)) {
      this.ctx.volumes.takeSnapshot(volume, handle);
      this.ctx.disks?.snapshotDisk(volume, handle);
      client.create(VOLUME_SNAPSHOT_CONTENTS, {
        apiVersion: 'snapshot.storage.k8s.io/v1',
        kind: 'VolumeSnapshotContent',
        metadata: { name: contentName },
        spec: {
          deletionPolicy: (cls as { deletionPolicy?: string }).deletionPolicy ?? 'Delete',
          driver,
          source: { volumeHandle: volume },
          sourceVolumeMode: pvc.spec?.volumeMode ?? 'Filesystem',
          volumeSnapshotClassName: cls.metadata.name,
          volumeSnapshotRef: {
            apiVersion: 'snapshot.storage.k8s.io/v1',
            kind: 'VolumeSnapshot',
            name,
            namespace: ns,
            uid: vs.metadata.uid,
          },
        },
      });
      client.mutate(
        VOLUME_SNAPSHOT_CONTENTS,
        undefined,
        contentName,
        (o) => {
          o.status = {
            creationTime: Date.parse(now) * 1_000_000,
            readyToUse: false,
            restoreSize: bytes,
            snapshotHandle: handle,
          };
        },
        { subresource: 'status' },
      );
      this.ctx.record(
        vs,
        'Normal',
        'CreatingSnapshot',
        `Waiting for a snapshot ${ns}/${name} to be created by the CSI driver.`,
        COMPONENT,
      );
    }
    client.mutate(
      VOLUME_SNAPSHOTS,
      ns,
      name,
      (o) => {
        if (o.metadata.uid !== vs.metadata.uid) return false;
        o.status = {
          boundVolumeSnapshotContentName: contentName,
          creationTime: now,
          readyToUse: false,
          restoreSize: pvc.status?.capacity?.storage ?? pvc.spec?.resources?.requests?.storage,
        };
      },
      { subresource: 'status' },
    );
    this.ctx.record(
      vs,
      'Normal',
      'SnapshotCreated',
      `Snapshot ${ns}/${name} was successfully created by the CSI driver.`,
      COMPONENT,
    );
    return undefined;
  }

  /** readyToUse once the driver has cut the snapshot (a moment, divided by --speed). */
  private finish(vs: KObject, key: string): void {
    const uid = vs.metadata.uid ?? '';
    const now = this.ctx.clock.now();
    let at = this.due.get(uid);
    if (at === undefined) {
      at = now + (SNAPSHOT_SECONDS * 1000) / this.ctx.clock.speed;
      this.due.set(uid, at);
    }
    if (now < at) {
      this.enqueue(key, at - now + 1);
      return;
    }
    this.due.delete(uid);
    const contentName = statusOf(vs).boundVolumeSnapshotContentName ?? '';
    const { client } = this.ctx;
    client.mutate(
      VOLUME_SNAPSHOT_CONTENTS,
      undefined,
      contentName,
      (o) => {
        o.status = { ...(o.status as object), readyToUse: true };
      },
      { subresource: 'status' },
    );
    client.mutate(
      VOLUME_SNAPSHOTS,
      vs.metadata.namespace,
      vs.metadata.name ?? '',
      (o) => {
        if (o.metadata.uid !== uid) return false;
        const s = { ...statusOf(o), readyToUse: true };
        delete s.error;
        o.status = s;
      },
      { subresource: 'status' },
    );
    this.ctx.record(
      vs,
      'Normal',
      'SnapshotReady',
      `Snapshot ${vs.metadata.namespace}/${vs.metadata.name} is ready to use.`,
      COMPONENT,
    );
  }

  private fail(vs: KObject, message: string): void {
    const now = nowIso(this.ctx);
    this.ctx.client.mutate(
      VOLUME_SNAPSHOTS,
      vs.metadata.namespace,
      vs.metadata.name ?? '',
      (o) => {
        const s = statusOf(o);
        if (s.error?.message === message && s.readyToUse === false) return false;
        o.status = { ...s, readyToUse: false, error: { message, time: now } };
      },
      { subresource: 'status' },
    );
    this.ctx.record(vs, 'Warning', 'SnapshotCreationFailed', message, COMPONENT);
  }

  /** The contents bound to a VolumeSnapshot that is gone (any) or being deleted (its own): deleted with their copy. */
  private deleteContentsOf(ns: string, name: string, uid: string | undefined): void {
    for (const c of this.contents.list()) {
      const spec = (c.spec ?? {}) as {
        deletionPolicy?: string;
        volumeSnapshotRef?: { name?: string; namespace?: string; uid?: string };
      };
      const ref = spec.volumeSnapshotRef;
      if (ref?.namespace !== ns || ref.name !== name || (uid !== undefined && ref.uid !== uid)) continue;
      if (spec.deletionPolicy === 'Retain' || c.metadata.deletionTimestamp) continue;
      const handle = (c.status as { snapshotHandle?: string } | undefined)?.snapshotHandle;
      if (handle) {
        this.ctx.volumes.deleteSnapshot(handle);
        this.ctx.disks?.deleteSnapshot(handle);
      }
      this.ctx.client.delete(VOLUME_SNAPSHOT_CONTENTS, undefined, c.metadata.name ?? '');
    }
  }
}
