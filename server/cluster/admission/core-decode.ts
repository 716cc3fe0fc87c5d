/**
 * The typed decoding kube-apiserver does for built-in kinds: a field of the wrong JSON type is a
 * 400 "cannot be handled" before any validation. Covered: the fields of the core kinds the
 * controllers read (PersistentVolumeClaim, Pod, Service), worded as encoding/json words the error.
 */
import { isObject, type Json } from './schema.js';

/** A Go type: a struct (fields by JSON name), a slice, a map of strings, or a scalar. */
type GoType =
  | { struct: string; fields: Record<string, GoType> }
  | { slice: string; of: GoType }
  | { map: string }
  | { scalar: 'string' | 'int' | 'bool'; name: string };

const str = (name = 'string'): GoType => ({ scalar: 'string', name });
const int = (name = 'int32'): GoType => ({ scalar: 'int', name });
const bool: GoType = { scalar: 'bool', name: 'bool' };
const struct = (name: string, fields: Record<string, GoType> = {}): GoType => ({ struct: name, fields });
const slice = (name: string, of: GoType): GoType => ({ slice: name, of });
const stringMap: GoType = { map: 'map[string]string' };
const resourceList: GoType = { map: 'v1.ResourceList' };

const resources = struct('v1.ResourceRequirements', { requests: resourceList, limits: resourceList });
const labelSelector = struct('v1.LabelSelector', {
  matchLabels: stringMap,
  matchExpressions: slice(
    '[]v1.LabelSelectorRequirement',
    struct('v1.LabelSelectorRequirement', {
      key: str(),
      operator: str('v1.LabelSelectorOperator'),
      values: slice('[]string', str()),
    }),
  ),
});
const typedRef = (name: string) => struct(name, { apiGroup: str(), kind: str(), name: str(), namespace: str() });

const PVC = struct('v1.PersistentVolumeClaim', {
  spec: struct('v1.PersistentVolumeClaimSpec', {
    accessModes: slice('[]v1.PersistentVolumeAccessMode', str('v1.PersistentVolumeAccessMode')),
    selector: labelSelector,
    resources: struct('v1.VolumeResourceRequirements', { requests: resourceList, limits: resourceList }),
    volumeName: str(),
    storageClassName: str(),
    volumeMode: str('v1.PersistentVolumeMode'),
    dataSource: typedRef('v1.TypedLocalObjectReference'),
    dataSourceRef: typedRef('v1.TypedObjectReference'),
  }),
  status: struct('v1.PersistentVolumeClaimStatus', {
    phase: str('v1.PersistentVolumeClaimPhase'),
    accessModes: slice('[]v1.PersistentVolumeAccessMode', str()),
    capacity: resourceList,
  }),
});

const container = struct('v1.Container', {
  name: str(),
  image: str(),
  command: slice('[]string', str()),
  args: slice('[]string', str()),
  resources,
  ports: slice(
    '[]v1.ContainerPort',
    struct('v1.ContainerPort', { name: str(), containerPort: int(), protocol: str('v1.Protocol') }),
  ),
});
const POD = struct('v1.Pod', {
  spec: struct('v1.PodSpec', {
    containers: slice('[]v1.Container', container),
    initContainers: slice('[]v1.Container', container),
    nodeName: str(),
    nodeSelector: stringMap,
    schedulerName: str(),
    serviceAccountName: str(),
    hostname: str(),
    subdomain: str(),
    restartPolicy: str('v1.RestartPolicy'),
    priorityClassName: str(),
    hostNetwork: bool,
    tolerations: slice(
      '[]v1.Toleration',
      struct('v1.Toleration', {
        key: str(),
        operator: str('v1.TolerationOperator'),
        value: str(),
        effect: str('v1.TaintEffect'),
      }),
    ),
    affinity: struct('v1.Affinity'),
    volumes: slice('[]v1.Volume', struct('v1.Volume', { name: str() })),
  }),
  status: struct('v1.PodStatus', {
    phase: str('v1.PodPhase'),
    podIP: str(),
    hostIP: str(),
    conditions: slice('[]v1.PodCondition', struct('v1.PodCondition')),
  }),
});

