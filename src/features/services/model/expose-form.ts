/** The Expose form's state: what `virtctl expose` asks for, plus an optional OpenShift Route. */
import type { Protocol, ServiceType } from './types';

/** `virtctl expose` (KubeVirt >= 1.7) selects the launcher pod by this label. */
export const VMI_ID_LABEL = 'vmi.kubevirt.io/id';
/** What older virtctl releases and the OpenShift plugin's SSH/RDP services select. */
export const VM_NAME_LABEL = 'vm.kubevirt.io/name';
export type SelectorLabel = typeof VMI_ID_LABEL | typeof VM_NAME_LABEL;

/** edge: TLS ends at the router (https); none: plain http. */
export type RouteTermination = 'edge' | 'none';

export interface ExposeForm {
  name: string;
  /** Text as typed; validated into 1..65535. */
  port: string;
  /** Empty: the same as `port`. */
  targetPort: string;
  /** Optional port name (an IANA service name, e.g. "ssh", "http"). */
  portName: string;
  protocol: Protocol;
  type: ServiceType;
  selectorLabel: SelectorLabel;
  /** Owner reference to the VM: the Service is garbage-collected with it. */
  ownedByVm: boolean;
  /** Also create a Route (only offered where route.openshift.io is served, for HTTP ports). */
  route: boolean;
  routeTermination: RouteTermination;
}

export type FieldId = 'name' | 'port' | 'targetPort' | 'portName' | 'protocol' | 'type' | 'selectorLabel' | 'route';
export type FieldErrors = Partial<Record<FieldId, string>>;

/** Well-known port names; the form proposes them as port name and in the Service name. */
const WELL_KNOWN: Record<number, string> = {
  22: 'ssh',
  80: 'http',
  443: 'https',
  3389: 'rdp',
  5900: 'vnc',
  8080: 'http',
  8443: 'https',
};

/** Ports that usually speak HTTP(S): for them the form offers a Route. */
const HTTP_PORTS = new Set([80, 443, 3000, 5000, 8000, 8008, 8080, 8081, 8443, 8888, 9090]);

export const parsePort = (text: string): number | undefined => {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return undefined;
  return Number(t);
};

/** The VM's port the Service forwards to: the target port, or the port when none is given. */
export const effectiveTargetPort = (form: Pick<ExposeForm, 'port' | 'targetPort'>): number | undefined =>
  parsePort(form.targetPort.trim() ? form.targetPort : form.port);

export const wellKnownPortName = (port: number | undefined): string | undefined =>
  port === undefined ? undefined : WELL_KNOWN[port];

/** Whether to offer a Route: TCP, and an HTTP-looking port number or port name. */
export function looksHttp(form: Pick<ExposeForm, 'port' | 'targetPort' | 'portName' | 'protocol'>): boolean {
  if (form.protocol !== 'TCP') return false;
  if (/^https?(-|$)/.test(form.portName.trim())) return true;
  const target = effectiveTargetPort(form);
  const port = parsePort(form.port);
  return (target !== undefined && HTTP_PORTS.has(target)) || (port !== undefined && HTTP_PORTS.has(port));
}

/**
 * The Service name the form proposes until the user types one: `<vm>-<ssh|http|port>`, with
 * `-2`, `-3`... when that name is taken. Names are DNS-1035 labels (63 characters at most).
 */
export function suggestServiceName(vmName: string, port: number | undefined, taken: ReadonlySet<string>): string {
  const suffix = wellKnownPortName(port) ?? (port !== undefined ? String(port) : 'service');
  const base = `${vmName}-${suffix}`.slice(0, 60).replace(/-+$/, '');
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}-${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function initialExposeForm(vmName: string, taken: ReadonlySet<string>, port = 22): ExposeForm {
  return {
    name: suggestServiceName(vmName, port, taken),
    port: String(port),
    targetPort: '',
    portName: wellKnownPortName(port) ?? '',
    protocol: 'TCP',
    type: port === 22 ? 'NodePort' : 'ClusterIP',
    selectorLabel: VMI_ID_LABEL,
    ownedByVm: true,
    route: false,
    routeTermination: 'edge',
  };
}
