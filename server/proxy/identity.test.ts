// Identity and security headers: the browser cannot add an identity next to the console's own
// credentials, and the upstream cannot replace the console's security headers.
import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { recordingUpstream, startConsole } from '../../test/support/proxy/test-servers.js';
import type { Upstream } from './upstream.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** An upstream with a configured identity, as in kubeconfig or service-account mode. */
const configured = (url: string): Upstream => ({
  url: new URL(url),
  description: 'configured',
  credentials: () => ({ authorization: 'Bearer server-token' }),
});

const IDENTITY_HEADERS = {
  'impersonate-user': 'system:admin',
  'impersonate-group': 'system:masters',
  'impersonate-uid': '0',
  'impersonate-extra-scopes': 'all',
  'x-remote-user': 'admin',
  'x-remote-group': 'system:masters',
  'x-remote-extra-scopes': 'all',
  'x-forwarded-user': 'admin',
  'x-forwarded-email': 'admin@example.com',
  'x-forwarded-groups': 'system:masters',
  'x-forwarded-preferred-username': 'admin',
  'x-forwarded-for': '10.0.0.1',
  'proxy-authorization': 'Basic YWRtaW46YWRtaW4=',
  authorization: 'Basic YWRtaW46YWRtaW4=',
};

describe('identity headers', () => {
  it("forwards none of the browser's identity headers: the configured credentials are the only identity", async () => {
    const upstream = await recordingUpstream();
    const console_ = await startConsole(upstream.url, { upstream: configured(upstream.url) });
    closers.push(upstream.close, console_.close);
    const res = await fetch(`${console_.url}/api/kubernetes/api/v1/namespaces`, { headers: IDENTITY_HEADERS });
    expect(res.status).toBe(200);
    const sent = upstream.seen[0].headers;
    for (const name of Object.keys(IDENTITY_HEADERS))
      if (name !== 'authorization') expect(sent[name], name).toBeUndefined();
    expect(sent.authorization).toBe('Bearer server-token');
  });

  it("keeps the OAuth proxy's user token as the identity in user-token mode", async () => {
    const upstream = await recordingUpstream();
    const console_ = await startConsole(upstream.url);
    closers.push(upstream.close, console_.close);
    await fetch(`${console_.url}/api/kubernetes/api/v1/namespaces`, {
      headers: { ...IDENTITY_HEADERS, 'x-forwarded-access-token': 'user-token' },
    });
    const sent = upstream.seen[0].headers;
    expect(sent.authorization).toBe('Bearer user-token');
    expect(
      Object.keys(sent).filter(
        (n) => n.startsWith('impersonate-') || n.startsWith('x-remote-') || n.startsWith('x-forwarded-'),
      ),
    ).toEqual([]);
  });

  it('strips the bearer-token websocket subprotocol and identity headers from the upstream handshake, and never echoes it', async () => {
    const handshakes: http.IncomingHttpHeaders[] = [];
    const upstream = await recordingUpstream();
    // Picks the first subprotocol offered, whatever it is (a careless or hostile upstream).
    const wss = new WebSocketServer({ noServer: true, handleProtocols: (offered) => [...offered][0] ?? false });
    upstream.server.on('upgrade', (req, socket, head) => {
      handshakes.push(req.headers);
      wss.handleUpgrade(req, socket, head, (ws) => ws.send('hello'));
    });
    const console_ = await startConsole(upstream.url, { upstream: configured(upstream.url) });
    closers.push(upstream.close, console_.close);
    const bearer = `base64url.bearer.authorization.k8s.io.${Buffer.from('stolen').toString('base64url')}`;
    const ws = new WebSocket(
      `${console_.url.replace('http', 'ws')}/api/kubernetes/api/v1/namespaces/d/pods/p/exec`,
      [bearer, 'base64.channel.k8s.io'],
      {
        headers: { ...IDENTITY_HEADERS, origin: console_.url },
      },
    );
    const message = await new Promise<string>((resolve, reject) => {
      ws.on('message', (d) => resolve(d.toString()));
      ws.on('error', reject);
    });
    expect(message).toBe('hello');
    expect(ws.protocol).toBe('base64.channel.k8s.io');
    ws.close();
    expect(handshakes[0]['sec-websocket-protocol']).toBe('base64.channel.k8s.io');
    // the upstream's own origin (kube-apiserver refuses a websocket without one), never the browser's
    expect(handshakes[0].origin).toBe(new URL(upstream.url).origin);
    expect(handshakes[0].authorization).toBe('Bearer server-token');
    for (const name of Object.keys(IDENTITY_HEADERS))
      if (name !== 'authorization') expect(handshakes[0][name], name).toBeUndefined();
  });
});

describe('security headers', () => {
  it("keeps the console's own security headers whatever the upstream answers", async () => {
    const upstream = await recordingUpstream((_req, res) => {
      res.writeHead(200, {
        'content-type': 'text/html',
        'content-security-policy': 'default-src *',
        'access-control-allow-origin': '*',
        'access-control-allow-credentials': 'true',
        'x-frame-options': 'ALLOWALL',
        'x-content-type-options': 'sniff',
        'referrer-policy': 'unsafe-url',
        'set-cookie': 'csrf-token=attacker; Path=/',
        'clear-site-data': '"cookies", "storage"',
        location: 'https://evil.example/',
        'www-authenticate': 'Basic realm="x"',
        warning: '299 - "deprecated"',
      });
      res.end('<script>alert(1)</script>');
    });
    const console_ = await startConsole(upstream.url);
    closers.push(upstream.close, console_.close);
    const res = await fetch(`${console_.url}/api/kubernetes/api/v1/namespaces/d/configmaps/c`);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    for (const name of [
      'access-control-allow-origin',
      'access-control-allow-credentials',
      'set-cookie',
      'clear-site-data',
      'location',
      'www-authenticate',
    ]) {
      expect(res.headers.get(name), name).toBeNull();
    }
    expect(res.headers.get('warning')).toBe('299 - "deprecated"');
  });
});
