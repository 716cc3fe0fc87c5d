/**
 * A QMP (QEMU Machine Protocol) client over a unix socket: reads the greeting, negotiates
 * capabilities, runs commands (`system_powerdown`, `stop`, `cont`, `screendump`, ...) and
 * emits QEMU's asynchronous events (SHUTDOWN, RESET, STOP, RESUME, GUEST_PANICKED ...).
 */
import { EventEmitter } from 'node:events';
import { connect, type Socket } from 'node:net';

export interface QmpEvent {
  event: string;
  data?: Record<string, unknown>;
  timestamp?: { seconds: number; microseconds: number };
}

export class QmpError extends Error {
  constructor(
    readonly errorClass: string,
    message: string,
  ) {
    super(message);
    this.name = 'QmpError';
  }
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

interface QmpMessage {
  QMP?: unknown;
  event?: string;
  data?: Record<string, unknown>;
  timestamp?: QmpEvent['timestamp'];
  return?: unknown;
  error?: { class?: string; desc?: string };
  id?: unknown;
}

export interface QmpClientEvents {
  event: [event: QmpEvent];
  close: [];
}

export class QmpClient extends EventEmitter<QmpClientEvents> {
  private buffer = '';
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private greeting: ((err?: Error) => void) | undefined;
  private closed = false;

  private constructor(private readonly socket: Socket) {
    super();
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.receive(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.onClose());
  }

  /** Connects, waits for the greeting and leaves negotiation mode (`qmp_capabilities`). */
  static async connect(socketPath: string, timeoutMs = 10_000): Promise<QmpClient> {
    const socket = connect(socketPath);
    const client = new QmpClient(socket);
    const timer = setTimeout(
      () => socket.destroy(new Error(`QMP: no greeting on ${socketPath} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    try {
      await new Promise<void>((resolve, reject) => {
        client.greeting = (err) => (err ? reject(err) : resolve());
        socket.once('error', reject);
      });
      await client.execute('qmp_capabilities');
      return client;
    } catch (err) {
      socket.destroy();
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Runs a command; resolves with its `return` value, rejects with a {@link QmpError}. */
  execute<T = unknown>(command: string, args?: Record<string, unknown>): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`QMP: connection closed (${command})`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (v) => resolve(v as T), reject });
      this.socket.write(JSON.stringify({ execute: command, ...(args ? { arguments: args } : {}), id }) + '\r\n');
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl).trim();
      this.buffer = this.buffer.slice(nl + 1);
      if (line) this.handle(line);
    }
  }

  private handle(line: string): void {
    let msg: QmpMessage;
    try {
      msg = JSON.parse(line) as QmpMessage;
    } catch {
      return;
    }
    if (msg.QMP !== undefined) {
      this.greeting?.();
      this.greeting = undefined;
      return;
    }
    if (msg.event) {
      this.emit('event', { event: msg.event, data: msg.data, timestamp: msg.timestamp });
      return;
    }
    const pending = typeof msg.id === 'number' ? this.pending.get(msg.id) : undefined;
    if (!pending) return;
    this.pending.delete(msg.id as number);
    if (msg.error) pending.reject(new QmpError(msg.error.class ?? 'GenericError', msg.error.desc ?? 'QMP error'));
    else pending.resolve(msg.return);
  }

  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.greeting?.(new Error('QMP: connection closed before the greeting'));
    this.greeting = undefined;
    for (const p of this.pending.values()) p.reject(new Error('QMP: connection closed'));
    this.pending.clear();
    this.emit('close');
  }
}
