import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer, type RawData } from 'ws';
import type { Upstream } from './upstream.js';
import { forwardHeaders, offeredSubprotocols } from './headers.js';
import type { Logger } from './log.js';
import { statusBody } from './status.js';

const PING_INTERVAL_MS = 30_000;

/** A close code that may be sent on the wire (1005, 1006 and 1015 are reserved for local use). */
export function sendableCloseCode(code: number): number {
  const ok = (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
  return ok ? code : 1000;
}

/** Refuses an upgrade with a plain HTTP answer on the raw socket. */
export function refuseUpgrade(socket: Duplex, code: number, message: string, body = ''): void {
  const payload =
    body || JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code });
  socket.end(
    `HTTP/1.1 ${code} ${message.replace(/[\r\n]/g, ' ')}\r\n` +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(payload)}\r\n` +
      'Connection: close\r\n\r\n' +
      payload,
  );
}

/**
 * Upstream handshakes go on connections of their own: an upgraded connection is the websocket's,
 * and one whose upgrade the upstream refused is closed rather than reused for other requests.
 */
const handshakeAgents = new WeakMap<Upstream, http.Agent>();
function handshakeAgent(upstream: Upstream): http.Agent {
  let agent = handshakeAgents.get(upstream);
  if (!agent) {
    agent =
      upstream.url.protocol === 'https:'
        ? new https.Agent({ ...upstream.tls, keepAlive: false })
        : new http.Agent({ keepAlive: false });
    handshakeAgents.set(upstream, agent);
  }
  return agent;
}

/** The largest message a browser may send (the app sends keystrokes, pointer events and pastes of 10,000 characters). */
export const MAX_CLIENT_MESSAGE = 1024 * 1024;
/** What may wait unsent towards one side before the websocket is closed as too slow (kube-apiserver drops slow watchers too). */
export const MAX_BUFFERED = 16 * 1024 * 1024;
const HANDSHAKE_TIMEOUT_MS = 30_000;

/**
 * Why a client's websocket handshake is malformed (as ws's server would refuse it), checked before
 * an upstream connection is opened; undefined when it is well formed.
 */
export function handshakeProblem(req: IncomingMessage): string | undefined {
  if (req.method !== 'GET') return 'a websocket handshake is a GET';
  if (req.headers.upgrade?.toLowerCase() !== 'websocket') return 'only websocket upgrades are served';
  if (req.headers['sec-websocket-version'] !== '13') return 'Sec-WebSocket-Version must be 13';
  if (!/^[+/0-9A-Za-z]{22}==$/.test(req.headers['sec-websocket-key'] ?? ''))
    return 'missing or malformed Sec-WebSocket-Key';
  if (offeredSubprotocols(req.headers['sec-websocket-protocol']) === null)
    return 'Sec-WebSocket-Protocol must list distinct tokens';
  return undefined;
}

/** Sends `data` on `to`, or closes both sides when `to` does not read what it is sent. */
function relay(data: RawData, isBinary: boolean, to: WebSocket, from: WebSocket): void {
  if (to.readyState !== WebSocket.OPEN) return;
  if (to.bufferedAmount > MAX_BUFFERED) {
    to.terminate();
    from.close(1013, 'the other side does not keep up');
    return;
  }
  to.send(data, { binary: isBinary });
}

/**
 * Proxies one websocket (watch, vnc, console): the upstream handshake is done first, so a refused
 * upstream upgrade reaches the browser with the upstream's status and body; then frames are
 * forwarded one by one, keeping their text/binary type. The client's handshake is checked first
 * (see handshakeProblem), and the upstream connection never outlives a client that leaves or
 * whose handshake fails.
 */
export function proxyWebSocket(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  upstream: Upstream,
  path: string,
  credentials: Record<string, string>,
  log: Logger,
  onOpen: (client: WebSocket) => void = () => {},
): void {
  const problem = handshakeProblem(req);
  if (problem) return refuseUpgrade(socket, 400, 'Bad Request', statusBody(400, problem));
  const target = new URL(path, upstream.url);
  target.protocol = target.protocol === 'https:' ? 'wss:' : 'ws:';
  // Subprotocols that carry a bearer token are neither forwarded nor echoed: the upstream's
  // identity is the configured one (headers are allow-listed the same way as for HTTP).
  const offered = offeredSubprotocols(req.headers['sec-websocket-protocol']) ?? [];
  const back = new WebSocket(target, offered, {
    // kube-apiserver serves websocket watches through golang.org/x/net/websocket, which refuses a
    // handshake without an Origin (403, empty body); the browser's is not forwarded, the API
    // server's own is sent, as a same-origin client of it would.
    headers: { ...forwardHeaders(req.headers, credentials), origin: upstream.url.origin },
    agent: handshakeAgent(upstream),
    perMessageDeflate: false,
    handshakeTimeout: HANDSHAKE_TIMEOUT_MS,
  });
  let clientSide: WebSocket | undefined;
  // Until the client's side is up, its socket going away (or never upgrading) ends the upstream side.
  // A browser that leaves before the upstream answered (a closed tab, a console switched off) ends
  // the upstream handshake too: not an upstream failure, so not logged as one.
  let clientLeft = false;
  const leave = () => {
    if (clientSide) return;
    clientLeft = true;
    back.terminate();
  };
  socket.on('error', leave);
  socket.on('close', leave);

  back.on('unexpected-response', (_r, answer) => {
    const chunks: Buffer[] = [];
    let size = 0;
    answer.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= 64 * 1024) chunks.push(c);
    });
    answer.on('end', () =>
      refuseUpgrade(
        socket,
        answer.statusCode ?? 502,
        answer.statusMessage ?? 'Bad Gateway',
        Buffer.concat(chunks).toString(),
      ),
    );
    answer.on('error', () => socket.destroy());
  });
  back.on('error', (err) => {
    if (clientLeft) return;
    log.warn('upstream websocket failed', { path: target.pathname, error: err.message });
    if (!clientSide) refuseUpgrade(socket, 502, 'Bad Gateway', '');
    else clientSide.close(1011, 'upstream error');
  });
  back.on('open', () => {
    if (socket.destroyed) return back.terminate();
    const wss = new WebSocketServer({
      noServer: true,
      perMessageDeflate: false,
      maxPayload: MAX_CLIENT_MESSAGE,
      handleProtocols: () => (offered.includes(back.protocol) ? back.protocol : false),
    });
    wss.handleUpgrade(req, socket, head, (client) => {
      clientSide = client;
      onOpen(client);
      const ping = setInterval(() => client.ping(), PING_INTERVAL_MS);
      client.on('message', (data: RawData, isBinary) => relay(data, isBinary, back, client));
      back.on('message', (data: RawData, isBinary) => relay(data, isBinary, client, back));
      client.on('close', (code, reason) => {
        clearInterval(ping);
        if (back.readyState === WebSocket.OPEN) back.close(sendableCloseCode(code), reason);
        else back.terminate();
      });
      back.on('close', (code, reason) => {
        clearInterval(ping);
        if (client.readyState === WebSocket.OPEN) client.close(sendableCloseCode(code), reason);
      });
      client.on('error', () => back.terminate());
    });
  });
}
