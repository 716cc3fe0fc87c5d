/**
 * What the kubelet keeps of its containers' output (the CRI log files under /var/log/pods): lines
 * with the time they were written, per pod and container, for `pods/log`. A container's log is
 * bounded as the kubelet's containerLogMaxSize bounds it (10 MiB by default): the oldest lines go.
 * Followers get each new line, and `null` once the container has exited.
 */
export interface LogLine {
  /** When the line was written (ms since the epoch). */
  time: number;
  /** The line, without its newline. */
  text: string;
}

export type LogListener = (line: LogLine | null) => void;

interface ContainerLog {
  lines: LogLine[];
  bytes: number;
  /** Output after the last newline (a line being written). */
  partial: string;
  ended: boolean;
  listeners: Set<LogListener>;
}

const DEFAULT_MAX_BYTES = 10 * 2 ** 20;

export class ContainerLogs {
  private readonly pods = new Map<string, Map<string, ContainerLog>>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxBytes = DEFAULT_MAX_BYTES,
  ) {}

  private log(podUid: string, container: string): ContainerLog {
    let pod = this.pods.get(podUid);
    if (!pod) this.pods.set(podUid, (pod = new Map()));
    let log = pod.get(container);
    if (!log) pod.set(container, (log = { lines: [], bytes: 0, partial: '', ended: false, listeners: new Set() }));
    return log;
  }

  /** Writes whole lines (a trailing newline is implied). */
  writeLine(podUid: string, container: string, text: string): void {
    const log = this.log(podUid, container);
    if (log.ended) return;
    for (const line of text.split('\n')) this.push(log, line);
  }

  /** Writes raw output: lines end at newlines; the rest waits for its newline. */
  write(podUid: string, container: string, data: string): void {
    const log = this.log(podUid, container);
    if (log.ended) return;
    const parts = (log.partial + data).split('\n');
    log.partial = parts.pop() ?? '';
    for (const line of parts) this.push(log, line);
  }

  private push(log: ContainerLog, text: string): void {
    const line = { time: this.now(), text };
    log.lines.push(line);
    log.bytes += text.length + 1;
    while (log.bytes > this.maxBytes && log.lines.length > 1) log.bytes -= (log.lines.shift()?.text.length ?? 0) + 1;
    for (const l of log.listeners) l(line);
  }

  /** The pod's containers exited: what is being written is flushed, followers are told. */
  end(podUid: string): void {
    for (const log of this.pods.get(podUid)?.values() ?? []) {
      if (log.ended) continue;
      if (log.partial) this.push(log, log.partial);
      log.partial = '';
      log.ended = true;
      for (const l of log.listeners) l(null);
      log.listeners.clear();
    }
  }

  /** The pod is gone (its log files are removed with it). */
  forget(podUid: string): void {
    this.end(podUid);
    this.pods.delete(podUid);
  }

  lines(podUid: string, container: string): readonly LogLine[] {
    return this.pods.get(podUid)?.get(container)?.lines ?? [];
  }

  /** Calls `listener` with each new line, then `null` when the container has exited; returns the unsubscribe. */
  follow(podUid: string, container: string, listener: LogListener): () => void {
    const log = this.log(podUid, container);
    if (log.ended) {
      listener(null);
      return () => undefined;
    }
    log.listeners.add(listener);
    return () => log.listeners.delete(listener);
  }
}
