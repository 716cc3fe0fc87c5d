/**
 * Rows of the bootable volumes page: each DataSource with its OS, size, where its content comes
 * from (the DataImportCron that keeps it fresh, the DataVolume that filled its PVC, or the PVC or
 * snapshot it names) and whether it is ready to clone. Pure.
 */
import type { IoK8sApiCoreV1PersistentVolumeClaim } from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import type {
  V1beta1DataImportCron,
  V1beta1DataSource,
  V1beta1DataVolume,
} from '@kubevirt-ui-ext/kubevirt-api/containerized-data-importer';
import { indexByKey, nameOf, namespaceOf } from '../k8s/meta';

/**
 * Where the cluster keeps its common boot sources (SSP's commonBootImageNamespace): upstream
 * (HCO) and on OpenShift. A namespace that does not exist lists empty.
 */
export const BOOT_SOURCE_NAMESPACES = ['kubevirt-os-images', 'openshift-virtualization-os-images'] as const;

/** The labels SSP and the OpenShift console put on DataSources: what a VM made from it defaults to. */
export const DEFAULT_PREFERENCE_LABEL = 'instancetype.kubevirt.io/default-preference';
export const DEFAULT_INSTANCETYPE_LABEL = 'instancetype.kubevirt.io/default-instancetype';

export interface VolumeRow {
  key: string;
  name: string;
  namespace: string;
  /** The default preference (the OS), '' when the DataSource has none. */
  os: string;
  instancetype: string;
  /** "30Gi"; '' when unknown. */
  size: string;
  /** "Registry docker://…, every <schedule>", "Upload", "URL https://…", "PVC ns/name". */
  source: string;
  /** The DataImportCron keeping it fresh. */
  cron?: string;
  ready: boolean;
  /** Why it is not ready (the Ready condition's reason and message); '' when ready. */
  readiness: string;
  dataSource: V1beta1DataSource;
}

export interface VolumeInputs {
  dataSources: readonly V1beta1DataSource[];
  crons: readonly V1beta1DataImportCron[];
  dataVolumes: readonly V1beta1DataVolume[];
  pvcs: readonly IoK8sApiCoreV1PersistentVolumeClaim[];
}

const key = (ns: string, name: string) => `${ns}/${name}`;

function dataVolumeSource(dv: V1beta1DataVolume): string | undefined {
  const s = dv.spec?.source;
  if (!s)
    return dv.spec?.sourceRef ? `DataSource ${dv.spec.sourceRef.namespace ?? ''}/${dv.spec.sourceRef.name}` : undefined;
  if (s.upload) return 'Upload';
  if (s.http) return `URL ${s.http.url}`;
  if (s.registry) return `Registry ${s.registry.url ?? s.registry.imageStream ?? ''}`;
  if (s.pvc) return `Clone of PVC ${s.pvc.namespace}/${s.pvc.name}`;
  if (s.blank) return 'Blank';
  return undefined;
}

function cronSource(cron: V1beta1DataImportCron): string {
  const reg = cron.spec?.template?.spec?.source?.registry;
  const from = reg?.url ?? reg?.imageStream ?? dataVolumeSource(cron.spec.template) ?? 'import';
  return `Registry ${from}, every ${cron.spec.schedule}`;
}

/** The rows, sorted by namespace then name. */
export function volumeRows(inputs: VolumeInputs): VolumeRow[] {
  const dvs = indexByKey(inputs.dataVolumes);
  const pvcs = indexByKey(inputs.pvcs);
  const crons = new Map(inputs.crons.map((c) => [key(namespaceOf(c), c.spec?.managedDataSource ?? ''), c]));
  const rows = inputs.dataSources.map((ds): VolumeRow => {
    const ns = namespaceOf(ds);
    const name = nameOf(ds);
    const pvcRef = ds.spec?.source?.pvc;
    const pvcKey = pvcRef ? key(pvcRef.namespace || ns, pvcRef.name) : '';
    const pvc = pvcs.get(pvcKey);
    const dv = dvs.get(pvcKey);
    const cron = crons.get(key(ns, name));
    const snapshot = ds.spec?.source?.snapshot;
    let source = '';
    if (cron) source = cronSource(cron);
    else if (dv) source = dataVolumeSource(dv) ?? '';
    else if (pvcRef) source = `PVC ${pvcRef.namespace || ns}/${pvcRef.name}`;
    else if (snapshot) source = `Snapshot ${snapshot.namespace || ns}/${snapshot.name}`;
    const size =
      String(pvc?.status?.capacity?.storage ?? '') ||
      String(pvc?.spec?.resources?.requests?.storage ?? '') ||
      String(dv?.spec?.storage?.resources?.requests?.storage ?? dv?.spec?.pvc?.resources?.requests?.storage ?? '') ||
      String(cron?.spec?.template?.spec?.storage?.resources?.requests?.storage ?? '');
    const readyCond = ds.status?.conditions?.find((c) => c.type === 'Ready');
    const ready = readyCond?.status === 'True';
    const readiness = ready
      ? ''
      : readyCond
        ? [readyCond.reason, readyCond.message].filter(Boolean).join(': ') || 'Not ready'
        : 'No Ready condition yet';
    const labels = ds.metadata?.labels ?? {};
    return {
      key: key(ns, name),
      name,
      namespace: ns,
      os: labels[DEFAULT_PREFERENCE_LABEL] ?? '',
      instancetype: labels[DEFAULT_INSTANCETYPE_LABEL] ?? '',
      size,
      source,
      cron: cron ? nameOf(cron) : undefined,
      ready,
      readiness,
      dataSource: ds,
    };
  });
  return rows.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}
