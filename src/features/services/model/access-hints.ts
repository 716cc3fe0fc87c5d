/**
 * How to reach an exposed VM, as command lines and names a user can copy: `ssh` for port 22
 * (through a node's address and the node port, the load balancer, or the in-cluster name), the
 * Service's cluster DNS name and its Routes' URLs. Pure.
 */
import { parse } from 'yaml';
import { defaultGuestUser } from '../../../lib/virtctl-commands';
import { bootHints } from '../../../lib/vm-guest-user';
import { routeUrl } from './route-builder';
import type { Node, Route, Service, ServicePort, VM } from './types';
import { nameOf, namespaceOf } from '../../../k8s/meta';

export interface AccessHint {
  /** Stable: part of the copy field's id. */
  id: string;
  label: string;
  value: string;
}

/** `<svc>.<ns>.svc.cluster.local` */
export const clusterDnsName = (svc: Service): string => `${nameOf(svc)}.${namespaceOf(svc)}.svc.cluster.local`;

const decodeBase64 = (b64: string): string => {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
  } catch {
    return '';
  }
};

type UserEntry = string | { name?: unknown };

/** The login a cloud-init user-data (cloud-config YAML or Ignition JSON) creates, if it names one. */
export function userFromUserData(userData: string): string | undefined {
  let doc: unknown;
  try {
    doc = parse(userData);
  } catch {
    return undefined;
  }
  if (!doc || typeof doc !== 'object') return undefined;
  const d = doc as { user?: unknown; users?: unknown; passwd?: { users?: unknown } };
  if (typeof d.user === 'string' && d.user) return d.user;
  if (d.user && typeof d.user === 'object' && typeof (d.user as { name?: unknown }).name === 'string') {
    return (d.user as { name: string }).name;
  }
  const users = Array.isArray(d.users) ? d.users : Array.isArray(d.passwd?.users) ? d.passwd.users : [];
  for (const u of users as UserEntry[]) {
    if (typeof u === 'string' && u !== 'default') return u;
    if (u && typeof u === 'object' && typeof u.name === 'string' && u.name) return u.name;
  }
  return undefined;
}

/** The user the VM's cloud-init volume creates (inline user data only; a Secret is not read). */
export function cloudInitUser(vm: VM | undefined): string | undefined {
  for (const v of vm?.spec?.template?.spec?.volumes ?? []) {
    const ci = v.cloudInitNoCloud ?? v.cloudInitConfigDrive;
    if (!ci) continue;
    const text = ci.userData ?? (ci.userDataBase64 ? decodeBase64(ci.userDataBase64) : undefined);
    const user = text ? userFromUserData(text) : undefined;
    if (user) return user;
  }
  return undefined;
}

/** The VM's login: its cloud-init user, else the documented default of the image it boots (cirros, fedora...). */
export const guestUser = (vm: VM | undefined): string | undefined =>
  vm ? (cloudInitUser(vm) ?? defaultGuestUser(bootHints(vm))) : undefined;

/** A node's address for clients outside the cluster: ExternalIP, else InternalIP, else its hostname. */
export function nodeAddress(node: Node): string | undefined {
  const addresses = node.status?.addresses ?? [];
  for (const type of ['ExternalIP', 'InternalIP', 'Hostname']) {
    const a = addresses.find((x) => x.type === type)?.address;
    if (a) return a;
  }
  return undefined;
}

/** The address of the first of `preferred` nodes that has one (the VM's node), else of any node. */
export function pickNodeAddress(nodes: readonly Node[], preferred: readonly string[] = []): string | undefined {
  for (const name of preferred) {
    const node = nodes.find((n) => n.metadata?.name === name);
    const a = node && nodeAddress(node);
    if (a) return a;
  }
  for (const n of nodes) {
    const a = nodeAddress(n);
    if (a) return a;
  }
  return undefined;
}

export const sshCommand = (user: string | undefined, host: string, port: number): string =>
  `ssh ${user ? `${user}@` : ''}${host} -p ${port}`;

const isSshPort = (p: ServicePort): boolean =>
  (p.protocol ?? 'TCP') === 'TCP' && (p.port === 22 || String(p.targetPort) === '22' || p.name === 'ssh');

export interface HintInput {
  service: Service;
  /** The login from the selected VM's cloud-init, if any. */
  user?: string;
  /** An address of a node (for node ports). */
  nodeAddress?: string;
  routes?: readonly Route[];
}

export function accessHints({ service, user, nodeAddress: node, routes = [] }: HintInput): AccessHint[] {
  const hints: AccessHint[] = [];
  const type = service.spec?.type ?? 'ClusterIP';
  const dns = clusterDnsName(service);
  const ingress = service.status?.loadBalancer?.ingress?.[0];
  const external = ingress?.ip ?? ingress?.hostname ?? service.spec?.externalIPs?.[0];
  for (const p of (service.spec?.ports ?? []).filter(isSshPort)) {
    const suffix = p.name ?? String(p.port);
    if ((type === 'NodePort' || type === 'LoadBalancer') && p.nodePort && node) {
      hints.push({
        id: `ssh-node-${suffix}`,
        label: 'SSH through a node port',
        value: sshCommand(user, node, p.nodePort),
      });
    }
    if (external) {
      hints.push({
        id: `ssh-external-${suffix}`,
        label: 'SSH through the external IP',
        value: sshCommand(user, external, p.port),
      });
    }
    if (type === 'ClusterIP') {
      hints.push({
        id: `ssh-cluster-${suffix}`,
        label: 'SSH from inside the cluster',
        value: sshCommand(user, dns, p.port),
      });
    }
  }
  hints.push({ id: 'dns', label: 'In-cluster DNS name', value: dns });
  for (const r of routes) {
    const url = routeUrl(r);
    if (url) hints.push({ id: `route-${nameOf(r)}`, label: 'Route URL', value: url });
  }
  return hints;
}
