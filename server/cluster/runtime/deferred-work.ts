/**
 * Work deferred to the next turn of the event loop, each key at most once while queued: what the
 * in-process garbage collector and namespace controller do after a commit, outside the write.
 */
import { isStatusError } from '../store/status.js';
import { errorFields, type ClusterLog } from '../log.js';

export class DeferredWork {
  private queued = new Set<string>();
  private timer: NodeJS.Immediate | null = null;
  private work: (() => void)[] = [];

  /** `name` labels failures in the log; 404 and 409 (the object moved on) are not failures. */
  constructor(
    private readonly name: string,
    private readonly log: ClusterLog,
  ) {}

  later(key: string, fn: () => void): void {
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.work.push(() => {
      this.queued.delete(key);
      fn();
    });
    this.timer ??= setImmediate(() => this.run());
  }

  stop(): void {
    if (this.timer) clearImmediate(this.timer);
    this.timer = null;
    this.work = [];
    this.queued.clear();
  }

  private run(): void {
    this.timer = null;
    const batch = this.work;
    this.work = [];
    for (const fn of batch) {
      try {
        fn();
      } catch (e) {
        if (!(isStatusError(e) && (e.code === 404 || e.code === 409))) this.log(this.name, errorFields(e));
      }
    }
  }
}
