/**
 * One console session per guest and kind, as KubeVirt does: a new connection closes the
 * previous one, unless the client asked to preserve a live session (`?preserveSession=true`),
 * in which case the route refuses the upgrade (see {@link preserveSessionRefusal}).
 */
import type { ConsoleKind } from '../types.js';

export interface ConsoleSession {
  close(code: number, reason: string): void;
}

/** Close code and reason sent to a session that a newer connection replaced. */
export const REPLACED_CLOSE_CODE = 1000;
export const REPLACED_CLOSE_REASON = 'Session replaced by a new connection';
/** Close code and reason when the guest goes away (powered off, VMI stopped or deleted). */
export const GUEST_GONE_CLOSE_CODE = 1000;
export const GUEST_GONE_CLOSE_REASON = 'The virtual machine is no longer running';

export class ConsoleSessions {
  private readonly active = new Map<ConsoleKind, ConsoleSession>();

  has(kind: ConsoleKind): boolean {
    return this.active.has(kind);
  }

  /**
   * Makes `session` the live one for `kind`, closing the previous one. Returns the release
   * function to call when `session` ends (it does nothing if a newer session took over).
   */
  claim(kind: ConsoleKind, session: ConsoleSession): () => void {
    const previous = this.active.get(kind);
    this.active.set(kind, session);
    if (previous) previous.close(REPLACED_CLOSE_CODE, REPLACED_CLOSE_REASON);
    return () => {
      if (this.active.get(kind) === session) this.active.delete(kind);
    };
  }

  /** Closes every session (guest destroyed). */
  closeAll(code: number = GUEST_GONE_CLOSE_CODE, reason: string = GUEST_GONE_CLOSE_REASON): void {
    const sessions = [...this.active.values()];
    this.active.clear();
    for (const s of sessions) s.close(code, reason);
  }
}

/**
 * What the subresource route must answer before upgrading when the request has
 * `preserveSession=true` and a session of that kind is live: HTTP 500 with this message
 * (KubeVirt's wording). `undefined` means the upgrade may go on.
 */
export function preserveSessionRefusal(
  sessions: ConsoleSessions,
  kind: ConsoleKind,
  preserveSession: boolean,
): { status: 500; message: string } | undefined {
  if (!preserveSession || !sessions.has(kind)) return undefined;
  const what = kind === 'vnc' ? 'VNC' : 'console';
  return { status: 500, message: `Active ${what} connection. Request denied.` };
}
