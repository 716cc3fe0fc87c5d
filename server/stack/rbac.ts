/**
 * RBAC of a real-stack run: the aggregated ClusterRoles that virt-operator and cdi-operator
 * install (kubevirt.io:admin/edit/view, cdi.kubevirt.io:admin/edit/view, kubevirt.io:default),
 * and the bindings of the users file's grants: cluster-wide admin -> cluster-admin, other
 * cluster-wide roles -> a ClusterRoleBinding, roles in namespaces -> RoleBindings there.
 */
import type { KObject } from '../cluster/store/index.js';
import type { UserEntry } from '../cluster/auth/index.js';

const ALL = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];
const READ = ['get', 'list', 'watch'];

const KUBEVIRT_WRITE_SUBRESOURCES = [
  'virtualmachines/start',
  'virtualmachines/stop',
  'virtualmachines/restart',
  'virtualmachines/migrate',
  'virtualmachines/addvolume',
  'virtualmachines/removevolume',
  'virtualmachines/memorydump',
  'virtualmachineinstances/pause',
  'virtualmachineinstances/unpause',
  'virtualmachineinstances/addvolume',
  'virtualmachineinstances/removevolume',
  'virtualmachineinstances/freeze',
  'virtualmachineinstances/unfreeze',
  'virtualmachineinstances/softreboot',
  'virtualmachineinstances/reset',
];
const KUBEVIRT_ACCESS_SUBRESOURCES = [
  'virtualmachineinstances/console',
  'virtualmachineinstances/vnc',
  'virtualmachineinstances/vnc/screenshot',
  'virtualmachineinstances/portforward',
  'virtualmachines/portforward',
];
const KUBEVIRT_VIEW_SUBRESOURCES = [
  'virtualmachineinstances/guestosinfo',
  'virtualmachineinstances/filesystemlist',
  'virtualmachineinstances/userlist',
  'virtualmachineinstances/sev/fetchcertchain',
  'virtualmachines/expand-spec',
];

function clusterRole(name: string, aggregateTo: string | undefined, rules: unknown[]): KObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: {
      name,
      labels: {
        'app.kubernetes.io/component': name.startsWith('cdi') ? 'storage' : 'compute',
        ...(aggregateTo ? { [`rbac.authorization.k8s.io/aggregate-to-${aggregateTo}`]: 'true' } : {}),
      },
    },
    rules,
  };
}

function kubevirtRules(write: boolean): unknown[] {
  const verbs = write ? ALL : READ;
  return [
    {
      apiGroups: ['subresources.kubevirt.io'],
      resources: write ? [...KUBEVIRT_VIEW_SUBRESOURCES, ...KUBEVIRT_ACCESS_SUBRESOURCES] : KUBEVIRT_VIEW_SUBRESOURCES,
      verbs: ['get'],
    },
    ...(write
      ? [{ apiGroups: ['subresources.kubevirt.io'], resources: KUBEVIRT_WRITE_SUBRESOURCES, verbs: ['update'] }]
      : []),
    {
      apiGroups: ['kubevirt.io'],
      resources: [
        'virtualmachines',
        'virtualmachineinstances',
        'virtualmachineinstancepresets',
        'virtualmachineinstancereplicasets',
        'virtualmachineinstancemigrations',
      ],
      verbs,
    },
    {
      apiGroups: ['snapshot.kubevirt.io'],
      resources: ['virtualmachinesnapshots', 'virtualmachinesnapshotcontents', 'virtualmachinerestores'],
      verbs,
    },
    { apiGroups: ['clone.kubevirt.io'], resources: ['virtualmachineclones'], verbs },
    {
      apiGroups: ['instancetype.kubevirt.io'],
      resources: ['virtualmachineinstancetypes', 'virtualmachinepreferences'],
      verbs,
    },
    {
      apiGroups: ['instancetype.kubevirt.io'],
      resources: ['virtualmachineclusterinstancetypes', 'virtualmachineclusterpreferences'],
      verbs: READ,
    },
    { apiGroups: ['k8s.cni.cncf.io'], resources: ['network-attachment-definitions'], verbs: READ },
    // virt-operator's view and edit roles read the KubeVirt CR (its configuration and phase)
    { apiGroups: ['kubevirt.io'], resources: ['kubevirts'], verbs: ['get', 'list'] },
  ];
}

function cdiRules(write: boolean): unknown[] {
  const verbs = write ? ALL : READ;
  return [
    { apiGroups: ['cdi.kubevirt.io'], resources: ['datavolumes', 'dataimportcrons', 'datasources'], verbs },
    ...(write ? [{ apiGroups: ['cdi.kubevirt.io'], resources: ['datavolumes/source'], verbs: ['create'] }] : []),
    ...(write
      ? [{ apiGroups: ['upload.cdi.kubevirt.io'], resources: ['uploadtokenrequests'], verbs: ['create'] }]
      : []),
  ];
}

/** The ClusterRoles KubeVirt and CDI add to Kubernetes' admin/edit/view, and kubevirt.io:default. */
export function kubevirtClusterRoles(): KObject[] {
  return [
    clusterRole('kubevirt.io:admin', 'admin', kubevirtRules(true)),
    clusterRole('kubevirt.io:edit', 'edit', kubevirtRules(true)),
    clusterRole('kubevirt.io:view', 'view', kubevirtRules(false)),
    clusterRole('cdi.kubevirt.io:admin', 'admin', cdiRules(true)),
    clusterRole('cdi.kubevirt.io:edit', 'edit', cdiRules(true)),
    clusterRole('cdi.kubevirt.io:view', 'view', cdiRules(false)),
    clusterRole('kubevirt.io:default', undefined, [
      {
        apiGroups: ['instancetype.kubevirt.io'],
        resources: ['virtualmachineclusterinstancetypes', 'virtualmachineclusterpreferences'],
        verbs: READ,
      },
    ]),
  ];
}

export function defaultBinding(): KObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'kubevirt.io:default' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'kubevirt.io:default' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:authenticated' }],
  };
}

/** The namespaces the users' grants name (they must exist before RoleBindings go there). */
export function grantNamespaces(users: UserEntry[]): string[] {
  return [...new Set(users.flatMap((u) => u.roles.flatMap((r) => r.namespaces ?? [])))].sort();
}

/** One binding per grant, named as the embedded cluster's authorizer names them in its reasons. */
export function userBindings(users: UserEntry[]): KObject[] {
  const out: KObject[] = [];
  for (const u of users) {
    const subjects = [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: u.name }];
    for (const g of u.roles) {
      const role = g.role === 'admin' && !g.namespaces ? 'cluster-admin' : g.role;
      const roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role };
      if (!g.namespaces) {
        out.push({
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'ClusterRoleBinding',
          metadata: { name: `${role}-${u.name}` },
          roleRef,
          subjects,
        });
        continue;
      }
      for (const namespace of g.namespaces)
        out.push({
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'RoleBinding',
          metadata: { name: `${role}-${u.name}`, namespace },
          roleRef,
          subjects,
        });
    }
  }
  return out;
}
