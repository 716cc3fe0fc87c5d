/**
 * For the tests of the real-stack tier: whether the binaries are there (and why not), and a
 * stack started from them with a given users file's users.
 */
import type { UserEntry } from '../cluster/auth/index.js';
import { findStack, projectRoot } from './find.js';
import { startStack, type Stack } from './index.js';

export { projectRoot };
export const found = findStack();
/** One line saying why the tier is skipped, or undefined when it runs. */
export const skipReason = found.bins ? undefined : `real-stack tier skipped: ${found.reason}`;

/** A base port for the stack when the environment gives one (helpers with port ranges), else free ports. */
function basePort(offset: number): number | undefined {
  const base = Number(process.env.KVC_STACK_PORT_BASE);
  return Number.isInteger(base) && base > 0 ? base + offset : undefined;
}

export async function startTestStack(users: UserEntry[], portOffset = 0, controllers?: string[]): Promise<Stack> {
  if (!found.bins) throw new Error(skipReason);
  return startStack({ bins: found.bins, projectRoot, users, port: basePort(portOffset), controllers });
}
