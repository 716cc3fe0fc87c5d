/**
 * One upload from the browser to CDI, step by step: create the upload DataVolume (and the
 * DataSource that lists it), wait for CDI to say UploadReady, ask for a token, send the bytes,
 * then wait for the DataVolume to succeed. Cancel, retry and delete are steps too. Plain
 * TypeScript with its I/O injected, so tests drive it without a browser; the dialog subscribes.
 */
import type { V1beta1DataVolume } from '@kubevirt-ui-ext/kubevirt-api/containerized-data-importer';
import { addSample, rateOf, secondsLeft, type Sample } from '../model/transfer-rate';

export type UploadStage =
  | { kind: 'idle' }
  | { kind: 'creating' }
  | { kind: 'waiting'; phase: string }
  | { kind: 'uploading'; sent: number; total: number; rate?: number; secondsLeft?: number }
  | { kind: 'processing'; phase: string }
  | { kind: 'succeeded' }
  | { kind: 'failed'; message: string; canRetry: boolean }
  | { kind: 'canceled' }
  | { kind: 'deleted' };

export interface UploadIo {
  /** Creates the DataVolume, then the DataSource when asked; rejects with the server's error. */
  create: () => Promise<void>;
  requestToken: () => Promise<string>;
  send: (
    token: string,
    onProgress: (sent: number, total: number) => void,
  ) => { done: Promise<void>; abort: () => void };
  /** Deletes what create made. */
  remove: () => Promise<void>;
  now: () => number;
  isAbort: (e: unknown) => boolean;
  /** The HTTP code of a failed request (0: no answer), undefined when it is not an HTTP failure. */
  codeOf: (e: unknown) => number | undefined;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The Ready/Running condition's message, for a DataVolume that failed. */
function dataVolumeProblem(dv: V1beta1DataVolume): string {
  const conds = dv.status?.conditions ?? [];
  const said = conds.find((c) => c.type === 'Running' && c.message) ?? conds.find((c) => c.message);
  return said?.message ?? `The DataVolume is ${dv.status?.phase ?? 'failed'}`;
}

export class UploadSession {
  private stage: UploadStage = { kind: 'idle' };
  private listeners = new Set<() => void>();
  private running?: { abort: () => void };
  private samples: Sample[] = [];
  private phase = '';
  /** Whether the DataVolume exists (so cancel and failures offer to delete it). */
  created = false;

  constructor(private readonly io: UploadIo) {}

  get state(): UploadStage {
    return this.stage;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(stage: UploadStage) {
    this.stage = stage;
    for (const l of this.listeners) l();
  }

  /** Creates the objects; the bytes go once the watched DataVolume says UploadReady. */
  async start(): Promise<void> {
    if (this.stage.kind !== 'idle') return;
    this.set({ kind: 'creating' });
    try {
      await this.io.create();
      this.created = true;
      this.set({ kind: 'waiting', phase: this.phase });
      if (this.phase === 'UploadReady') void this.send();
    } catch (e) {
      this.set({ kind: 'failed', message: messageOf(e), canRetry: false });
    }
  }

  /** The watched DataVolume changed: move on when CDI is ready for the bytes, or done with them. */
  observe(dv: V1beta1DataVolume | undefined): void {
    const phase = dv?.status?.phase ?? '';
    this.phase = phase;
    const s = this.stage;
    if (!dv) return;
    if (phase === 'Failed' && (s.kind === 'waiting' || s.kind === 'processing')) {
      this.set({ kind: 'failed', message: dataVolumeProblem(dv), canRetry: false });
    } else if (s.kind === 'waiting') {
      if (phase === 'UploadReady') void this.send();
      else this.set({ kind: 'waiting', phase });
    } else if (s.kind === 'processing') {
      if (phase === 'Succeeded') this.set({ kind: 'succeeded' });
      else this.set({ kind: 'processing', phase });
    }
  }

  private async send(): Promise<void> {
    this.samples = [];
    this.set({ kind: 'uploading', sent: 0, total: 0 });
    let token: string;
    try {
      token = await this.io.requestToken();
    } catch (e) {
      this.set({ kind: 'failed', message: `CDI gave no upload token: ${messageOf(e)}`, canRetry: true });
      return;
    }
    if (this.stage.kind !== 'uploading') return; // cancelled while asking
    const running = this.io.send(token, (sent, total) => this.progress(sent, total));
    this.running = running;
    try {
      await running.done;
      this.running = undefined;
      if (this.phase === 'Succeeded') this.set({ kind: 'succeeded' });
      else this.set({ kind: 'processing', phase: this.phase });
    } catch (e) {
      this.running = undefined;
      if (this.io.isAbort(e)) return; // cancel() already said so
      this.set(this.failure(e));
    }
  }

  private progress(sent: number, total: number) {
    if (this.stage.kind !== 'uploading') return;
    this.samples = addSample(this.samples, { at: this.io.now(), bytes: sent });
    const rate = rateOf(this.samples);
    this.set({ kind: 'uploading', sent, total, rate, secondsLeft: secondsLeft(sent, total, rate) });
  }

  private failure(e: unknown): UploadStage {
    const code = this.io.codeOf(e);
    const sent = this.stage.kind === 'uploading' ? this.stage : undefined;
    if (code === 0) {
      const where = sent && sent.total ? ` after ${Math.floor((sent.sent / sent.total) * 100)}% of the file` : '';
      return {
        kind: 'failed',
        message: `The connection dropped${where}. CDI keeps the DataVolume waiting for an upload: retry sends the file again.`,
        canRetry: true,
      };
    }
    const text = messageOf(e);
    if (code === 401) return { kind: 'failed', message: `CDI refused the upload token: ${text}`, canRetry: true };
    if (code === 503 || code === 502)
      return { kind: 'failed', message: `CDI's upload proxy is not ready: ${text}`, canRetry: true };
    return { kind: 'failed', message: `CDI refused the image: ${text}`, canRetry: false };
  }

  /** Stops sending (or waiting); what exists stays until deleteVolume or the user keeps it. */
  cancel(): void {
    const k = this.stage.kind;
    if (k !== 'waiting' && k !== 'uploading' && k !== 'processing' && k !== 'creating') return;
    this.running?.abort();
    this.running = undefined;
    this.set({ kind: 'canceled' });
  }

  /** Sends again after a failure that may pass on a second try. */
  retry(): void {
    if (this.stage.kind !== 'failed' && this.stage.kind !== 'canceled') return;
    if (this.phase === 'UploadReady') void this.send();
    else this.set({ kind: 'waiting', phase: this.phase });
  }

  async deleteVolume(): Promise<void> {
    await this.io.remove();
    this.created = false;
    this.set({ kind: 'deleted' });
  }
}
