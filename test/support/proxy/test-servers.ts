// Servers and a raw client for the proxy's tests: the raw client writes bytes exactly as given
// (a client library would frame, encode or normalize them and hide the bug under test).
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { createConsoleServer, type ConsoleServerOptions } from '../../../server/proxy/app.js';
import { passThroughUpstream, type Upstream } from '../../../server/proxy/upstream.js';
import { silentLogger } from '../../../server/proxy/log.js';

export interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Running {
  url: string;
  port: number;
  close: () => Promise<void>;
}

export async function listen(server: http.Server): Promise<Running> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * An API server stand-in that records every request its HTTP parser reads, on whatever
 * connection, and answers each with `{}` (or with `answer`).
 */
export async function recordingUpstream(answer?: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const seen: Recorded[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    sockets.add(req.socket);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('latin1'),
      });
      if (answer) answer(req, res);
      else res.end('{}');
    });
  });
  const running = await listen(server);
  return { ...running, server, seen, sockets };
}

export type ConsoleOptions = Partial<ConsoleServerOptions>;

/** A console in front of `upstreamUrl` (pass-through credentials unless `upstream` is given). */
export async function startConsole(
  upstreamUrl: string,
  opts: ConsoleOptions = {},
): Promise<Running & { upstream: Upstream }> {
  const upstream = opts.upstream ?? passThroughUpstream(upstreamUrl, 'test');
  const { server } = createConsoleServer({ log: silentLogger, maxBodyBytes: 64 * 1024, ...opts, upstream });
  return { ...(await listen(server)), upstream };
}

/**
 * Writes `bytes` on a new connection and returns everything the server sends until it closes the
 * connection (requests end with `Connection: close`) or `done` says the answer is complete.
 */
export function raw(port: number, bytes: string, done: (received: string) => boolean = () => false): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (done(received)) socket.destroy();
    });
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
    socket.write(bytes, 'latin1');
  });
}

/** The status code of the first answer in a raw exchange. */
export const statusOf = (answer: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

/** One chunk of a chunked body. */
export const chunk = (data: string): string => `${Buffer.byteLength(data, 'latin1').toString(16)}\r\n${data}\r\n`;

/** Status codes of several raw GETs (each on its own connection) of `paths`. */
export async function rawStatuses(
  port: number,
  paths: string[],
  headers = 'Host: 127.0.0.1\r\n',
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const p of paths) out[p] = statusOf(await raw(port, `GET ${p} HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`));
  return out;
}
