/** A minimal HTTPS client for setting up a real-stack run (CRDs, RBAC) as its admin. */
import { request } from 'node:https';

export interface ApiTarget {
  url: string;
  token: string;
  ca: string;
}

export interface ApiResponse {
  status: number;
  body: string;
  json: () => Record<string, unknown>;
}

export function apiRequest(
  t: ApiTarget,
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<ApiResponse> {
  const data = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, t.url),
      {
        method,
        ca: t.ca,
        headers: {
          authorization: `Bearer ${t.token}`,
          accept: 'application/json',
          ...(data !== undefined ? { 'content-type': contentType, 'content-length': Buffer.byteLength(data) } : {}),
        },
        timeout: 60_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text, json: () => JSON.parse(text) as Record<string, unknown> });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timed out`)));
    req.on('error', reject);
    req.end(data);
  });
}

/** Creates an object, or leaves it when it already exists; anything else is an error. */
export async function ensureCreated(t: ApiTarget, collectionPath: string, obj: unknown): Promise<void> {
  const r = await apiRequest(t, 'POST', collectionPath, obj);
  if (r.status === 201 || r.status === 200 || r.status === 409) return;
  throw new Error(`POST ${collectionPath}: ${r.status} ${r.body.slice(0, 2000)}`);
}
