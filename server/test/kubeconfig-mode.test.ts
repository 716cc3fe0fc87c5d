// The console in kubeconfig mode against the embedded cluster served over TLS with a self-signed
// CA and a bearer token: the console lists VMs with the kubeconfig's credentials, verifies the
// server with the kubeconfig's CA, and never hands the token to the browser.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type RunningCluster } from '../cluster/index.js';
import { createConsoleServer, type ConsoleServer } from '../proxy/app.js';
import { kubeconfigUpstream } from '../proxy/kubeconfig.js';
import { silentLogger } from '../proxy/log.js';

const TOKEN = 'kubeconfig-admin-token-1';
const dir = mkdtempSync(path.join(tmpdir(), 'kc-tls-'));
const file = (name: string) => path.join(dir, name);
const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore', cwd: dir });

/** A CA, and a certificate for 127.0.0.1 signed by it. */
function makeCertificates(): void {
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '1',
    '-subj',
    '/CN=test-ca',
  );
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
    '-subj',
    '/CN=127.0.0.1',
  );
  writeFileSync(file('san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  openssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.crt',
    '-days',
    '1',
    '-extfile',
    'san.ext',
  );
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'other.key',
    '-out',
    'other-ca.crt',
    '-days',
    '1',
    '-subj',
    '/CN=other-ca',
  );
}

function kubeconfig(name: string, server: string, caFile: string): string {
  const ca = readFileSync(file(caFile)).toString('base64');
  writeFileSync(
    file(name),
    `apiVersion: v1
kind: Config
current-context: embedded
clusters:
- name: embedded
  cluster:
    server: ${server}
    certificate-authority-data: ${ca}
users:
- name: admin
  user:
    token: ${TOKEN}
contexts:
- name: embedded
  context: { cluster: embedded, user: admin }
`,
  );
  return file(name);
}

let cluster: RunningCluster;
const consoles: ConsoleServer[] = [];

async function consoleFor(kubeconfigFile: string): Promise<string> {
  const c = createConsoleServer({ upstream: kubeconfigUpstream(kubeconfigFile), log: silentLogger });
  consoles.push(c);
  await new Promise<void>((r) => c.server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(c.server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  makeCertificates();
  writeFileSync(file('users.yaml'), `users:\n  - name: kc-admin\n    token: ${TOKEN}\n    roles: [admin]\n`);
  cluster = await startCluster({
    port: 0,
    seed: 'none',
    usersFile: file('users.yaml'),
    log: () => {},
    tls: { cert: readFileSync(file('server.crt')), key: readFileSync(file('server.key')) },
  });
  await cluster.store.create('virtualmachines.kubevirt.io', {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name: 'tls-vm', namespace: 'default' },
    spec: { runStrategy: 'Halted', template: { spec: { domain: { devices: {}, memory: { guest: '128Mi' } } } } },
  });
});

afterAll(async () => {
  for (const c of consoles) await c.drain(100);
  await cluster.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('kubeconfig mode', () => {
  it('serves the embedded cluster over TLS', () => {
    expect(cluster.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('lists VMs through the console with the kubeconfig token, verified with its CA', async () => {
    const base = await consoleFor(kubeconfig('good.yaml', cluster.url, 'ca.crt'));
    const res = await fetch(`${base}/api/kubernetes/apis/kubevirt.io/v1/virtualmachines`);
    expect(res.status).toBe(200);
    const list = (await res.json()) as { items: Array<{ metadata: { name: string } }> };
    expect(list.items.map((vm) => vm.metadata.name)).toContain('tls-vm');
    expect(JSON.stringify([...res.headers])).not.toContain(TOKEN);
  });

  it('refuses a server whose certificate the kubeconfig CA did not sign', async () => {
    const base = await consoleFor(kubeconfig('wrong-ca.yaml', cluster.url, 'other-ca.crt'));
    const res = await fetch(`${base}/api/kubernetes/apis/kubevirt.io/v1/virtualmachines`);
    expect(res.status).toBe(502);
    expect(((await res.json()) as { message: string }).message).toMatch(/not reachable/);
  });
});
