/**
 * A minimal Chrome DevTools Protocol client for a child started with `--inspect=host:port`: forces
 * a full garbage collection, reads the V8 heap size, writes a heap snapshot. The cluster needs no
 * code of its own for this.
 */
import { createWriteStream } from 'node:fs';
import { WebSocket } from 'ws';

export class Inspector {
  private next = 1;
  private readonly pending = new Map<number, (r: unknown) => void>();
  private chunkSink?: (chunk: string) => void;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
        method?: string;
        params?: { chunk: string };
      };
      if (msg.method === 'HeapProfiler.addHeapSnapshotChunk') this.chunkSink?.(msg.params!.chunk);
      if (msg.id !== undefined) {
        this.pending.get(msg.id)?.(msg.error ? new Error(msg.error.message) : msg.result);
        this.pending.delete(msg.id);
      }
    });
  }

  /** Connects to the first target of the inspector at host:port. */
  static async connect(hostPort: string): Promise<Inspector> {
    const targets = (await (await fetch(`http://${hostPort}/json/list`)).json()) as Array<{
      webSocketDebuggerUrl: string;
    }>;
    const ws = new WebSocket(targets[0].webSocketDebuggerUrl, { perMessageDeflate: false, maxPayload: 1 << 30 });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new Inspector(ws);
  }

  async call<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    const answer = new Promise<unknown>((resolve) => this.pending.set(id, resolve));
    this.ws.send(JSON.stringify({ id, method, params }));
    const r = await answer;
    if (r instanceof Error) throw r;
    return r as T;
  }

  /** Two full collections (the second frees what finalizers of the first released). */
  async gc(): Promise<void> {
    await this.call('HeapProfiler.collectGarbage');
    await this.call('HeapProfiler.collectGarbage');
  }

  async heapUsed(): Promise<number> {
    return (await this.call<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
  }

  /** Writes a .heapsnapshot (open it in Chrome DevTools' Memory tab). */
  async snapshot(file: string): Promise<void> {
    const out = createWriteStream(file);
    this.chunkSink = (chunk) => out.write(chunk);
    await this.call('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    this.chunkSink = undefined;
    await new Promise<void>((resolve) => out.end(() => resolve()));
  }

  close(): void {
    this.ws.close();
  }
}
