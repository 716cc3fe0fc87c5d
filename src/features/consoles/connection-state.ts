/**
 * The connection state of one console (VNC or serial), as a small explicit state machine.
 *
 *   connecting ──opened──▶ connected ──closed──▶ disconnected (reason)
 *       │                                           ▲
 *       └──closed before open──▶ checking ──diagnosed──┴──▶ not-running | busy | failed
 *
 * Every attempt has a number; events of an older attempt are ignored. A connection closed by
 * the user or taken over by another session is not reconnected automatically; any other end
 * is, when the VMI runs again (new uid, or phase back to Running).
 */

/** Why a connection attempt failed before the websocket opened, learnt from the VMI. */
export type Diagnosis =
  | { kind: 'not-found' }
  | { kind: 'not-running'; phase?: string }
  | { kind: 'no-device' }
  /** The VMI runs and has the device: with preserveSession, another session holds the console. */
  | { kind: 'busy' }
  | { kind: 'unknown'; message: string };

export type ConsoleState =
  | { status: 'connecting'; attempt: number; preserveSession: boolean }
  | { status: 'connected'; attempt: number; preserveSession: boolean }
  | { status: 'checking'; attempt: number; preserveSession: boolean }
  | { status: 'disconnected'; attempt: number; reason: string; autoReconnect: boolean }
  | { status: 'not-running'; attempt: number; notFound: boolean }
  | { status: 'busy'; attempt: number }
  | { status: 'failed'; attempt: number; diagnosis: Diagnosis };

export type ConsoleEvent =
  /** Connect by hand; `takeOver` connects without preserveSession (replacing another session). */
  | { type: 'connect'; takeOver?: boolean }
  | { type: 'disconnect' }
  | { type: 'opened'; attempt: number }
  | { type: 'closed'; attempt: number; code: number; reason: string }
  | { type: 'diagnosed'; attempt: number; diagnosis: Diagnosis }
  /** The VMI is running again after being away or restarted. */
  | { type: 'vmi-running' };

export const initialConsoleState: ConsoleState = { status: 'connecting', attempt: 1, preserveSession: true };

/** The close reasons virt-api (and the embedded cluster) give. */
export const REPLACED_REASON = 'Session replaced by a new connection';

const REFUSED = 'The server refused the connection.';

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

export function consoleReducer(s: ConsoleState, e: ConsoleEvent): ConsoleState {
  switch (e.type) {
    case 'connect':
      return next(s, !e.takeOver);
    case 'disconnect':
      if (s.status === 'connecting' || s.status === 'connected' || s.status === 'checking') {
        return { status: 'disconnected', attempt: s.attempt, reason: 'Disconnected by you.', autoReconnect: false };
      }
      return s;
    case 'opened':
      if (s.status !== 'connecting' || e.attempt !== s.attempt) return s;
      return { status: 'connected', attempt: s.attempt, preserveSession: s.preserveSession };
    case 'closed':
      if (e.attempt !== s.attempt) return s;
      if (s.status === 'connecting') return { status: 'checking', attempt: s.attempt, preserveSession: s.preserveSession };
      if (s.status === 'connected') {
        return {
          status: 'disconnected',
          attempt: s.attempt,
          reason: describeClose(e.code, e.reason),
          autoReconnect: e.reason !== REPLACED_REASON,
        };
      }
      return s;
    case 'diagnosed': {
      if (s.status !== 'checking' || e.attempt !== s.attempt) return s;
      const d = e.diagnosis;
      if (d.kind === 'not-found' || d.kind === 'not-running') {
        return { status: 'not-running', attempt: s.attempt, notFound: d.kind === 'not-found' };
      }
      if (d.kind === 'busy' && s.preserveSession) return { status: 'busy', attempt: s.attempt };
      const diagnosis: Diagnosis = d.kind === 'busy' ? { kind: 'unknown', message: REFUSED } : d;
      return { status: 'failed', attempt: s.attempt, diagnosis };
    }
    case 'vmi-running':
      if (s.status === 'not-running' || s.status === 'failed') return next(s, true);
      if (s.status === 'disconnected' && s.autoReconnect) return next(s, true);
      return s;
  }
}

/** Whether a websocket should be live in this state. */
export const isLive = (s: ConsoleState): boolean => s.status === 'connecting' || s.status === 'connected';

/** The status line shown (in a role=status element). */
export function statusText(s: ConsoleState, device: 'graphics' | 'serial'): string {
  switch (s.status) {
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
    case 'failed':
      return `Cannot connect: ${describeDiagnosis(s.diagnosis, device)}`;
  }
}
