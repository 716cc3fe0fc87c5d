/**
 * The connection state of one console (VNC or serial), as a small explicit state machine.
 *
 *   waiting ──access allowed (and hand-over answered)──▶ connecting ──opened──▶ connected ──closed──▶ disconnected (reason)
 *      │                                                    │                                              ▲
 *      └──access denied──▶ forbidden ◀──────────────────────┴──closed before open──▶ checking ──diagnosed──┴──▶ not-running | busy | failed
 *
 * Every attempt has a number; events of an older attempt are ignored. A connection closed by
 * the user, taken over by another session or handed over to another tab is not reconnected
 * automatically; any other end is, when the VMI runs again (new uid, or phase back to Running),
 * including when the VMI was replaced while the old session was still closing.
 */

/** Why a connection attempt failed before the websocket opened, learnt from the VMI and an access review. */
export type Diagnosis =
  | { kind: 'not-found' }
  | { kind: 'not-running'; phase?: string }
  | { kind: 'no-device' }
  /** The user may not open this console (the upgrade was refused with 403). */
  | { kind: 'forbidden' }
  /** The VMI runs, has the device and the user may connect: with preserveSession, another session holds the console. */
  | { kind: 'busy' }
  | { kind: 'unknown'; message: string };

/** What the first attempt waits for: the access review and, for a console handed over by another tab, its answer. */
export type Handover = 'pending' | 'granted' | 'none';

export type ConsoleState =
  | { status: 'waiting'; attempt: number; accessAllowed: boolean; handover: Handover }
  | { status: 'connecting'; attempt: number; preserveSession: boolean; vmiChanged?: boolean }
  | { status: 'connected'; attempt: number; preserveSession: boolean; vmiChanged?: boolean }
  | { status: 'checking'; attempt: number; preserveSession: boolean; vmiChanged?: boolean }
  | { status: 'disconnected'; attempt: number; reason: string; autoReconnect: boolean }
  | { status: 'not-running'; attempt: number; notFound: boolean }
  | { status: 'busy'; attempt: number }
  | { status: 'forbidden'; attempt: number }
  | { status: 'failed'; attempt: number; diagnosis: Diagnosis };

export type ConsoleEvent =
  /** Connect by hand; `takeOver` connects without preserveSession (replacing another session). */
  | { type: 'connect'; takeOver?: boolean }
  | { type: 'disconnect' }
  | { type: 'opened'; attempt: number }
  | { type: 'closed'; attempt: number; code: number; reason: string }
  | { type: 'diagnosed'; attempt: number; diagnosis: Diagnosis }
  /** The VMI is running again after being away or restarted (a new uid, or phase back to Running). */
  | { type: 'vmi-running' }
  /** The access review answered (a failed review counts as allowed: the connection attempt tells). */
  | { type: 'access'; allowed: boolean }
  /** The tab that opened this one gave its session up (granted) or did not answer (not granted). */
  | { type: 'handover'; granted: boolean }
  /** This console gave its session to a new tab ("Open in new tab"). */
  | { type: 'handed-over' };

/** Before the first attempt: waits for the access review, and for the opener's answer when handed over. */
export const initialConsoleState = (handedOver = false): ConsoleState => ({
  status: 'waiting',
  attempt: 0,
  accessAllowed: false,
  handover: handedOver ? 'pending' : 'none',
});

/** The close reasons virt-api (and the embedded cluster) give. */
export const REPLACED_REASON = 'Session replaced by a new connection';

const REFUSED = 'The server refused the connection.';
export const HANDED_OVER = 'The console moved to another tab.';

/** The permission KubeVirt checks for a console: `get` on virtualmachineinstances/vnc or /console. */
export const consoleSubresource = (device: 'graphics' | 'serial'): 'vnc' | 'console' =>
  device === 'graphics' ? 'vnc' : 'console';

/** A sentence for a websocket close of a live session. */
export function describeClose(code: number, reason: string): string {
  if (reason === REPLACED_REASON) return 'Another session took over this console.';
  if (reason) return reason.endsWith('.') ? reason : `${reason}.`;
  if (code === 1000) return 'The server closed the connection.';
  if (code === 1006) return 'The connection was lost.';
  return `The connection closed (code ${code}).`;
}

/** A sentence for a diagnosis, naming the console kind ("VNC", "serial"). */
export function describeDiagnosis(d: Diagnosis, device: 'graphics' | 'serial'): string {
  switch (d.kind) {
    case 'not-found':
      return 'The virtual machine is not running (it has no VirtualMachineInstance).';
    case 'not-running':
      return d.phase ? `The virtual machine is not running (phase ${d.phase}).` : 'The virtual machine is not running.';
    case 'no-device':
      return device === 'graphics'
        ? 'The virtual machine has no graphics device (autoattachGraphicsDevice is false).'
        : 'The virtual machine has no serial console (autoattachSerialConsole is false).';
    case 'forbidden':
      return (
        `You may not open this virtual machine's ${device === 'graphics' ? 'VNC' : 'serial'} console: it needs permission ` +
        `"get" on virtualmachineinstances/${consoleSubresource(device)} in API group subresources.kubevirt.io.`
      );
    case 'busy':
      return 'Another session has this console open.';
    case 'unknown':
      return d.message;
  }
}

