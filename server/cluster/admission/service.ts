/**
 * kube-apiserver's own validation of core/v1 Services (pkg/apis/core/validation ValidateService)
 * for the fields a console sets: type, ports, protocols, target ports and node ports.
 * The node port allocator's range check is included; "already allocated" needs the allocator's
 * state and is answered by store/service-registry.ts, which allocates on the write.
 */
import { isDns1123Label } from '../apimachinery/validation.js';
import type { FieldError } from './status.js';
import { asArr, asObj, type Json } from './schema.js';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
export const NODE_PORT_RANGE = { min: 30000, max: 32767 };
const PORT_RANGE = 'must be between 1 and 65535, inclusive';

const supported = (values: string[]) => `supported values: ${values.map((v) => JSON.stringify(v)).join(', ')}`;
const isPort = (v: unknown) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 65535;

function checkPort(p: Json, i: number, type: string, multiple: boolean, errs: FieldError[]): void {
  const at = `spec.ports[${i}]`;
  if (multiple && (typeof p.name !== 'string' || p.name === '')) errs.push({ type: 'Required', field: `${at}.name` });
  if (typeof p.name === 'string' && p.name !== '') {
    for (const detail of isDns1123Label(p.name))
      errs.push({ type: 'Invalid', field: `${at}.name`, value: p.name, detail });
  }
  if (!isPort(p.port)) errs.push({ type: 'Invalid', field: `${at}.port`, value: p.port ?? 0, detail: PORT_RANGE });
  const protocol = p.protocol ?? 'TCP';
  if (typeof protocol !== 'string' || !PROTOCOLS.includes(protocol)) {
    errs.push({ type: 'NotSupported', field: `${at}.protocol`, value: protocol, detail: supported(PROTOCOLS) });
  }
  if (typeof p.targetPort === 'number' && !isPort(p.targetPort)) {
    errs.push({ type: 'Invalid', field: `${at}.targetPort`, value: p.targetPort, detail: PORT_RANGE });
  }
  if (p.nodePort !== undefined && p.nodePort !== 0) {
    if (type === 'ClusterIP') {
      errs.push({ type: 'Forbidden', field: `${at}.nodePort`, detail: "may not be used when `type` is 'ClusterIP'" });
    } else if (
      !Number.isInteger(p.nodePort) ||
      (p.nodePort as number) < NODE_PORT_RANGE.min ||
      (p.nodePort as number) > NODE_PORT_RANGE.max
    ) {
      errs.push({
        type: 'Invalid',
        field: `${at}.nodePort`,
        value: p.nodePort,
        detail: `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}`,
      });
    }
  }
}

export function validateService(obj: Json): FieldError[] {
  const errs: FieldError[] = [];
  const spec = asObj(obj.spec);
  const type = spec.type ?? 'ClusterIP';
  if (typeof type !== 'string' || !TYPES.includes(type)) {
    errs.push({ type: 'NotSupported', field: 'spec.type', value: type, detail: supported(TYPES) });
  }
  const ports = asArr(spec.ports);
  if (ports.length === 0 && type !== 'ExternalName' && spec.clusterIP !== 'None') {
    errs.push({ type: 'Required', field: 'spec.ports' });
  }
  const seenNames = new Set<string>();
  const seenPorts = new Set<string>();
  ports.forEach((raw, i) => {
    const p = asObj(raw);
    checkPort(p, i, String(type), ports.length > 1, errs);
    if (typeof p.name === 'string' && p.name !== '') {
      if (seenNames.has(p.name)) errs.push({ type: 'Duplicate', field: `spec.ports[${i}].name`, value: p.name });
      seenNames.add(p.name);
    }
    const key = `${String(p.port)}/${String(p.protocol ?? 'TCP')}`;
    if (seenPorts.has(key)) {
      errs.push({
        type: 'Duplicate',
        field: `spec.ports[${i}]`,
        value: `${String(p.port)}/${String(p.protocol ?? 'TCP')}`,
      });
    }
    seenPorts.add(key);
  });
  return errs;
}
