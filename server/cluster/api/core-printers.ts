/** Table columns for built-in kinds, as kube-apiserver's printers (pkg/printers/internalversion) print them. */
import type { KObject } from '../store/index.js';
import { age } from './duration.js';
import { BUILTIN_GROUP_PRINTERS } from './builtin-printers.js';

export interface ColumnDef {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}
export interface Printer {
  columns: ColumnDef[];
  cells(obj: KObject, now: number): unknown[];
}

type R = Record<string, unknown>;
const col = (name: string, type = 'string', priority = 0, format = ''): ColumnDef => ({
  name,
  type,
  format,
  description: name,
  priority,
});
const NAME = {
  ...col('Name', 'string', 0, 'name'),
  description:
    'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
};
const AGE = col('Age');
const s = (o: KObject) => (o.spec ?? {}) as R;
const st = (o: KObject) => (o.status ?? {}) as R;
const arr = (v: unknown): R[] => (Array.isArray(v) ? (v as R[]) : []);
const none = (v: unknown) => (v === undefined || v === null || v === '' ? '<none>' : String(v));

function podStatus(o: KObject): { ready: string; status: string; restarts: number } {
  const spec = s(o);
  const status = st(o);
  const total = arr(spec.containers).length;
  let ready = 0;
  let restarts = 0;
  let reason = String(status.reason ?? status.phase ?? 'Unknown');
  for (const c of arr(status.containerStatuses)) {
    restarts += Number(c.restartCount ?? 0);
    if (c.ready) ready++;
    const state = (c.state ?? {}) as R;
    const waiting = state.waiting as R | undefined;
    const terminated = state.terminated as R | undefined;
    if (waiting?.reason) reason = String(waiting.reason);
    else if (terminated?.reason) reason = String(terminated.reason);
  }
  const conds = arr(status.conditions);
  if (
    reason === 'Pending' &&
    conds.some((c) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable')
  )
    reason = 'Pending';
  if (o.metadata.deletionTimestamp) reason = 'Terminating';
  return { ready: `${ready}/${total}`, status: reason, restarts };
}

function ports(list: R[]): string {
  if (!list.length) return '<none>';
  return list.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
}

export const CORE_PRINTERS: Record<string, Printer> = {
  ...BUILTIN_GROUP_PRINTERS,
  namespaces: {
    columns: [NAME, col('Status'), AGE],
    cells: (o, now) => [o.metadata.name, st(o).phase ?? '', age(o.metadata.creationTimestamp, now)],
  },
  nodes: {
    columns: [
      NAME,
      col('Status'),
      col('Roles'),
      AGE,
      col('Version'),
      col('Internal-IP', 'string', 1),
      col('External-IP', 'string', 1),
      col('OS-Image', 'string', 1),
      col('Kernel-Version', 'string', 1),
      col('Container-Runtime', 'string', 1),
    ],
    cells: (o, now) => {
      const ready = arr(st(o).conditions).find((c) => c.type === 'Ready');
      let status = ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown';
      if (s(o).unschedulable) status += ',SchedulingDisabled';
      const roles = Object.keys(o.metadata.labels ?? {})
        .filter((k) => k.startsWith('node-role.kubernetes.io/'))
        .map((k) => k.slice(24))
        .filter(Boolean);
      const info = (st(o).nodeInfo ?? {}) as R;
      const addr = (t: string) => none(arr(st(o).addresses).find((a) => a.type === t)?.address);
      return [
        o.metadata.name,
        status,
        roles.length ? roles.join(',') : '<none>',
        age(o.metadata.creationTimestamp, now),
        info.kubeletVersion ?? '',
        addr('InternalIP'),
        addr('ExternalIP'),
        none(info.osImage),
        none(info.kernelVersion),
        none(info.containerRuntimeVersion),
      ];
    },
  },
  pods: {
    columns: [
      NAME,
      col('Ready'),
      col('Status'),
      col('Restarts', 'string'),
      AGE,
      col('IP', 'string', 1),
      col('Node', 'string', 1),
      col('Nominated Node', 'string', 1),
      col('Readiness Gates', 'string', 1),
    ],
    cells: (o, now) => {
      const p = podStatus(o);
      return [
        o.metadata.name,
        p.ready,
        p.status,
        String(p.restarts),
        age(o.metadata.creationTimestamp, now),
        none(st(o).podIP),
        none(s(o).nodeName),
        none(st(o).nominatedNodeName),
        '<none>',
      ];
    },
  },
  services: {
    columns: [
      NAME,
      col('Type'),
      col('Cluster-IP'),
      col('External-IP'),
      col('Port(s)'),
      AGE,
      col('Selector', 'string', 1),
    ],
    cells: (o, now) => {
      const spec = s(o);
      const lb = arr(((st(o).loadBalancer ?? {}) as R).ingress).map((i) => i.ip ?? i.hostname);
      const ext = lb.length
        ? lb.join(',')
        : arr(spec.externalIPs).length
          ? (spec.externalIPs as string[]).join(',')
          : spec.type === 'LoadBalancer'
            ? '<pending>'
            : '<none>';
      const sel = Object.entries((spec.selector ?? {}) as R)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(',');
      return [
        o.metadata.name,
        spec.type ?? 'ClusterIP',
        spec.clusterIP ?? '<none>',
        ext,
        ports(arr(spec.ports)),
        age(o.metadata.creationTimestamp, now),
        sel || '<none>',
      ];
    },
  },
  endpoints: {
    columns: [NAME, col('Endpoints'), AGE],
    cells: (o, now) => {
      const eps: string[] = [];
      for (const sub of arr(o.subsets))
        for (const a of arr(sub.addresses))
          for (const p of arr(sub.ports).length ? arr(sub.ports) : [{}])
            eps.push(p.port ? `${a.ip}:${p.port}` : String(a.ip));
      return [
        o.metadata.name,
        eps.length
          ? eps.length > 3
            ? `${eps.slice(0, 3).join(',')} + ${eps.length - 3} more...`
            : eps.join(',')
          : '<none>',
        age(o.metadata.creationTimestamp, now),
      ];
    },
  },
  events: {
    columns: [
      col('Last Seen'),
      col('Type'),
      col('Reason'),
      col('Object'),
      col('Subobject', 'string', 1),
      col('Source', 'string', 1),
      col('Message'),
      col('First Seen', 'string', 1),
      col('Count', 'string', 1),
      { ...NAME, priority: 1 },
    ],
    cells: (o, now) => {
      const inv = (o.involvedObject ?? {}) as R;
      const src = (o.source ?? {}) as R;
      const last = o.lastTimestamp ?? o.eventTime ?? o.metadata.creationTimestamp;
      return [
        age(last, now),
        o.type ?? '',
        o.reason ?? '',
        `${String(inv.kind ?? '').toLowerCase()}/${String(inv.name ?? '')}`,
        String(inv.fieldPath ?? ''),
        [src.component, src.host].filter(Boolean).join(', '),
        o.message ?? '',
        age(o.firstTimestamp ?? o.metadata.creationTimestamp, now),
        String(o.count ?? 1),
        o.metadata.name,
      ];
    },
  },
  persistentvolumeclaims: {
    columns: [
      NAME,
      col('Status'),
      col('Volume'),
      col('Capacity'),
      col('Access Modes'),
      col('StorageClass'),
      col('VolumeAttributesClass'),
      AGE,
      col('VolumeMode', 'string', 1),
    ],
    cells: (o, now) => {
      const status = st(o);
      const modes = arr(status.accessModes)
        .map(
          (m) =>
            ({ ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' })[
              String(m)
            ] ?? String(m),
        )
        .join(',');
      return [
        o.metadata.name,
        status.phase ?? '',
        s(o).volumeName ?? '',
        ((status.capacity ?? {}) as R).storage ?? '',
        modes,
        s(o).storageClassName ?? '<unset>',
        s(o).volumeAttributesClassName ?? '<unset>',
        age(o.metadata.creationTimestamp, now),
        s(o).volumeMode ?? 'Filesystem',
      ];
    },
  },
  configmaps: {
    columns: [NAME, col('Data', 'integer'), AGE],
    cells: (o, now) => [
      o.metadata.name,
      Object.keys((o.data ?? {}) as R).length + Object.keys((o.binaryData ?? {}) as R).length,
      age(o.metadata.creationTimestamp, now),
    ],
  },
  secrets: {
    columns: [NAME, col('Type'), col('Data', 'integer'), AGE],
    cells: (o, now) => [
      o.metadata.name,
      o.type ?? 'Opaque',
      Object.keys((o.data ?? {}) as R).length,
      age(o.metadata.creationTimestamp, now),
    ],
  },
  serviceaccounts: {
    columns: [NAME, col('Secrets', 'integer'), AGE],
    cells: (o, now) => [o.metadata.name, arr(o.secrets).length, age(o.metadata.creationTimestamp, now)],
  },
  'endpointslices.discovery.k8s.io': {
    columns: [NAME, col('AddressType'), col('Ports'), col('Endpoints'), AGE],
    cells: (o, now) => {
      const p =
        arr(o.ports)
          .map((x) => String(x.port ?? '<unset>'))
          .join(',') || '<unset>';
      const e = arr(o.endpoints).flatMap((x) => (Array.isArray(x.addresses) ? (x.addresses as string[]) : []));
      return [
        o.metadata.name,
        o.addressType ?? '',
        p,
        e.length ? (e.length > 3 ? `${e.slice(0, 3).join(',')} + ${e.length - 3} more...` : e.join(',')) : '<unset>',
        age(o.metadata.creationTimestamp, now),
      ];
    },
  },
  'storageclasses.storage.k8s.io': {
    columns: [
      NAME,
      col('Provisioner'),
      col('ReclaimPolicy'),
      col('VolumeBindingMode'),
      col('AllowVolumeExpansion'),
      AGE,
    ],
    cells: (o, now) => {
      const isDefault = o.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true';
      return [
        `${o.metadata.name}${isDefault ? ' (default)' : ''}`,
        o.provisioner ?? '',
        o.reclaimPolicy ?? 'Delete',
        o.volumeBindingMode ?? 'Immediate',
        String(o.allowVolumeExpansion ?? false),
        age(o.metadata.creationTimestamp, now),
      ];
    },
  },
  'customresourcedefinitions.apiextensions.k8s.io': {
    columns: [NAME, col('Created At', 'date')],
    cells: (o) => [o.metadata.name, o.metadata.creationTimestamp],
  },
  'priorityclasses.scheduling.k8s.io': {
    columns: [NAME, col('Value', 'integer'), col('Global-Default', 'boolean'), AGE, col('PreemptionPolicy')],
    cells: (o, now) => [
      o.metadata.name,
      o.value ?? 0,
      o.globalDefault ?? false,
      age(o.metadata.creationTimestamp, now),
      o.preemptionPolicy ?? 'PreemptLowerPriority',
    ],
  },
};

export { NAME as NAME_COLUMN, col };
