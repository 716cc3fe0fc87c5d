/** Cluster IPs and node ports are allocated on the write, kept by updates and freed by changes and deletes. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore, isStatusError, type KObject, type Store } from './index.js';

interface Spec {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  ports: Array<{ port: number; nodePort?: number; protocol?: string; targetPort?: number }>;
}

const stores: Store[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function store(dataDir?: string): Store {
  const s = createStore({ dataDir });
  stores.push(s);
  return s;
}

const svc = (name: string, spec: Partial<Spec> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default' },
  spec: { selector: { app: name }, ports: [{ port: 22 }], ...spec },
});
const specOf = (o: KObject) => o.spec as Spec;
const nodePortOf = (o: KObject) => specOf(o).ports[0].nodePort!;

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isStatusError(e)) return `${e.code} ${e.message}`;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('service registry', () => {
  it('answers a create with a cluster IP, node ports and the defaults, without the controllers', () => {
    const s = store();
    const a = s.create('services', svc('a', { type: 'NodePort', ports: [{ port: 22 }, { port: 80 }] }));
    const spec = specOf(a);
    expect(spec.clusterIP).toMatch(/^10\.96\.\d+\.\d+$/);
    expect(spec.clusterIPs).toEqual([spec.clusterIP]);
    expect(spec.ports.map((p) => p.nodePort).every((p) => p! >= 30000 && p! <= 32767)).toBe(true);
    expect(new Set(spec.ports.map((p) => p.nodePort)).size).toBe(2);
    expect(spec.ports[0]).toMatchObject({ protocol: 'TCP', targetPort: 22 });
    expect(a.spec).toMatchObject({
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      externalTrafficPolicy: 'Cluster',
    });
    const b = s.create('services', svc('b'));
    expect(specOf(b).clusterIP).not.toBe(spec.clusterIP);
    expect(specOf(b).ports[0].nodePort).toBeUndefined();
    expect(s.services.inUse).toEqual({ ips: 2, nodePorts: 2 });
  });

  it('an update that leaves them out keeps them; a write with nothing new changes nothing', () => {
    const s = store();
    const a = s.create('services', svc('a', { type: 'NodePort' }));
    const replaced = s.update('services', {
      ...a,
      spec: { type: 'NodePort', selector: { app: 'x' }, ports: [{ port: 22 }] },
    });
    expect(specOf(replaced).clusterIP).toBe(specOf(a).clusterIP);
    expect(nodePortOf(replaced)).toBe(nodePortOf(a));
    const again = s.update('services', structuredClone(replaced));
    expect(again.metadata.resourceVersion).toBe(replaced.metadata.resourceVersion);
    expect(s.services.inUse).toEqual({ ips: 1, nodePorts: 1 });
  });

  it('refuses a node port or cluster IP another Service holds, and a changed cluster IP', () => {
    const s = store();
    const a = s.create('services', svc('a', { type: 'NodePort' }));
    const { clusterIP } = specOf(a);
    const port = nodePortOf(a);
    expect(
      refusal(() =>
        s.create('services', svc('b', { type: 'NodePort', clusterIP, ports: [{ port: 80, nodePort: port }] })),
      ),
    ).toBe(
      `422 Service "b" is invalid: [spec.ports[0].nodePort: Invalid value: ${port}: provided port is already allocated, ` +
        `spec.clusterIPs: Invalid value: ["${clusterIP}"]: failed to allocate IP ${clusterIP}: provided IP is already allocated]`,
    );
    expect(
      refusal(() =>
        s.update('services', { ...a, spec: { ...specOf(a), clusterIP: '10.96.9.9', clusterIPs: ['10.96.9.9'] } }),
      ),
    ).toBe('422 Service "a" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.9.9"]: may not change once set');
    expect(refusal(() => s.create('services', svc('c', { clusterIP: '192.0.2.1' })))).toMatch(
      /the provided IP \(192\.0\.2\.1\) is not in the valid range/,
    );
    // Refused writes (and dry runs) hold nothing.
    const dry = s.create('services', svc('d', { type: 'NodePort' }), { dryRun: true });
    expect(specOf(dry).clusterIP).toMatch(/^10\.96\./);
    expect(s.tryGet('services', 'default', 'd')).toBeUndefined();
    expect(s.services.inUse).toEqual({ ips: 1, nodePorts: 1 });
  });

  it('frees the old node port when an update changes it or drops the NodePort type', () => {
    const s = store();
    const a = s.create('services', svc('a', { type: 'NodePort', ports: [{ port: 22, nodePort: 30100 }] }));
    const moved = s.update('services', { ...a, spec: { ...specOf(a), ports: [{ port: 22, nodePort: 30101 }] } });
    expect(nodePortOf(moved)).toBe(30101);
    expect(
      nodePortOf(s.create('services', svc('b', { type: 'NodePort', ports: [{ port: 22, nodePort: 30100 }] }))),
    ).toBe(30100);
    expect(
      refusal(() => s.create('services', svc('c', { type: 'NodePort', ports: [{ port: 22, nodePort: 30101 }] }))),
    ).toMatch(/provided port is already allocated/);

    const { nodePort: _dropped, ...port } = specOf(moved).ports[0];
    s.update('services', { ...moved, spec: { ...specOf(moved), type: 'ClusterIP', ports: [port] } });
    expect(
      nodePortOf(s.create('services', svc('c', { type: 'NodePort', ports: [{ port: 22, nodePort: 30101 }] }))),
    ).toBe(30101);
    expect(s.services.inUse).toEqual({ ips: 3, nodePorts: 2 });
  });

  it('frees the cluster IP and node ports of a deleted Service, so a recreate can take them again', () => {
    const s = store();
    const a = s.create(
      'services',
      svc('a', { type: 'NodePort', clusterIP: '10.96.7.7', ports: [{ port: 22, nodePort: 31000 }] }),
    );
    expect(specOf(a).clusterIPs).toEqual(['10.96.7.7']);
    s.delete('services', 'default', 'a');
    expect(s.services.inUse).toEqual({ ips: 0, nodePorts: 0 });
    const again = s.create(
      'services',
      svc('a2', { type: 'NodePort', clusterIP: '10.96.7.7', ports: [{ port: 22, nodePort: 31000 }] }),
    );
    expect(nodePortOf(again)).toBe(31000);

    // Many creates and deletes leave exactly what is stored.
    for (let i = 0; i < 50; i++) {
      s.create('services', svc(`n${i}`, { type: 'NodePort' }));
      if (i % 2) s.delete('services', 'default', `n${i}`);
    }
    expect(s.services.inUse).toEqual({ ips: 26, nodePorts: 26 });
  });

  it('knows what the Services loaded from disk hold', () => {
    const dir = mkdtempSync(join(tmpdir(), 'svc-registry-'));
    dirs.push(dir);
    const first = store(dir);
    const a = first.create('services', svc('a', { type: 'NodePort' }));
    const reloaded = store(dir);
    expect(reloaded.services.inUse).toEqual({ ips: 1, nodePorts: 1 });
    expect(
      refusal(() =>
        reloaded.create('services', svc('b', { type: 'NodePort', ports: [{ port: 22, nodePort: nodePortOf(a) }] })),
      ),
    ).toMatch(/provided port is already allocated/);
  });
});
