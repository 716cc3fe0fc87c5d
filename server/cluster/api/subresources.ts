/**
 * The route table other modules register into: subresources such as
 * /apis/subresources.kubevirt.io/v1/namespaces/{ns}/virtualmachines/{name}/start, plain HTTP or
 * websocket. Discovery lists them like KubeVirt's aggregated API does.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { Store, UserInfo, V1Status } from '../store/index.js';

export interface SubresourceContext {
  method: string;
  group: string;
  version: string;
  namespace?: string;
  name: string;
  resource: string;
  subresource: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON/YAML body, or undefined when empty. */
  body: unknown;
  user: UserInfo;
  store: Store;
}

export interface SubresourceResponse {
  status: number;
  /** An object is sent as JSON; a Buffer or string as is; a Readable streamed until it ends. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface UpgradeContext extends Omit<SubresourceContext, 'body' | 'method'> {
  req: IncomingMessage;
  socket: Duplex;
  head: Buffer;
  /** Completes the websocket handshake (echoing `plain.kubevirt.io` or the first offered subprotocol). */
  accept(): WebSocket;
  /** Fails the handshake with this Status (HTTP status = status.code). */
  reject(status: V1Status): void;
}

export interface SubresourceDef {
  group: string;
  versions: string[];
  resource: string;
  /** e.g. "start", "vnc", "vnc/screenshot" */
  subresource: string;
  namespaced?: boolean;
  /** Verbs shown in discovery, e.g. ["update"] or ["get"]. */
  verbs: string[];
  kind?: string;
  /** The group and version of `kind` when it is not the resource's own (pods/eviction: policy/v1 Eviction). */
  kindGroupVersion?: { group: string; version: string };
  handle?(ctx: SubresourceContext): Promise<SubresourceResponse | void> | SubresourceResponse | void;
  upgrade?(ctx: UpgradeContext): void | Promise<void>;
}

export class ClusterApi {
  private readonly defs = new Map<string, SubresourceDef>();

  private key(group: string, version: string, resource: string, subresource: string): string {
    return `${group}/${version}/${resource}/${subresource}`;
  }

  /** Registers (or replaces) a subresource handler. */
  addSubresource(def: SubresourceDef): void {
    for (const v of def.versions) this.defs.set(this.key(def.group, v, def.resource, def.subresource), def);
  }

  find(group: string, version: string, resource: string, subresource: string): SubresourceDef | undefined {
    return this.defs.get(this.key(group, version, resource, subresource));
  }

  /** Registered subresources of a group version, for discovery. */
  listFor(group: string, version: string): SubresourceDef[] {
    const out: SubresourceDef[] = [];
    for (const d of new Set(this.defs.values())) if (d.group === group && d.versions.includes(version)) out.push(d);
    return out;
  }

  /** Groups that only exist through registered subresources (e.g. subresources.kubevirt.io). */
  groups(): { group: string; versions: string[] }[] {
    const m = new Map<string, Set<string>>();
    for (const d of this.defs.values()) {
      const s = m.get(d.group) ?? new Set<string>();
      d.versions.forEach((v) => s.add(v));
      m.set(d.group, s);
    }
    return [...m].map(([group, versions]) => ({ group, versions: [...versions] }));
  }
}