const strings = slice('[]string', str());
const SERVICE = struct('v1.Service', {
  spec: struct('v1.ServiceSpec', {
    ports: slice(
      '[]v1.ServicePort',
      struct('v1.ServicePort', {
        name: str(),
        protocol: str('v1.Protocol'),
        appProtocol: str(),
        port: int(),
        nodePort: int(),
      }),
    ),
    selector: stringMap,
    clusterIP: str(),
    clusterIPs: strings,
    type: str('v1.ServiceType'),
    externalIPs: strings,
    sessionAffinity: str('v1.ServiceAffinity'),
    loadBalancerIP: str(),
    externalName: str(),
    externalTrafficPolicy: str('v1.ServiceExternalTrafficPolicy'),
    internalTrafficPolicy: str('v1.ServiceInternalTrafficPolicy'),
    ipFamilies: slice('[]v1.IPFamily', str('v1.IPFamily')),
    ipFamilyPolicy: str('v1.IPFamilyPolicy'),
    publishNotReadyAddresses: bool,
    allocateLoadBalancerNodePorts: bool,
  }),
  status: struct('v1.ServiceStatus', {
    loadBalancer: struct('v1.LoadBalancerStatus', {
      ingress: slice(
        '[]v1.LoadBalancerIngress',
        struct('v1.LoadBalancerIngress', { ip: str(), hostname: str(), ipMode: str('v1.LoadBalancerIPMode') }),
      ),
    }),
  }),
});

const TYPES: Record<string, GoType> = { persistentvolumeclaims: PVC, pods: POD, services: SERVICE };

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

function typeName(t: GoType): string {
  if ('struct' in t) return t.struct;
  if ('slice' in t) return t.slice;
  if ('map' in t) return t.map;
  return t.name;
}

function fits(v: unknown, t: GoType): boolean {
  if ('struct' in t || 'map' in t) return isObject(v);
  if ('slice' in t) return Array.isArray(v);
  if (t.scalar === 'string') return typeof v === 'string';
  if (t.scalar === 'bool') return typeof v === 'boolean';
  return typeof v === 'number' && Number.isInteger(v);
}

/** The first field of the wrong type, as `json: cannot unmarshal ...`; a null is the zero value. */
function firstMismatch(v: unknown, t: GoType, owner: string, path: string): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (!fits(v, t))
    return `json: cannot unmarshal ${jsonKind(v)} into Go struct field ${owner}.${path} of type ${typeName(t)}`;
  if ('struct' in t) {
    const inner = t.struct.replace(/^v1\./, '');
    for (const [k, ft] of Object.entries(t.fields)) {
      const bad = firstMismatch((v as Json)[k], ft, inner, `${path}.${k}`);
      if (bad) return bad;
    }
  } else if ('slice' in t) {
    for (const item of v as unknown[]) {
      const bad = firstMismatch(item, t.of, owner, path);
      if (bad) return bad;
    }
  } else if ('map' in t && t.map === 'map[string]string') {
    for (const item of Object.values(v as Json)) {
      if (item !== null && typeof item !== 'string')
        return `json: cannot unmarshal ${jsonKind(item)} into Go struct field ${owner}.${path} of type string`;
    }
  }
  return undefined;
}

/** A decode error for a built-in kind's body, or undefined when every checked field has its type. */
export function coreDecodeError(resource: string, obj: Json): string | undefined {
  const t = TYPES[resource];
  if (!t || !('struct' in t)) return undefined;
  const owner = t.struct.replace(/^v1\./, '');
  for (const [k, ft] of Object.entries(t.fields)) {
    const bad = firstMismatch(obj[k], ft, owner, k);
    if (bad) return bad;
  }
  return undefined;
}
