/**
 * "Open in new tab" hands a connected console over to the new tab: the link carries a token; the
 * new tab asks, on a BroadcastChannel, for the session of that token; the tab holding it lets go
 * and answers, and the new tab connects without preserveSession (replacing, if it is still open,
 * the session its opener just gave up). No answer (the opener is gone or no longer connected):
 * the new tab connects as any other, and a session someone else holds is offered for take-over.
 */
import type { ConsoleKind } from './diagnose';

const CHANNEL = 'kubevirt-console-handover';

/** How long a new tab waits for its opener's answer before connecting as usual. */
export const HANDOVER_TIMEOUT_MS = 3000;

/** The query parameter of the standalone console's URL that carries the token. */
export const HANDOVER_PARAM = 'handover';

type Message =
  { type: 'claim'; token: string; kind: ConsoleKind } | { type: 'granted'; token: string; kind: ConsoleKind };

const openChannel = (): BroadcastChannel | undefined =>
  typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL);

const isMessage = (m: unknown): m is Message => {
  const o = m as Partial<Message> | null;
  return Boolean(
    o &&
    (o.type === 'claim' || o.type === 'granted') &&
    typeof o.token === 'string' &&
    (o.kind === 'vnc' || o.kind === 'serial'),
  );
};

/** A token for one console view's links ("Open in new tab"). */
export const newHandoverToken = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * The opener's side: while `listening`, a claim for `token` and `kind` calls `release` (which
 * disconnects this console) and answers it. Returns the function that stops listening.
 */
export function offerHandover(token: string, kind: ConsoleKind, release: () => void): () => void {
  const channel = openChannel();
  if (!channel) return () => undefined;
  channel.onmessage = (e: MessageEvent) => {
    const m: unknown = e.data;
    if (!isMessage(m) || m.type !== 'claim' || m.token !== token || m.kind !== kind) return;
    release();
    channel.postMessage({ type: 'granted', token, kind } satisfies Message);
  };
  return () => channel.close();
}

/**
 * The new tab's side: asks for the session of `token`; resolves true when the opener gave it up,
 * false when nobody answered in time (or the page left: `signal`).
 */
export function claimHandover(
  token: string,
  kind: ConsoleKind,
  signal: AbortSignal,
  timeoutMs = HANDOVER_TIMEOUT_MS,
): Promise<boolean> {
  const channel = openChannel();
  if (!channel) return Promise.resolve(false);
  return new Promise<boolean>((resolve) => {
    const done = (granted: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
      channel.close();
      resolve(granted);
    };
    const abort = () => done(false);
    const timer = setTimeout(() => done(false), timeoutMs);
    signal.addEventListener('abort', abort);
    channel.onmessage = (e: MessageEvent) => {
      const m: unknown = e.data;
      if (isMessage(m) && m.type === 'granted' && m.token === token && m.kind === kind) done(true);
    };
    channel.postMessage({ type: 'claim', token, kind } satisfies Message);
  });
}
