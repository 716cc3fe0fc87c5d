import type { IoK8sApiCoreV1PersistentVolumeClaim } from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import type { V1beta1DataVolume } from '@kubevirt-ui-ext/kubevirt-api/containerized-data-importer';
import type { VM } from '../../../kubevirt/vm-selectors';
import { vmDisks, type VmDisk } from '../../../kubevirt/vm-devices';
import { nameOf } from '../../../k8s/meta';

export interface DataVolumeProgress {
  phase?: string;
  /** 0–100, or undefined when CDI reports "N/A" or nothing. */
  percent?: number;
  /** As CDI writes it: "45.67%", "N/A". */
  text?: string;
  /**
   * Why the import is failing, from the DataVolume's Running condition (False, reason Error: CDI
   * retries the importer and keeps its last message there), or a Failed phase's condition message.
   */
  error?: string;
  /** How many times CDI has restarted the importer. */
  restarts?: number;
}

type DvCondition = { type?: string; status?: string; reason?: string; message?: string };

/** The importer's failure, as CDI reports it on the DataVolume. */
export function dataVolumeError(dv: V1beta1DataVolume): string | undefined {
  const conditions = (dv.status?.conditions ?? []) as DvCondition[];
  const running = conditions.find((c) => c.type === 'Running');
  if (running?.status === 'False' && running.reason === 'Error' && running.message) return running.message;
  if (dv.status?.phase === 'Failed')
    return conditions.find((c) => c.status === 'False' && c.message)?.message ?? 'The import failed.';
  return undefined;
}

/** A disk (from the selectors) with what the cluster knows of its storage. */
export interface DiskRow extends VmDisk {
  /** Requested or actual size ("2Gi"), when known. */
  size?: string;
  /** Import progress of a DataVolume source, once the DataVolume exists. */
  dataVolume?: DataVolumeProgress;
}

/** "45.67%" → 45.67; "N/A", "" or garbage → undefined. */
export function parseProgress(progress: string | undefined): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(progress ?? '');
  if (!m) return undefined;
  return Math.min(100, Number(m[1]));
}

interface StorageSpec {
  pvc?: { resources?: { requests?: Record<string, string> } };
  storage?: { resources?: { requests?: Record<string, string> } };
}

const requestedStorage = (spec: StorageSpec | undefined): string | undefined =>
  spec?.storage?.resources?.requests?.storage ?? spec?.pvc?.resources?.requests?.storage;

/**
 * The Disks tab's rows: the VM's disks with their DataVolume's size and import progress, and
 * the size of a claim, looked up by name in the namespace's DataVolumes and claims.
 */
export function diskRows(
  vm: VM,
  dataVolumes: V1beta1DataVolume[] = [],
  pvcs: IoK8sApiCoreV1PersistentVolumeClaim[] = [],
): DiskRow[] {
  const dvByName = new Map(dataVolumes.map((d) => [nameOf(d), d]));
  const pvcByName = new Map(pvcs.map((p) => [nameOf(p), p]));
  return vmDisks(vm).map((disk) => {
    const { type, ref, capacity } = disk.source;
    if (type === 'dataVolume' && ref) {
      const dv = dvByName.get(ref);
      return {
        ...disk,
        size:
          requestedStorage(dv?.spec as StorageSpec | undefined) ??
          requestedStorage(disk.dataVolumeTemplate?.spec as StorageSpec | undefined),
        dataVolume: dv ? dataVolumeProgress(dv) : undefined,
      };
    }
    if (type === 'persistentVolumeClaim' && ref) {
      const pvc = pvcByName.get(ref);
      return { ...disk, size: pvc?.status?.capacity?.storage ?? pvc?.spec?.resources?.requests?.storage };
    }
    return { ...disk, size: capacity };
  });
}

function dataVolumeProgress(dv: V1beta1DataVolume): DataVolumeProgress {
  const progress = dv.status?.progress;
  const out: DataVolumeProgress = { phase: dv.status?.phase, percent: parseProgress(progress), text: progress };
  const error = dataVolumeError(dv);
  if (error) out.error = error;
  if (dv.status?.restartCount) out.restarts = dv.status.restartCount;
  return out;
}

/** The names of the DataVolumes a VM uses (its volumes and its dataVolumeTemplates). */
export function dataVolumeNames(vm: VM | undefined): string[] {
  const names = new Set<string>();
  for (const t of vm?.spec?.dataVolumeTemplates ?? []) if (t.metadata?.name) names.add(t.metadata.name);
  for (const d of vmDisks(vm)) if (d.source.type === 'dataVolume' && d.source.ref) names.add(d.source.ref);
  return [...names];
}
