/** Child processes of a real-stack run: started with their output in a log file, stopped in order. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface Proc {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** Set when the process has exited (code or signal). */
  exited?: string;
}

export function startProc(name: string, bin: string, args: string[], logFile: string): Proc {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const p: Proc = { name, child, logFile };
  child.on('exit', (code, signal) => {
    p.exited = signal ?? `exit ${code}`;
  });
  child.on('error', (e) => {
    p.exited = e.message;
  });
  return p;
}

/** The last lines of a process's log, for an error message. */
export function logTail(p: Proc, lines = 15): string {
  try {
    return readFileSync(p.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export async function stopProc(p: Proc, graceMs = 10_000): Promise<void> {
  if (p.exited || p.child.exitCode !== null) return;
  const done = new Promise<void>((resolve) => p.child.once('exit', () => resolve()));
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), graceMs);
  await done;
  clearTimeout(timer);
}

/** Polls `check` until it returns true; fails early when `proc` exits, or after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  proc: Proc | undefined,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc?.exited) throw new Error(`${proc.name} exited (${proc.exited}) before ${what}:\n${logTail(proc)}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${proc ? `:\n${logTail(proc)}` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A free loopback port chosen by the system (when no base port is given). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}
