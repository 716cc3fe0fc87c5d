import { describe, expect, it, vi } from 'vitest';
import type { V1beta1DataVolume } from '@kubevirt-ui-ext/kubevirt-api/containerized-data-importer';
import { UploadSession, type UploadIo } from './upload-session';

const dv = (phase: string, message?: string): V1beta1DataVolume =>
  ({
    metadata: { name: 'img', namespace: 'demo' },
    status: { phase, conditions: message ? [{ type: 'Running', status: 'False', message }] : [] },
  }) as V1beta1DataVolume;

class HttpError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** I/O whose sends the test finishes by hand. */
function fakeIo() {
  let clock = 0;
  const sends: {
    progress: (s: number, t: number) => void;
    resolve: () => void;
    reject: (e: unknown) => void;
    aborted: boolean;
  }[] = [];
  const io: UploadIo = {
    create: vi.fn(async () => {}),
    requestToken: vi.fn(async () => 'tok'),
    send: vi.fn((_token, onProgress) => {
      let resolve!: () => void;
      let reject!: (e: unknown) => void;
      const done = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      const entry = { progress: onProgress, resolve, reject, aborted: false };
      sends.push(entry);
      return {
        done,
        abort: () => {
          entry.aborted = true;
          reject(new DOMException('x', 'AbortError'));
        },
      };
    }),
    remove: vi.fn(async () => {}),
    now: () => clock,
    isAbort: (e) => e instanceof DOMException && e.name === 'AbortError',
    codeOf: (e) => (e instanceof HttpError ? e.code : undefined),
  };
  return { io, sends, tick: (ms: number) => (clock += ms) };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('UploadSession', () => {
  it('creates, waits for UploadReady, sends with progress and rate, then waits for Succeeded', async () => {
    const { io, sends, tick } = fakeIo();
    const s = new UploadSession(io);
    await s.start();
    expect(s.state).toEqual({ kind: 'waiting', phase: '' });
    s.observe(dv('UploadScheduled'));
    expect(s.state).toEqual({ kind: 'waiting', phase: 'UploadScheduled' });
    expect(io.requestToken).not.toHaveBeenCalled();
    s.observe(dv('UploadReady'));
    await flush();
    expect(io.send).toHaveBeenCalledWith('tok', expect.any(Function));
    sends[0].progress(0, 1000);
    tick(1000);
    sends[0].progress(400, 1000);
    expect(s.state).toEqual({ kind: 'uploading', sent: 400, total: 1000, rate: 400, secondsLeft: 1.5 });
    sends[0].resolve();
    await flush();
    expect(s.state).toEqual({ kind: 'processing', phase: 'UploadReady' });
    s.observe(dv('Succeeded'));
    expect(s.state).toEqual({ kind: 'succeeded' });
  });

  it('a dropped connection fails with a retry that asks for a new token and sends again', async () => {
    const { io, sends } = fakeIo();
    const s = new UploadSession(io);
    s.observe(dv('UploadReady'));
    await s.start();
    await flush();
    sends[0].progress(250, 1000);
    sends[0].reject(new HttpError(0, 'network'));
    await flush();
    expect(s.state).toMatchObject({
      kind: 'failed',
      canRetry: true,
      message: expect.stringContaining('dropped after 25%'),
    });
    s.retry();
    await flush();
    expect(io.requestToken).toHaveBeenCalledTimes(2);
    expect(sends).toHaveLength(2);
  });

  it("shows CDI's validation error, with no retry", async () => {
    const { io, sends } = fakeIo();
    const s = new UploadSession(io);
    s.observe(dv('UploadReady'));
    await s.start();
    await flush();
    sends[0].reject(
      new HttpError(400, 'Virtual image size 10737418240 is larger than the reported available storage 1073741824'),
    );
    await flush();
    expect(s.state).toEqual({
      kind: 'failed',
      canRetry: false,
      message:
        'CDI refused the image: Virtual image size 10737418240 is larger than the reported available storage 1073741824',
    });
  });

  it('cancel aborts the request; deleting removes what was created', async () => {
    const { io, sends } = fakeIo();
    const s = new UploadSession(io);
    s.observe(dv('UploadReady'));
    await s.start();
    await flush();
    s.cancel();
    await flush();
    expect(sends[0].aborted).toBe(true);
    expect(s.state).toEqual({ kind: 'canceled' });
    expect(s.created).toBe(true);
    await s.deleteVolume();
    expect(io.remove).toHaveBeenCalled();
    expect(s.state).toEqual({ kind: 'deleted' });
  });

  it('a create refused by the server fails before anything is sent; a failed DataVolume says why', async () => {
    const { io } = fakeIo();
    io.create = vi.fn(async () => {
      throw new Error('datavolumes.cdi.kubevirt.io "img" already exists');
    });
    const s = new UploadSession(io);
    await s.start();
    expect(s.state).toEqual({
      kind: 'failed',
      message: 'datavolumes.cdi.kubevirt.io "img" already exists',
      canRetry: false,
    });
    expect(s.created).toBe(false);

    const t = fakeIo();
    const s2 = new UploadSession(t.io);
    await s2.start();
    s2.observe(dv('Failed', 'Unable to bind PVC: no storage class'));
    expect(s2.state).toEqual({ kind: 'failed', message: 'Unable to bind PVC: no storage class', canRetry: false });
  });
});
