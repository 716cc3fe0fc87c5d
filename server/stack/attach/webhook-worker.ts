/**
 * The webhook server (webhooks.ts) on its own thread: kube-apiserver calls it while a controller of
 * the main thread waits, synchronously, for the answer to the very write under review
 * (sync-http.ts); on the main thread the two would wait for each other until the webhook timeout.
 */
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { review } from './webhooks.js';

const MAX_BODY = 3 * 1024 * 1024;
const { cert, key } = workerData as { cert: string; key: string };

const server = createServer({ cert, key }, (req, res) => {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size > MAX_BODY) req.destroy();
    else chunks.push(c);
  });
  req.on('end', () => {
    try {
      const path = new URL(req.url ?? '/', 'https://webhook').pathname;
      const out = JSON.stringify(review(path, JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      res.writeHead(200, { 'content-type': 'application/json' }).end(out);
    } catch (e) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(e instanceof Error ? e.message : String(e));
    }
  });
});
server.listen(0, '127.0.0.1', () => parentPort?.postMessage({ port: (server.address() as AddressInfo).port }));
parentPort?.on('message', (m: unknown) => {
  if (m === 'close') server.close(() => process.exit(0));
});
