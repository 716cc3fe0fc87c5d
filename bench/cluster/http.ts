/** Minimal keep-alive HTTP helpers and statistics for the cluster benchmark. */
import { Agent, request, type IncomingMessage } from 'node:http';

export const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export interface Answer {
  status: number;
  text: string;
}

export function call(
  url: string,
  method = 'GET',
  body?: unknown,
  contentType = 'application/json',
  accept?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) {
      headers['content-type'] = contentType;
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    if (accept) headers.accept = accept;
    const req = request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Opens a streaming watch; `onLine` gets each JSON event line. Returns a stop function. */
export function openWatch(url: string, onLine: (line: string) => void): Promise<{ stop(): void }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET' }, (res: IncomingMessage) => {
      if (res.statusCode !== 200) reject(new Error(`watch answered ${res.statusCode}`));
      let buffer = '';
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        let nl = buffer.indexOf('\n');
        while (nl >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (line.trim()) onLine(line);
          nl = buffer.indexOf('\n');
        }
      });
      res.on('error', () => {});
      resolve({ stop: () => req.destroy() });
    });
    req.on('error', (e) => reject(e));
    req.end();
  });
}

export async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;
export const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
