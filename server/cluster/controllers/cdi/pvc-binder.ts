/**
 * Dynamic provisioning and binding of PersistentVolumeClaims (the PV controller with the
 * storage classes' provisioner): a claim whose storage class exists is Bound after a moment;
 * an unknown storage class leaves it Pending with ProvisioningFailed, until the class appears.
 */
import { ResourceKey, keyOf, splitKey } from '../../runtime/client.js';
import type { ControllerContext } from '../context.js';
import type { PVC } from '../../kubevirt/types.js';
import { VOLUME_SNAPSHOT_CONTENTS, VOLUME_SNAPSHOTS } from '../snapshot/csi-classes.js';

const COMPONENT = 'persistentvolume-controller';
const PROVISION_SECONDS = 1;

export function defaultStorageClass(ctx: ControllerContext): string | undefined {
  const sc = ctx.informers.storageClasses
    .list()
    .find((s) => s.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true');
  return sc?.metadata.name;
}

type VolumeSource = { snapshotHandle?: string; cloneOf?: string } | { error: string };

/**
 * What a new volume is provisioned from (spec.dataSourceRef / dataSource): a ready VolumeSnapshot
 * (its content's snapshot handle) or a bound PVC (a CSI clone), else empty. An error while the
 * source is missing or not ready, as the external provisioner reports it.
 */
function volumeSource(ctx: ControllerContext, pvc: PVC): VolumeSource {
  const ds = pvc.spec?.dataSourceRef ?? pvc.spec?.dataSource;
  const ns = pvc.metadata.namespace;
  if (ds?.kind === 'VolumeSnapshot' && ds.apiGroup === 'snapshot.storage.k8s.io') {
    const vs = ctx.client.tryGet(VOLUME_SNAPSHOTS, ns, ds.name);
    const vsStatus = vs?.status as { readyToUse?: boolean; boundVolumeSnapshotContentName?: string } | undefined;
    const prefix = `failed to provision volume with StorageClass "${pvc.spec?.storageClassName ?? ''}": error getting handle for DataSource Type VolumeSnapshot by Name ${ds.name}`;
    if (!vs)
      return {
        error: `${prefix}: error getting snapshot ${ds.name} from api server: volumesnapshots.snapshot.storage.k8s.io "${ds.name}" not found`,
      };
    if (!vsStatus?.readyToUse) return { error: `${prefix}: snapshot ${ds.name} is not Ready` };
    const content = ctx.client.tryGet(
      VOLUME_SNAPSHOT_CONTENTS,
      undefined,
      vsStatus.boundVolumeSnapshotContentName ?? '',
    );
    const handle = (content?.status as { snapshotHandle?: string } | undefined)?.snapshotHandle;
    if (!handle) return { error: `${prefix}: snapshot ${ds.name} not bound` };
    return { snapshotHandle: handle };
  }
  if (ds?.kind === 'PersistentVolumeClaim' && !ds.apiGroup) {
    const src = ctx.client.tryGet(ResourceKey.pvcs, ns, ds.name);
    if (src?.status?.phase !== 'Bound' || !src.spec?.volumeName)
      return {
        error: `failed to provision volume: error getting handle for DataSource Type PersistentVolumeClaim by Name ${ds.name}: claim in dataSource not bound or invalid`,
      };
    return { cloneOf: src.spec.volumeName };
  }
  return {};
}

export class PvcBinder {
  private readonly due = new Map<string, number>();
  private readonly warned = new Set<string>();

  constructor(private readonly ctx: ControllerContext) {}

  watch(): void {
    const { informers, queues } = this.ctx;
    informers.pvcs.on({ onChange: (o) => queues.pvc.add(keyOf(o)) });
    informers.storageClasses.on({
      onChange: (sc) => {
        for (const pvc of informers.pvcs.byIndex('storageClass', sc.metadata.name ?? '')) queues.pvc.add(keyOf(pvc));
        for (const pvc of informers.pvcs.byIndex('storageClass', '')) queues.pvc.add(keyOf(pvc));
      },
    });
  }

  reconcile(key: string): void {
    const { client } = this.ctx;
    const [ns, name] = splitKey(key);
    const pvc = client.tryGet(ResourceKey.pvcs, ns, name);
    if (!pvc || pvc.metadata.deletionTimestamp || pvc.status?.phase === 'Bound') return;
    const uid = pvc.metadata.uid ?? '';
    const scName = pvc.spec?.storageClassName ?? defaultStorageClass(this.ctx);
    const sc = scName ? client.tryGet(ResourceKey.storageClasses, undefined, scName) : undefined;
    if (!sc) {
      if (!this.warned.has(uid)) {
        this.warned.add(uid);
        const message = scName
          ? `storageclass.storage.k8s.io "${scName}" not found`
          : 'no persistent volumes available for this claim and no storage class is set';
        this.ctx.record(
          pvc,
          scName ? 'Warning' : 'Normal',
          scName ? 'ProvisioningFailed' : 'FailedBinding',
          message,
          COMPONENT,
        );
      }
      return;
    }
    const provisioner = (sc.provisioner as string | undefined) ?? 'kubevirt.io.hostpath-provisioner';
    const source = volumeSource(this.ctx, pvc);
    if ('error' in source) {
      if (!this.warned.has(uid)) {
        this.warned.add(uid);
        this.ctx.record(pvc, 'Warning', 'ProvisioningFailed', source.error, provisioner);
      }
      return;
    }
    const now = this.ctx.clock.now();
    let at = this.due.get(uid);
    if (at === undefined) {
      at = now + (PROVISION_SECONDS * 1000) / this.ctx.clock.speed;
      this.due.set(uid, at);
      this.ctx.record(
        pvc,
        'Normal',
        'Provisioning',
        `External provisioner is provisioning volume for claim "${ns}/${name}"`,
        provisioner,
      );
    }
    if (now < at) {
      this.ctx.queues.pvc.addAfterMs(key, at - now + 1);
      return;
    }
    this.due.delete(uid);
    this.warned.delete(uid);
    const volume = `pvc-${uid}`;
    if (source.snapshotHandle) {
      this.ctx.volumes.restoreSnapshot(source.snapshotHandle, volume);
      this.ctx.disks?.restoreDisk(source.snapshotHandle, volume);
    }
    if (source.cloneOf) {
      this.ctx.volumes.cloneVolume(source.cloneOf, volume);
      this.ctx.disks?.cloneDisk(source.cloneOf, volume);
    }
    const storage = pvc.spec?.resources?.requests?.storage ?? '1Gi';
    const accessModes = pvc.spec?.accessModes ?? ['ReadWriteOnce'];
    client.mutate(ResourceKey.pvcs, ns, name, (o) => {
      if (o.metadata.uid !== uid || !o.spec || typeof o.spec !== 'object' || Array.isArray(o.spec)) return false;
      o.metadata.annotations = {
        ...(o.metadata.annotations ?? {}),
        'pv.kubernetes.io/bind-completed': 'yes',
        'pv.kubernetes.io/bound-by-controller': 'yes',
        'volume.beta.kubernetes.io/storage-provisioner': provisioner,
        'volume.kubernetes.io/storage-provisioner': provisioner,
      };
      const spec = o.spec as { volumeName?: string; storageClassName?: string; volumeMode?: string };
      spec.volumeName = volume;
      spec.storageClassName ??= scName;
      spec.volumeMode ??= 'Filesystem';
    });
    client.mutate(
      ResourceKey.pvcs,
      ns,
      name,
      (o) => {
        o.status = { phase: 'Bound', accessModes, capacity: { storage } };
      },
      { subresource: 'status' },
    );
    this.ctx.record(pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${volume}`, provisioner);
  }
}
