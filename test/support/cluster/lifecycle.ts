/** Helpers for the lifecycle tests: a cluster on port 0, a small HTTP client, polling (fixtures: ../fixtures.ts). */
import { afterAll, beforeAll } from 'vitest';
import { startCluster, type RunningCluster } from '../../../server/cluster/index.js';

export async function testCluster(speed = 100): Promise<RunningCluster> {
  const logs: string[] = [];
  const c = await startCluster({
    port: 0,
    seed: 'none',
    speed,
    log: (m) => (process.env.CLUSTER_DEBUG ? console.log(m) : logs.push(m)),
  });
  return c;
}

/** One cluster for a test file: started (no seed, at `speed`) before its tests and closed after them. */
export interface FileCluster {
  /** The running cluster (read it inside tests and hooks: it starts in beforeAll). */
  readonly cluster: RunningCluster;
  readonly api: Api;
}

export function useTestCluster(speed = 100): FileCluster {
  let cluster: RunningCluster | undefined;
  const running = (): RunningCluster => {
    if (!cluster) throw new Error('the test cluster starts in beforeAll: use it inside tests and hooks');
    return cluster;
  };
  beforeAll(async () => {
    cluster = await testCluster(speed);
  });
  afterAll(async () => cluster?.close());
  return {
    get cluster() {
      return running();
    },
    api: new Api(() => running().url),
  };
}

export class Api {
  /** `base`: the API server's URL, or a function that reads it when a request is made. */
  constructor(private readonly baseUrl: string | (() => string)) {}

  get base(): string {
    return typeof this.baseUrl === 'string' ? this.baseUrl : this.baseUrl();
  }

  /** The websocket URL of an API path (a watch or a console subresource). */
  wsUrl(path: string): string {
    return this.base.replace(/^http/, 'ws') + path;
  }

  async createNamespace(name: string): Promise<string> {
    await this.req('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    return name;
  }

  async req(
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    const res = await fetch(this.base + path, {
      method,
      headers: body !== undefined ? { 'content-type': contentType } : {},
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      json = { raw: text };
    }
    return { status: res.status, json };
  }

  /** A JSON merge patch (application/merge-patch+json), as `kubectl patch --type merge` sends. */
  mergePatch(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    return this.req('PATCH', path, body, 'application/merge-patch+json');
  }

  async get(path: string): Promise<Record<string, unknown>> {
    const r = await this.req('GET', path);
    if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${JSON.stringify(r.json)}`);
    return r.json;
  }
}

export const vmPath = (ns: string, name = '') =>
  `/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachines${name ? `/${name}` : ''}`;
export const vmiPath = (ns: string, name = '') =>
  `/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachineinstances${name ? `/${name}` : ''}`;
export const subPath = (ns: string, res: 'virtualmachines' | 'virtualmachineinstances', name: string, sub: string) =>
  `/apis/subresources.kubevirt.io/v1/namespaces/${ns}/${res}/${name}/${sub}`;

/** Polls `fn` until it returns a truthy value (or throws after `timeoutMs`). */
export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined | false | null> | T | undefined | false | null,
  timeoutMs = 15_000,
): Promise<T> {
  const start = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() - start > timeoutMs)
      throw new Error(
        `timed out waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`,
      );
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function printable(api: Api, ns: string, name: string): Promise<string | undefined> {
  const vm = await api.get(vmPath(ns, name));
  return (vm.status as { printableStatus?: string } | undefined)?.printableStatus;
}

export async function waitPrintable(
  api: Api,
  ns: string,
  name: string,
  want: string,
  timeoutMs?: number,
): Promise<void> {
  await waitFor(
    `${ns}/${name} printableStatus ${want}`,
    async () => (await printable(api, ns, name)) === want || `${await printable(api, ns, name)}` === want,
    timeoutMs,
  );
}

export async function events(
  api: Api,
  ns: string,
  name: string,
): Promise<Array<{ reason: string; message: string; type: string }>> {
  const list = await api.get(`/api/v1/namespaces/${ns}/events?fieldSelector=involvedObject.name=${name}`);
  return (list.items as Array<{ reason: string; message: string; type: string }>) ?? [];
}