const next = (s: ConsoleState, preserveSession: boolean): ConsoleState => ({
  status: 'connecting',
  attempt: s.attempt + 1,
  preserveSession,
});

/** The first attempt starts once access is allowed and any hand-over is answered. */
function startWhenReady(s: Extract<ConsoleState, { status: 'waiting' }>): ConsoleState {
  if (!s.accessAllowed || s.handover === 'pending') return s;
  // Handed over: the session still open is this user's other tab, which just gave it up.
  return next(s, s.handover !== 'granted');
}

export function consoleReducer(s: ConsoleState, e: ConsoleEvent): ConsoleState {
  switch (e.type) {
    case 'access':
      if (!e.allowed) return s.status === 'forbidden' ? s : { status: 'forbidden', attempt: s.attempt };
      if (s.status === 'waiting') return startWhenReady({ ...s, accessAllowed: true });
      // Allowed again (the role changed): try once more.
      if (s.status === 'forbidden') return next(s, true);
      return s;
    case 'handover':
      if (s.status !== 'waiting' || s.handover !== 'pending') return s;
      return startWhenReady({ ...s, handover: e.granted ? 'granted' : 'none' });
    case 'handed-over':
      if (s.status !== 'connecting' && s.status !== 'connected') return s;
      return { status: 'disconnected', attempt: s.attempt, reason: HANDED_OVER, autoReconnect: false };
    case 'connect':
      if (s.status === 'waiting' || s.status === 'forbidden') return s;
      return next(s, !e.takeOver);
    case 'disconnect':
      if (s.status === 'connecting' || s.status === 'connected' || s.status === 'checking') {
        return { status: 'disconnected', attempt: s.attempt, reason: 'Disconnected by you.', autoReconnect: false };
      }
      return s;
    case 'opened':
      if (s.status !== 'connecting' || e.attempt !== s.attempt) return s;
      return { ...s, status: 'connected' };
    case 'closed':
      if (e.attempt !== s.attempt) return s;
      if (s.status === 'connecting') {
        // The VMI was replaced while this attempt was under way: it may have reached the old one.
        if (s.vmiChanged) return next(s, s.preserveSession);
        return { status: 'checking', attempt: s.attempt, preserveSession: s.preserveSession };
      }
      if (s.status === 'connected') {
        const autoReconnect = e.reason !== REPLACED_REASON;
        // A new VMI already runs (its events came before this close): follow it now.
        if (autoReconnect && s.vmiChanged) return next(s, true);
        return { status: 'disconnected', attempt: s.attempt, reason: describeClose(e.code, e.reason), autoReconnect };
      }
      return s;
    case 'diagnosed': {
      if (s.status !== 'checking' || e.attempt !== s.attempt) return s;
      // The VMI changed while checking: the diagnosis may be about the old one; try the new one.
      if (s.vmiChanged) return next(s, s.preserveSession);
      const d = e.diagnosis;
      if (d.kind === 'not-found' || d.kind === 'not-running') {
        return { status: 'not-running', attempt: s.attempt, notFound: d.kind === 'not-found' };
      }
      if (d.kind === 'forbidden') return { status: 'forbidden', attempt: s.attempt };
      if (d.kind === 'busy' && s.preserveSession) return { status: 'busy', attempt: s.attempt };
      const diagnosis: Diagnosis = d.kind === 'busy' ? { kind: 'unknown', message: REFUSED } : d;
      return { status: 'failed', attempt: s.attempt, diagnosis };
    }
    case 'vmi-running':
      if (s.status === 'not-running' || s.status === 'failed') return next(s, true);
      if (s.status === 'disconnected' && s.autoReconnect) return next(s, true);
      // Remembered until this attempt ends: its close may still be on the way.
      if (s.status === 'connecting' || s.status === 'connected' || s.status === 'checking')
        return { ...s, vmiChanged: true };
      return s;
  }
}

/** Whether a websocket should be live in this state. */
export const isLive = (s: ConsoleState): boolean => s.status === 'connecting' || s.status === 'connected';

/** Whether "Connect" can do anything: not before the access review answered, never without the permission. */
export const canConnect = (s: ConsoleState): boolean =>
  !isLive(s) && s.status !== 'waiting' && s.status !== 'forbidden';

/** The status line shown (in a role=status element). */
export function statusText(s: ConsoleState, device: 'graphics' | 'serial'): string {
  switch (s.status) {
    case 'waiting':
      return s.handover === 'pending' ? 'Taking the console over from the other tab…' : 'Checking access…';
    case 'connecting':
      return 'Connecting…';
    case 'checking':
      return 'Connection failed; checking why…';
    case 'connected':
      return 'Connected';
    case 'disconnected':
      return `Disconnected: ${s.reason}`;
    case 'not-running':
      return describeDiagnosis(s.notFound ? { kind: 'not-found' } : { kind: 'not-running' }, device);
    case 'busy':
      return describeDiagnosis({ kind: 'busy' }, device);
    case 'forbidden':
      return describeDiagnosis({ kind: 'forbidden' }, device);
    case 'failed':
      return `Cannot connect: ${describeDiagnosis(s.diagnosis, device)}`;
  }
}
