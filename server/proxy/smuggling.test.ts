// Request smuggling through the API proxy, attacked with raw sockets: whatever framing a client
// sends, the upstream parses exactly the requests the console meant to send.
import { afterEach, describe, expect, it } from 'vitest';
import { chunk, raw, recordingUpstream, startConsole, statusOf } from '../../test/support/proxy/test-servers.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function setup() {
  const upstream = await recordingUpstream();
  const console_ = await startConsole(upstream.url);
  closers.push(upstream.close, console_.close);
  return { upstream, console_ };
}

const SMUGGLED = 'GET /api/v1/namespaces/kube-system/secrets HTTP/1.1\r\nHost: upstream\r\n\r\n';
const csrf = 'Cookie: csrf-token=t\r\nX-CSRFToken: t\r\n';

/** A request of the console's ordinary traffic; once it is answered, the upstream has read what came before. */
async function followUp(consoleUrl: string): Promise<void> {
  // The signal only ends a request that a smuggled half request swallowed (it would hang).
  const res = await fetch(`${consoleUrl}/api/kubernetes/api/v1/namespaces/default/pods`, {
    headers: { 'x-forwarded-access-token': 'victim' },
    signal: AbortSignal.timeout(20_000),
  });
  expect(res.status).toBe(200);
}

describe('request smuggling', () => {
  it.each(['GET', 'HEAD', 'OPTIONS'])('refuses a chunked %s body with 400 and never forwards it', async (method) => {
    const { upstream, console_ } = await setup();
    const answer = await raw(
      console_.port,
      `${method} /api/kubernetes/api/v1/namespaces HTTP/1.1\r\nHost: 127.0.0.1\r\n${csrf}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n` +
        chunk(SMUGGLED) +
        '0\r\n\r\n',
    );
    await followUp(console_.url);
    expect(upstream.seen.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/v1/namespaces/default/pods']);
    expect(statusOf(answer)).toBe(400);
  });

  it('refuses a GET body declared with Content-Length, and closes that connection', async () => {
    const { upstream, console_ } = await setup();
    const answer = await raw(
      console_.port,
      `GET /api/kubernetes/api/v1/namespaces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${SMUGGLED.length}\r\n\r\n${SMUGGLED}`,
      (received) => received.endsWith('}'),
    );
    await followUp(console_.url);
    expect(upstream.seen.map((r) => r.url)).toEqual(['/api/v1/namespaces/default/pods']);
    expect(statusOf(answer)).toBe(400);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
  });

  it("forwards a chunked DELETE body (kubectl's DeleteOptions) whole, framed with Content-Length", async () => {
    const { upstream, console_ } = await setup();
    const body = `{"kind":"DeleteOptions","propagationPolicy":"Foreground"}\r\n\r\n${SMUGGLED}`;
    const answer = await raw(
      console_.port,
      `DELETE /api/kubernetes/apis/kubevirt.io/v1/namespaces/default/virtualmachines/vm1 HTTP/1.1\r\nHost: 127.0.0.1\r\n${csrf}` +
        `Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n` +
        chunk(body.slice(0, 20)) +
        chunk(body.slice(20)) +
        '0\r\n\r\n',
    );
    await followUp(console_.url);
    expect(upstream.seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'DELETE /apis/kubevirt.io/v1/namespaces/default/virtualmachines/vm1',
      'GET /api/v1/namespaces/default/pods',
    ]);
    expect(statusOf(answer)).toBe(200);
    expect(upstream.seen[0].body).toBe(body);
    expect(upstream.seen[0].headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(upstream.seen[0].headers['transfer-encoding']).toBeUndefined();
  });

  it('sends POST, PUT and PATCH bodies with Content-Length, never chunked as the client framed them', async () => {
    const { upstream, console_ } = await setup();
    for (const method of ['POST', 'PUT', 'PATCH']) {
      const answer = await raw(
        console_.port,
        `${method} /api/kubernetes/api/v1/namespaces HTTP/1.1\r\nHost: 127.0.0.1\r\n${csrf}Content-Type: application/json\r\n` +
          `Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunk('{"a":')}${chunk('1}')}0\r\n\r\n`,
      );
      expect(statusOf(answer), method).toBe(200);
    }
    expect(
      upstream.seen.map((r) => [r.method, r.body, r.headers['content-length'], r.headers['transfer-encoding']]),
    ).toEqual([
      ['POST', '{"a":1}', '7', undefined],
      ['PUT', '{"a":1}', '7', undefined],
      ['PATCH', '{"a":1}', '7', undefined],
    ]);
  });

  it("does not let a half request in a body swallow the next user's request and token", async () => {
    const { upstream, console_ } = await setup();
    const half =
      'POST /api/v1/namespaces/default/configmaps HTTP/1.1\r\nHost: upstream\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n';
    await raw(
      console_.port,
      `DELETE /api/kubernetes/api/v1/namespaces/default/pods/p HTTP/1.1\r\nHost: 127.0.0.1\r\n${csrf}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n` +
        chunk(half) +
        '0\r\n\r\n',
    );
    await followUp(console_.url);
    expect(upstream.seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'DELETE /api/v1/namespaces/default/pods/p',
      'GET /api/v1/namespaces/default/pods',
    ]);
    expect(upstream.seen[1].headers.authorization).toBe('Bearer victim');
  });

  it('refuses methods the API does not take (TRACE, PROPFIND, LINK) without forwarding them', async () => {
    const { upstream, console_ } = await setup();
    for (const method of ['TRACE', 'PROPFIND', 'LINK']) {
      const answer = await raw(
        console_.port,
        `${method} /api/kubernetes/api/v1/namespaces HTTP/1.1\r\nHost: 127.0.0.1\r\n${csrf}Connection: close\r\n\r\n`,
      );
      expect(statusOf(answer), method).toBe(405);
    }
    expect(upstream.seen).toEqual([]);
  });

  it('still answers 413 for a chunked body over the limit, and closes the connection', async () => {
    const { upstream, console_ } = await setup();
    const big = 'x'.repeat(40 * 1024);
    const answer = await raw(
      console_.port,
      `POST /api/kubernetes/api/v1/namespaces HTTP/1.1\r\nHost: 127.0.0.1\r\n${csrf}Transfer-Encoding: chunked\r\n\r\n${chunk(big)}${chunk(big)}0\r\n\r\n${SMUGGLED}`,
    );
    expect(statusOf(answer)).toBe(413);
    // One answer, and the connection closed: what follows the refused body is never read as a request.
    expect(answer.match(/HTTP\/1\.1 \d{3}/g)).toEqual(['HTTP/1.1 413']);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    await followUp(console_.url);
    expect(upstream.seen.map((r) => r.url)).toEqual(['/api/v1/namespaces/default/pods']);
  });
});
