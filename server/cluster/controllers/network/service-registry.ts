/**
 * What kube-apiserver's Service storage does when a Service is written (pkg/registry/core/service):
 * it allocates the cluster IP and node ports on the request itself, so the answer to a create
 * already carries them, and it refuses an explicit node port or cluster IP that another Service
 * holds ("provided port is already allocated"). A dry run checks but allocates nothing.
 * Endpoints, load-balancer IPs and everything that follows stay with the Service controller.
 */
import { invalidStatus, type FieldError } from '../../admission/status.js';
import type { AdmissionRequest, AdmissionResult } from '../../store/hooks.js';
import type { Network } from '../context.js';

interface Port {
  nodePort?: number;
  [key: string]: unknown;
}

interface Spec {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  ports?: Port[];
  [key: string]: unknown;
}

const usesNodePorts = (type: string) => type === 'NodePort' || type === 'LoadBalancer';

/** An update that leaves the allocated values out keeps them (the registry's patchAllocatedValues). */
function keepAllocated(spec: Spec, old: Spec, type: string): void {
  if (!spec.clusterIP && old.clusterIP) {
    spec.clusterIP = old.clusterIP;
    spec.clusterIPs ??= old.clusterIPs;
  }
  if (!usesNodePorts(type)) return;
  const key = (p: Port) => `${String(p.port)}/${String(p.protocol ?? 'TCP')}`;
  const previous = new Map((old.ports ?? []).filter((p) => p.nodePort).map((p) => [key(p), p.nodePort]));
  spec.ports = (spec.ports ?? []).map((p) => (p.nodePort || !previous.has(key(p)) ? p : { ...p, nodePort: previous.get(key(p)) }));
}

/**
 * Runs after admission for Services in the core group. `exists` says whether the object is stored
 * already (a create that will fail with AlreadyExists must not take ports).
 */
export function allocateService(
  req: AdmissionRequest,
  admitted: AdmissionResult,
  network: Network,
  exists: (namespace: string | undefined, name: string | undefined) => boolean,
): AdmissionResult {
  if (!admitted.allowed || req.group !== '' || req.resource !== 'services' || req.subresource) return admitted;
  if (req.operation !== 'CREATE' && req.operation !== 'UPDATE') return admitted;
  if (req.operation === 'CREATE' && exists(req.namespace, req.name)) return admitted;
  const obj = structuredClone(admitted.object ?? req.object) as { metadata?: { name?: string }; spec?: Spec } | undefined;
  if (!obj) return admitted;
  const spec: Spec = (obj.spec ??= {});
  const type = spec.type ?? 'ClusterIP';
  if (type === 'ExternalName') return admitted;
  const oldSpec = ((req.oldObject as { spec?: Spec } | undefined)?.spec ?? {}) as Spec;
  const ownPorts = new Set((oldSpec.ports ?? []).map((p) => p.nodePort).filter((p): p is number => typeof p === 'number'));
  if (req.operation === 'UPDATE') keepAllocated(spec, oldSpec, type);

  const errs: FieldError[] = [];
  const wanted = new Set<number>();
  (spec.ports ?? []).forEach((p, i) => {
    if (!usesNodePorts(type) || !p.nodePort) return;
    if (wanted.has(p.nodePort)) return; // the same port twice in one Service is validation's to refuse
    wanted.add(p.nodePort);
    if (network.nodePorts.has(p.nodePort) && !ownPorts.has(p.nodePort)) {
      errs.push({ type: 'Invalid', field: `spec.ports[${i}].nodePort`, value: p.nodePort, detail: 'provided port is already allocated' });
    }
  });
  const ip = spec.clusterIP;
  if (ip && ip !== 'None' && ip !== oldSpec.clusterIP && network.serviceCidr.has(ip)) {
    errs.push({ type: 'Invalid', field: 'spec.clusterIPs', value: [ip], detail: `failed to allocate IP ${ip}: provided IP is already allocated` });
  }
  if (errs.length) return { allowed: false, status: invalidStatus('', 'Service', obj.metadata?.name ?? req.name ?? '', errs) };
  if (req.dryRun) return admitted;

  if (!ip) {
    spec.clusterIP = network.serviceCidr.allocate();
    spec.clusterIPs = [spec.clusterIP];
  } else if (ip !== 'None') {
    network.serviceCidr.reserve(ip);
    spec.clusterIPs ??= [ip];
  }
  if (usesNodePorts(type)) {
    for (const port of wanted) network.nodePorts.reserve(port);
    spec.ports = (spec.ports ?? []).map((p) => (p.nodePort ? p : { ...p, nodePort: network.nodePorts.allocate() }));
  }
  return { ...admitted, object: obj as Record<string, unknown> };
}
