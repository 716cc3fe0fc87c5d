// The console server in front of the embedded cluster started with a users file: each user's own
// token is passed through, so RBAC applies per user, and nothing secret reaches the logs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startCluster, type RunningCluster } from '../cluster/index.js';
import { createConsoleServer, type ConsoleServer } from '../proxy/app.js';
import { passThroughUpstream } from '../proxy/upstream.js';
import { jsonLogger } from '../proxy/log.js';

const ADMIN = 'admin-token-0123456789';
const VIEWER = 'viewer-token-0123456789';
const logLines: string[] = [];
let cluster: RunningCluster;
let console_: ConsoleServer;
let base: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'users-'));
  const usersFile = path.join(dir, 'users.yaml');
  writeFileSync(
    usersFile,
    `users:
  - name: admin
    token: ${ADMIN}
    roles: [admin]
  - name: viewer
    token: ${VIEWER}
    roles:
      - role: view
        namespaces: [default]
`,
  );
  cluster = await startCluster({ port: 0, seed: 'none', usersFile, log: (m) => logLines.push(m) });
  console_ = createConsoleServer({
    upstream: passThroughUpstream(cluster.url, 'embedded'),
    log: jsonLogger((line) => logLines.push(line)),
  });
  await new Promise<void>((r) => console_.server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(console_.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await console_.drain(100);
  await cluster.close();
  rmSync(dir, { recursive: true, force: true });
});

const csrf = { cookie: 'csrf-token=abc', 'x-csrftoken': 'abc' };
const vm = {
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name: 'vm1', namespace: 'default' },
  spec: { runStrategy: 'Halted', template: { spec: { domain: { devices: {} } } } },
};
type Json = { items: Array<{ metadata: { name: string } }>; message: string };
const json = async (r: Response) => (await r.json()) as Json;
const vmsPath = '/api/kubernetes/apis/kubevirt.io/v1/namespaces/default/virtualmachines';

describe('console with per-user tokens against the embedded cluster', () => {
  it('lets the admin create, the viewer list, and refuses the viewer a delete with the API message', async () => {
    const created = await fetch(base + vmsPath, {
      method: 'POST',
      headers: { ...csrf, authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify(vm),
    });
    expect(created.status).toBe(201);
    const list = await fetch(base + vmsPath, { headers: { 'x-forwarded-access-token': VIEWER } });
    expect(list.status).toBe(200);
    expect((await json(list)).items.map((i) => i.metadata.name)).toEqual(['vm1']);
    const del = await fetch(`${base}${vmsPath}/vm1`, {
      method: 'DELETE',
      headers: { ...csrf, 'x-forwarded-access-token': VIEWER },
    });
    expect(del.status).toBe(403);
    const status = await json(del);
    expect(status.message).toBe(
      'virtualmachines.kubevirt.io "vm1" is forbidden: User "viewer" cannot delete resource "virtualmachines" in API group "kubevirt.io" in the namespace "default"',
    );
  });

  it('treats a request without a token as anonymous, and refuses one without the CSRF header', async () => {
    const anonymous = await fetch(base + vmsPath);
    expect(anonymous.status).toBe(403);
    expect((await json(anonymous)).message).toContain('User "system:anonymous" cannot list resource "virtualmachines"');
    const noCsrf = await fetch(`${base}${vmsPath}/vm1`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(noCsrf.status).toBe(403);
    expect((await json(noCsrf)).message).toMatch(/CSRF/);
    const still = await fetch(`${base}${vmsPath}/vm1`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(still.status).toBe(200);
  });

  it('watches over a websocket with the user token, and refuses a foreign Origin', async () => {
    const url = `${base.replace('http', 'ws')}${vmsPath}?watch=1`;
    const ws = new WebSocket(url, { headers: { authorization: `Bearer ${VIEWER}` }, origin: base });
    const first = await new Promise<string>((resolve, reject) => {
      ws.on('message', (d) => resolve(d.toString()));
      ws.on('error', reject);
    });
    expect(JSON.parse(first)).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'vm1' } } });
    ws.close();
    const evil = new WebSocket(url, { headers: { authorization: `Bearer ${VIEWER}` }, origin: 'https://evil.example' });
    const code = await new Promise<number>((resolve) => {
      evil.on('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0));
      evil.on('open', () => resolve(101));
      evil.on('error', () => {});
    });
    expect(code).toBe(403);
  });

  it('never writes a token or cookie to the logs', () => {
    expect(logLines.length).toBeGreaterThan(0);
    const all = logLines.join('\n');
    expect(all).not.toContain(ADMIN);
    expect(all).not.toContain(VIEWER);
    expect(all).not.toContain('csrf-token=abc');
  });
});
