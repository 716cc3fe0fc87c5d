import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer, type RawData } from 'ws';
import type { Upstream } from './upstream.js';
import { forwardHeaders } from './http-proxy.js';
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

/** True when a browser's Origin is this server's own; clients without an Origin are not browsers. */
export function originAllowed(req: IncomingMessage, allowedOrigins: string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const host = req.headers['x-forwarded-host'] ?? req.headers.host;
  const own = ['http', 'https'].map((scheme) => `${scheme}://${host}`);
  return own.includes(origin) || allowedOrigins.includes(origin);
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
  const offered = (req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const headers = forwardHeaders(req.headers, credentials);
  for (const name of Object.keys(headers)) if (name.startsWith('sec-websocket')) delete headers[name];
  const back = new WebSocket(target, offered, {
    headers: headers as Record<string, string>,
    agent: upstream.agent,
    perMessageDeflate: false,
  });
  let clientSide: WebSocket | undefined;
  socket.on('error', () => back.terminate());

  back.on('unexpected-response', (_r, answer) => {
    const chunks: Buffer[] = [];
    answer.on('data', (c: Buffer) => chunks.push(c));
    answer.on('end', () => refuseUpgrade(socket, answer.statusCode ?? 502, answer.statusMessage ?? 'Bad Gateway', Buffer.concat(chunks).toString()));
    answer.on('error', () => socket.destroy());
  });
  back.on('error', (err) => {
    log.warn('upstream websocket failed', { path: target.pathname, error: err.message });
    if (!clientSide) refuseUpgrade(socket, 502, 'Bad Gateway', '');
    else clientSide.close(1011, 'upstream error');
  });
  back.on('open', () => {
    const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, handleProtocols: () => back.protocol || false });
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
