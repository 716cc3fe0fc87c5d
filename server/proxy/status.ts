import type { ServerResponse } from 'node:http';

/** Writes a Kubernetes v1 Status, so the browser sees proxy errors in the same shape as API errors. */
export function sendStatus(res: ServerResponse, code: number, reason: string, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = statusBody(code, message, reason);
  res.writeHead(code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** A Kubernetes v1 Status failure as JSON text. */
export function statusBody(code: number, message: string, reason?: string): string {
  return JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code });
}
