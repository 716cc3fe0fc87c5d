/**
 * A controller that follows the store's commits in process (the garbage collector, the namespace
 * controller): it subscribes on start, unsubscribes on stop, and defers its work past the commit.
 */
import type { Commit, Store } from '../store/index.js';
import type { ClusterLog } from '../log.js';
import { DeferredWork } from './deferred-work.js';

export abstract class CommitFollower {
  protected readonly work: DeferredWork;
  private unsubscribe?: () => void;

  constructor(
    private readonly commits: Pick<Store, 'onCommit'>,
    name: string,
    log: ClusterLog,
  ) {
    this.work = new DeferredWork(name, log);
  }

  start(): void {
    this.unsubscribe ??= this.commits.onCommit((c) => this.onCommit(c));
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.work.stop();
  }

  /** Called synchronously by the store for each committed change; real work goes through `work`. */
  protected abstract onCommit(c: Commit): void;
}
