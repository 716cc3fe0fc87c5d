/**
 * Table columns for the built-in groups of store/resources-builtin.ts, as kube-apiserver prints
 * them (pkg/printers/internalversion/printers.go: printPodDisruptionBudget, printRole(Binding),
 * printClusterRole(Binding), printLease, and kube-aggregator's APIService columns).
 */
import type { KObject } from '../store/index.js';
import type { ColumnDef, Printer } from './core-printers.js';
import { age } from './duration.js';

type R = Record<string, unknown>;
const col = (name: string, type = 'string', priority = 0, format = ''): ColumnDef => ({
  name,
  type,
  format,
  description: name,
  priority,
});
const NAME = col('Name', 'string', 0, 'name');
const s = (o: KObject) => (o.spec ?? {}) as R;
const st = (o: KObject) => (o.status ?? {}) as R;
const created: Printer = {
  columns: [NAME, col('Created At', 'date')],
  cells: (o) => [o.metadata.name, o.metadata.creationTimestamp],
};

function subjects(o: KObject, kind: string): string {
  const list = Array.isArray(o.subjects) ? (o.subjects as R[]) : [];
  return list
    .filter((x) => x.kind === kind)
    .map((x) =>
      kind === 'ServiceAccount'
        ? `${String(x.namespace ?? o.metadata.namespace ?? '')}/${String(x.name)}`
        : String(x.name),
    )
    .join(', ');
}

const binding: Printer = {
  columns: [
    NAME,
    col('Role'),
    col('Age'),
    col('Users', 'string', 1),
    col('Groups', 'string', 1),
    col('ServiceAccounts', 'string', 1),
  ],
  cells: (o, now) => {
    const ref = (o.roleRef ?? {}) as R;
    return [
      o.metadata.name,
      `${String(ref.kind ?? '')}/${String(ref.name ?? '')}`,
      age(o.metadata.creationTimestamp, now),
      subjects(o, 'User'),
      subjects(o, 'Group'),
      subjects(o, 'ServiceAccount'),
    ];
  },
};

const intOrNA = (v: unknown) => (v === undefined || v === null ? 'N/A' : String(v));

export const BUILTIN_GROUP_PRINTERS: Record<string, Printer> = {
  'roles.rbac.authorization.k8s.io': created,
  'clusterroles.rbac.authorization.k8s.io': created,
  'rolebindings.rbac.authorization.k8s.io': binding,
  'clusterrolebindings.rbac.authorization.k8s.io': binding,
  'poddisruptionbudgets.policy': {
    columns: [NAME, col('Min Available'), col('Max Unavailable'), col('Allowed Disruptions', 'integer'), col('Age')],
    cells: (o, now) => [
      o.metadata.name,
      intOrNA(s(o).minAvailable),
      intOrNA(s(o).maxUnavailable),
      Number(st(o).disruptionsAllowed ?? 0),
      age(o.metadata.creationTimestamp, now),
    ],
  },
  'controllerrevisions.apps': {
    columns: [NAME, col('Controller'), col('Revision', 'integer'), col('Age')],
    cells: (o, now) => {
      const owner = o.metadata.ownerReferences?.find((r) => r.controller);
      const group = owner?.apiVersion.includes('/') ? `.${owner.apiVersion.split('/')[0]}` : '';
      return [
        o.metadata.name,
        owner ? `${owner.kind.toLowerCase()}${group}/${owner.name}` : '<none>',
        Number(o.revision ?? 0),
        age(o.metadata.creationTimestamp, now),
      ];
    },
  },
  'leases.coordination.k8s.io': {
    columns: [NAME, col('Holder'), col('Age')],
    cells: (o, now) => [o.metadata.name, String(s(o).holderIdentity ?? ''), age(o.metadata.creationTimestamp, now)],
  },
  'apiservices.apiregistration.k8s.io': {
    columns: [NAME, col('Service'), col('Available'), col('Age')],
    cells: (o, now) => {
      const svc = s(o).service as R | undefined;
      const cond = (Array.isArray(st(o).conditions) ? (st(o).conditions as R[]) : []).find(
        (c) => c.type === 'Available',
      );
      const available = !cond
        ? 'Unknown'
        : cond.status === 'True'
          ? 'True'
          : `${String(cond.status)} (${String(cond.reason ?? '')})`;
      return [
        o.metadata.name,
        svc ? `${String(svc.namespace ?? '')}/${String(svc.name ?? '')}` : 'Local',
        available,
        age(o.metadata.creationTimestamp, now),
      ];
    },
  },
};
