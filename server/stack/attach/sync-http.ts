/**
 * Synchronous HTTPS requests to a kube-apiserver, for the controllers' `ClusterClient` (whose verbs
 * answer at once, as the embedded store's do): a worker thread makes the request with Node's own
 * https client while the caller waits on a shared-memory flag (Atomics.wait), then takes the answer
 * from the worker's message port. Only the calling thread blocks, and only for one request.
 */
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

export interface SyncRequest {
  method: string;
  /** Path and query, e.g. /api/v1/namespaces/default/pods?fieldManager=x */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface SyncResponse {
  status: number;
  body: string;
}

/** The worker: one keep-alive agent, one request at a time, the answer posted then the flag raised. */
const WORKER = `
const { workerData } = require('node:worker_threads');
const https = require('node:https');
const { port, flag, url, ca } = workerData;
const agent = new https.Agent({ keepAlive: true, ca, maxSockets: 4 });
const signal = new Int32Array(flag);
port.on('message', (req) => {
  const done = (res) => {
    port.postMessage(res);
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  };
  // an explicit length: Node sends a DELETE body without one, and the server would read it as the next request
  const headers = req.body === undefined ? req.headers : { ...req.headers, 'content-length': Buffer.byteLength(req.body) };
  const r = https.request(new URL(req.path, url), { method: req.method, agent, headers, timeout: req.timeoutMs }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => done({ status: res.statusCode || 0, body: Buffer.concat(chunks).toString('utf8') }));
    res.on('error', (e) => done({ error: String(e && e.message) }));
  });
  r.on('timeout', () => r.destroy(new Error(req.method + ' ' + req.path + ': timed out')));
  r.on('error', (e) => done({ error: String(e && e.message) }));
  r.end(req.body);
});
`;

export class SyncHttp {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));

  constructor(
    url: string,
    ca: string,
    private readonly timeoutMs = 30_000,
  ) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(WORKER, {
      eval: true,
      workerData: { port: port2, flag: this.flag.buffer, url, ca },
      transferList: [port2],
    });
    this.worker.unref();
  }

  request(req: SyncRequest): SyncResponse {
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage({ ...req, timeoutMs: this.timeoutMs });
    // the worker's own timeout answers first; this one only guards against a dead worker
    if (Atomics.wait(this.flag, 0, 0, this.timeoutMs + 5_000) === 'timed-out')
      throw new Error(`${req.method} ${req.path}: no answer from the request worker`);
    const msg = receiveMessageOnPort(this.port)?.message as (SyncResponse & { error?: string }) | undefined;
    if (!msg) throw new Error(`${req.method} ${req.path}: the request worker sent nothing`);
    if (msg.error !== undefined) throw new Error(`${req.method} ${req.path}: ${msg.error}`);
    return msg;
  }

  close(): Promise<number> {
    this.port.close();
    return this.worker.terminate();
  }
}
