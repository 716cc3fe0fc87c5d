// Escaping the /api/kubernetes prefix and the API allow-list, attacked with raw request lines
// (fetch and URL would resolve the dot segments before sending).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { raw, rawStatuses, recordingUpstream, startConsole, statusOf } from '../../test/support/proxy/test-servers.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});
const staticDir = mkdtempSync(path.join(tmpdir(), 'kvc-escape-'));
writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>console</title>');
afterAll(() => rmSync(staticDir, { recursive: true, force: true }));

async function setup() {
  const upstream = await recordingUpstream();
  const console_ = await startConsole(upstream.url, { staticDir });
  closers.push(upstream.close, console_.close);
  return { upstream, console_ };
}

const ESCAPES = [
  '/api/kubernetes/api/.%2e/healthz',
  '/api/kubernetes/api/%2e%2e/healthz',
  '/api/kubernetes/apis/%2E%2E/metrics',
  '/api/kubernetes/api/v1/..%2f..%2flogs/',
  '/api/kubernetes/api/%2e./%2e./openid/v1/jwks',
  '/api/kubernetes/api/v1/%2e%2e%5c%2e%2e%5cmetrics',
  '/api/kubernetes/api\\..\\..\\healthz',
  '/api/kubernetes/api/./../livez',
  '/api/kubernetes/version/..',
  '/api/kubernetes/api/%zz/x',
  '/api/kubernetes/api/v1/namespaces/%00',
];

describe('prefix escape', () => {
  it('never lets a path leave the Kubernetes API: encoded dot segments, slashes and backslashes are refused', async () => {
    const { upstream, console_ } = await setup();
    const statuses = await rawStatuses(console_.port, ESCAPES);
    expect(upstream.seen.map((r) => r.url)).toEqual([]);
    for (const p of ESCAPES) expect([400, 404], p).toContain(statuses[p]);
  });

  it('forwards the one path it checked: decoded once, repeated slashes collapsed, re-encoded', async () => {
    const { upstream, console_ } = await setup();
    const paths = [
      '/api/kubernetes/api//v1///namespaces',
      '/api/kubernetes/%61pis/kubevirt.io/v1/virtualmachines',
      '/api/kubernetes/api/v1/namespaces/%252e%252e/pods?labelSelector=a%3Db',
      '/api/kubernetes/apis/rbac.authorization.k8s.io/v1/clusterroles/system:aggregate-to-view',
    ];
    const statuses = await rawStatuses(console_.port, paths);
    expect(Object.values(statuses)).toEqual([200, 200, 200, 200]);
    expect(upstream.seen.map((r) => r.url)).toEqual([
      '/api/v1/namespaces',
      '/apis/kubevirt.io/v1/virtualmachines',
      '/api/v1/namespaces/%252e%252e/pods?labelSelector=a%3Db',
      '/apis/rbac.authorization.k8s.io/v1/clusterroles/system:aggregate-to-view',
    ]);
  });

  it('answers paths that start with // (static, API and websocket) without a server error', async () => {
    const { upstream, console_ } = await setup();
    const paths = [
      '//',
      '//evil.example/',
      '//api/kubernetes/api/v1/namespaces',
      '/api/kubernetes//evil.example/api/v1',
      '//..',
      '//%2e%2e/assets',
      '/%',
      'http://evil.example/api/kubernetes/api/v1/namespaces',
    ];
    const statuses = await rawStatuses(console_.port, paths);
    for (const p of paths) expect(statuses[p], p).toBeLessThan(500);
    const upgrade = await raw(
      console_.port,
      'GET //api/kubernetes/api/v1/pods?watch=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    expect(statusOf(upgrade)).toBeGreaterThanOrEqual(400);
    expect(statusOf(upgrade)).toBeLessThan(500);
    expect(upstream.seen.filter((r) => !r.url.startsWith('/api/v1/'))).toEqual([]);
  });

  it('refuses the proxy subresources of pods, services and nodes with 403', async () => {
    const { upstream, console_ } = await setup();
    const paths = [
      '/api/kubernetes/api/v1/namespaces/default/services/web:80/proxy/',
      '/api/kubernetes/api/v1/namespaces/default/services/https:web:443/proxy/index.html',
      '/api/kubernetes/api/v1/namespaces/default/pods/virt-launcher-x/proxy',
      '/api/kubernetes/api/v1/namespaces/default/pods/p/proxy/metrics',
      '/api/kubernetes/api/v1/nodes/node01/proxy/configz',
      '/api/kubernetes/api/v1/nodes/node01:10250/%70roxy/logs/',
      '/api/kubernetes/api/v1/proxy/namespaces/default/services/web',
    ];
    const statuses = await rawStatuses(console_.port, paths);
    expect(upstream.seen.map((r) => r.url)).toEqual([]);
    for (const p of paths) expect(statuses[p], p).toBe(403);
  });
});
