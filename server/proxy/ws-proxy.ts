import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer, type RawData } from 'ws';
import type { Upstream } from './upstream.js';
import { forwardHeaders, offeredSubprotocols } from './headers.js';
import type { Logger } from './log.js';

const PING_INTERVAL_MS = 30_000;

/** A close code that may be sent on the wire (1005, 1006 and 1015 are reserved for local use). */
export function sendableCloseCode(code: number): number {
  const ok = (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
  return ok ? code : 1000;
}

/** Refuses an upgrade with a plain HTTP answer on the raw socket. */
export function refuseUpgrade(socket: Duplex, code: number, message: string, body = ''): void {
  const payload = body || JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code });
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
    agent = upstream.url.protocol === 'https:' ? new https.Agent({ ...upstream.tls, keepAlive: false }) : new http.Agent({ keepAlive: false });
    handshakeAgents.set(upstream, agent);
  }
  return agent;
}

/**
 * Proxies one websocket (watch, vnc, console): the upstream handshake is done first, so a refused
 * upstream upgrade reaches the browser with the upstream's status and body; then frames are
 * forwarded one by one, keeping their text/binary type.
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
  const target = new URL(path, upstream.url);
  target.protocol = target.protocol === 'https:' ? 'wss:' : 'ws:';
  // Subprotocols that carry a bearer token are neither forwarded nor echoed: the upstream's
  // identity is the configured one (headers are allow-listed the same way as for HTTP).
  const offered = offeredSubprotocols(req.headers['sec-websocket-protocol']);
  const back = new WebSocket(target, offered, {
    headers: forwardHeaders(req.headers, credentials),
    agent: handshakeAgent(upstream),
    perMessageDeflate: false,
  });
  let clientSide: WebSocket | undefined;
  socket.on('error', () => back.terminate());

  back.on('unexpected-response', (_r, answer) => {
    const chunks: Buffer[] = [];
    let size = 0;
    answer.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= 64 * 1024) chunks.push(c);
    });
    answer.on('end', () => refuseUpgrade(socket, answer.statusCode ?? 502, answer.statusMessage ?? 'Bad Gateway', Buffer.concat(chunks).toString()));
    answer.on('error', () => socket.destroy());
  });
  back.on('error', (err) => {
    log.warn('upstream websocket failed', { path: target.pathname, error: err.message });
    if (!clientSide) refuseUpgrade(socket, 502, 'Bad Gateway', '');
    else clientSide.close(1011, 'upstream error');
  });
  back.on('open', () => {
    const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, handleProtocols: () => (offered.includes(back.protocol) ? back.protocol : false) });
    wss.handleUpgrade(req, socket, head, (client) => {
      clientSide = client;
      onOpen(client);
      const ping = setInterval(() => client.ping(), PING_INTERVAL_MS);
      client.on('message', (data: RawData, isBinary) => {
        if (back.readyState === WebSocket.OPEN) back.send(data, { binary: isBinary });
      });
      back.on('message', (data: RawData, isBinary) => {
        if (client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
      });
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
