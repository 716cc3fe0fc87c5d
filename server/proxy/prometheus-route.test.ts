// The console's /api/prometheus route against a stand-in Prometheus: what is forwarded (read-only
// query paths, the user's token, nothing else of the browser's), what is refused (writes, other
// paths, foreign origins, missing CSRF, large bodies), and the 503 without an endpoint.
import { afterEach, describe, expect, it } from 'vitest';
import { jsonLogger } from './log.js';
import { prometheusTarget } from './prometheus-target.js';
import { raw, recordingUpstream, startConsole } from '../../test/support/proxy/test-servers.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

const TOKEN = 'sha256~user-token-123';

async function setup(withTarget = true) {
  const prom = await recordingUpstream((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.setHeader('set-cookie', 'evil=1');
    res.end('{"status":"success","data":{"resultType":"vector","result":[]}}');
  });
  closers.push(prom.close);
  const lines: string[] = [];
  const target = withTarget ? prometheusTarget({ mode: 'kubeconfig', url: new URL(prom.url + '/prefix/') }) : undefined;
  const c = await startConsole('http://127.0.0.1:9', { log: jsonLogger((l) => lines.push(l)), prometheus: target });
  closers.push(c.close);
  return { prom, console: c, lines };
}

const get = (port: number, path: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${port}${path}`, { headers });

describe('/api/prometheus', () => {
  it('forwards a GET query to the endpoint under its path, with the user token and no browser identity', async () => {
    const { prom, console: c, lines } = await setup();
    const res = await get(c.port, '/api/prometheus/api/v1/query?query=up', {
      authorization: `Bearer ${TOKEN}`,
      cookie: 'csrf-token=t; session=s',
      'impersonate-user': 'admin',
      'x-remote-user': 'admin',
      'x-forwarded-for': '1.2.3.4',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(prom.seen).toHaveLength(1);
    expect(prom.seen[0].url).toBe('/prefix/api/v1/query?query=up');
    expect(prom.seen[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
    for (const h of ['cookie', 'impersonate-user', 'x-remote-user', 'x-forwarded-for'])
      expect(prom.seen[0].headers[h]).toBeUndefined();
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  it('forwards every query path of the read API and refuses the rest', async () => {
    const { prom, console: c } = await setup();
    for (const p of ['query_range', 'series', 'labels', 'label/namespace/values'])
      expect((await get(c.port, `/api/prometheus/api/v1/${p}`)).status).toBe(200);
    for (const p of [
      '/api/prometheus/api/v1/admin/tsdb/delete_series',
      '/api/prometheus/api/v1/write',
      '/api/prometheus/api/v1/query/../admin/tsdb/snapshot',
      '/api/prometheus/api/v1/%2e%2e/admin',
      '/api/prometheus/api/v1//query',
      '/api/prometheus/api/v1/label/a%2Fb/values',
      '/api/prometheus/federate',
      '/api/prometheus/-/quit',
      '/api/prometheus',
    ]) {
      const res = await get(c.port, p);
      expect(res.status, p).toBe(404);
      expect(((await res.json()) as { status: string }).status).toBe('error');
    }
    expect(prom.seen.map((s) => s.url)).toEqual([
      '/prefix/api/v1/query_range',
      '/prefix/api/v1/series',
      '/prefix/api/v1/labels',
      '/prefix/api/v1/label/namespace/values',
    ]);
  });

  it('takes a form-encoded POST with the CSRF header, and refuses one without it or from another origin', async () => {
    const { prom, console: c } = await setup();
    const post = (headers: Record<string, string>, body = 'query=up') =>
      fetch(`http://127.0.0.1:${c.port}/api/prometheus/api/v1/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body,
      });
    expect((await post({})).status).toBe(403);
    expect((await post({ cookie: 'csrf-token=t', 'x-csrftoken': 'u' })).status).toBe(403);
    expect((await post({ cookie: 'csrf-token=t', 'x-csrftoken': 't', origin: 'http://evil.example' })).status).toBe(
      403,
    );
    expect(prom.seen).toHaveLength(0);
    const ok = await post({ cookie: 'csrf-token=t', 'x-csrftoken': 't', origin: `http://127.0.0.1:${c.port}` });
    expect(ok.status).toBe(200);
    expect(prom.seen[0]).toMatchObject({ method: 'POST', body: 'query=up' });
    expect(prom.seen[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('refuses other methods, other bodies and large bodies before reading them', async () => {
    const { prom, console: c } = await setup();
    const csrf = 'Cookie: csrf-token=t\r\nX-CSRFToken: t\r\n';
    const put = await raw(
      c.port,
      `PUT /api/prometheus/api/v1/query HTTP/1.1\r\nHost: 127.0.0.1\r\n${csrf}Content-Length: 3\r\n\r\nabc`,
    );
    expect(put).toMatch(/^HTTP\/1\.1 405/);
    const json = await raw(
      c.port,
      `POST /api/prometheus/api/v1/query HTTP/1.1\r\nHost: 127.0.0.1\r\n${csrf}Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`,
    );
    expect(json).toMatch(/^HTTP\/1\.1 415/);
    const big = await raw(
      c.port,
      `POST /api/prometheus/api/v1/query HTTP/1.1\r\nHost: 127.0.0.1\r\n${csrf}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000000\r\n\r\nquery=`,
    );
    expect(big).toMatch(/^HTTP\/1\.1 413/);
    const getBody = await raw(
      c.port,
      `GET /api/prometheus/api/v1/query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\nabc`,
    );
    expect(getBody).toMatch(/^HTTP\/1\.1 400/);
    const foreignHost = await raw(
      c.port,
      `GET /api/prometheus/api/v1/query?query=up HTTP/1.1\r\nHost: attacker.example\r\n\r\n`,
    );
    expect(foreignHost).toMatch(/^HTTP\/1\.1 403/);
    const absolute = await raw(
      c.port,
      `GET http://127.0.0.1/api/prometheus/api/v1/query HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
    );
    expect(absolute).toMatch(/^HTTP\/1\.1 400/);
    expect(prom.seen).toHaveLength(0);
  });

  it('answers 503 with how to configure it when there is no endpoint', async () => {
    const { console: c } = await setup(false);
    const res = await get(c.port, '/api/prometheus/api/v1/query?query=up');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; errorType: string; error: string };
    expect(body).toMatchObject({ status: 'error', errorType: 'unavailable' });
    expect(body.error).toContain('--prometheus-url');
  });

  it('answers 502 in Prometheus JSON when the endpoint is down', async () => {
    const target = prometheusTarget({ mode: 'kubeconfig', url: new URL('http://127.0.0.1:9') });
    const c = await startConsole('http://127.0.0.1:9', { prometheus: target });
    closers.push(c.close);
    const res = await get(c.port, '/api/prometheus/api/v1/query?query=up');
    expect(res.status).toBe(502);
    expect(((await res.json()) as { errorType: string }).errorType).toBe('unavailable');
  });

  it('in a pod behind an OAuth proxy, needs the user token (401 without), and never sends a kubeconfig token', async () => {
    const prom = await recordingUpstream();
    closers.push(prom.close);
    const inCluster = prometheusTarget({
      mode: 'in-cluster',
      url: new URL(prom.url),
      upstream: { url: new URL('https://k8s'), description: '', requiresUserToken: true, credentials: () => null },
    });
    const c = await startConsole('http://127.0.0.1:9', { prometheus: inCluster });
    closers.push(c.close);
    expect((await get(c.port, '/api/prometheus/api/v1/query?query=up')).status).toBe(401);
    expect(
      (await get(c.port, '/api/prometheus/api/v1/query?query=up', { 'x-forwarded-access-token': TOKEN })).status,
    ).toBe(200);
    expect(prom.seen[0].headers.authorization).toBe(`Bearer ${TOKEN}`);

    const kubeconfig = prometheusTarget({
      mode: 'kubeconfig',
      url: new URL(prom.url),
      upstream: {
        url: new URL('https://k8s'),
        description: '',
        credentials: () => ({ authorization: 'Bearer kubeconfig-secret' }),
      },
    });
    const k = await startConsole('http://127.0.0.1:9', { prometheus: kubeconfig });
    closers.push(k.close);
    expect((await get(k.port, '/api/prometheus/api/v1/query?query=up')).status).toBe(200);
    expect(prom.seen[1].headers.authorization).toBeUndefined();
  });
});
