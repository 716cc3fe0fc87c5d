/**
 * No QEMU outlives the server: each child is started through `setpriv --pdeathsig KILL` when
 * util-linux's setpriv is there (the kernel kills QEMU if Node dies, even by SIGKILL), and every
 * live child is killed when the Node process exits normally.
 */
import type { ChildProcess } from 'node:child_process';
import { findOnPath } from './guest-image.js';

const live = new Set<ChildProcess>();
let hooked = false;

function killAll(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

/** Tracks `child` until it exits; kills it if the server exits first. */
export function reapOnExit(child: ChildProcess): void {
  if (!hooked) {
    hooked = true;
    process.once('exit', killAll);
  }
  live.add(child);
  child.once('exit', () => live.delete(child));
}

/** `[command, args]` that runs `binary args` and dies with this process when setpriv allows it. */
export function dieWithParent(
  binary: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): [string, string[]] {
  const setpriv = findOnPath('setpriv', env);
  return setpriv ? [setpriv, ['--pdeathsig', 'KILL', '--', binary, ...args]] : [binary, args];
}
