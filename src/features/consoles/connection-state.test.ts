import { describe, expect, it } from 'vitest';
import {
  canConnect,
  consoleReducer,
  initialConsoleState,
  isLive,
  REPLACED_REASON,
  statusText,
  type ConsoleEvent,
  type ConsoleState,
} from './connection-state';

/** Where a console is once the access review allowed it: connecting, attempt 1. */
const started: ConsoleState = consoleReducer(initialConsoleState(), { type: 'access', allowed: true });
const run = (events: ConsoleEvent[], from: ConsoleState = started) => events.reduce(consoleReducer, from);

describe('console connection state machine', () => {
  it('waits for the access review, then connects with preserveSession and becomes connected when the socket opens', () => {
    const waiting = initialConsoleState();
    expect(isLive(waiting)).toBe(false);
    expect(canConnect(waiting)).toBe(false);
    expect(statusText(waiting, 'graphics')).toBe('Checking access…');
    expect(started).toEqual({ status: 'connecting', attempt: 1, preserveSession: true });
    const s = run([{ type: 'opened', attempt: 1 }]);
    expect(s).toEqual({ status: 'connected', attempt: 1, preserveSession: true });
    expect(statusText(s, 'graphics')).toBe('Connected');
    expect(isLive(s)).toBe(true);
  });

  it('reports the server close reason of a live session and reconnects when the VMI runs again', () => {
    const s = run([
      { type: 'opened', attempt: 1 },
      { type: 'closed', attempt: 1, code: 1000, reason: 'The virtual machine is no longer running' },
    ]);
    expect(s).toMatchObject({ status: 'disconnected', autoReconnect: true });
    expect(statusText(s, 'serial')).toBe('Disconnected: The virtual machine is no longer running.');
    expect(isLive(s)).toBe(false);
    expect(consoleReducer(s, { type: 'vmi-running' })).toEqual({
      status: 'connecting',
      attempt: 2,
      preserveSession: true,
    });
  });

  it('does not reconnect by itself after a take-over by another session or a disconnect by hand', () => {
    const replaced = run([
      { type: 'opened', attempt: 1 },
      { type: 'closed', attempt: 1, code: 1000, reason: REPLACED_REASON },
    ]);
    expect(statusText(replaced, 'graphics')).toBe('Disconnected: Another session took over this console.');
    expect(consoleReducer(replaced, { type: 'vmi-running' })).toBe(replaced);

    const byHand = run([{ type: 'opened', attempt: 1 }, { type: 'disconnect' }]);
    expect(byHand).toMatchObject({ status: 'disconnected', autoReconnect: false });
    expect(consoleReducer(byHand, { type: 'vmi-running' })).toBe(byHand);
    expect(consoleReducer(byHand, { type: 'connect' })).toEqual({
      status: 'connecting',
      attempt: 2,
      preserveSession: true,
    });
  });

  it('checks why when the socket closes before opening, then shows the diagnosis', () => {
    const checking = run([{ type: 'closed', attempt: 1, code: 1006, reason: '' }]);
    expect(checking.status).toBe('checking');
    expect(isLive(checking)).toBe(false);

    const notRunning = consoleReducer(checking, {
      type: 'diagnosed',
      attempt: 1,
      diagnosis: { kind: 'not-running', phase: 'Succeeded' },
    });
    expect(notRunning).toEqual({ status: 'not-running', attempt: 1, notFound: false });
    expect(canConnect(notRunning)).toBe(true);
    expect(statusText(notRunning, 'graphics')).toBe('The virtual machine is not running.');
    expect(consoleReducer(notRunning, { type: 'vmi-running' }).status).toBe('connecting');

    const noDevice = consoleReducer(checking, { type: 'diagnosed', attempt: 1, diagnosis: { kind: 'no-device' } });
    expect(statusText(noDevice, 'graphics')).toMatch(/no graphics device \(autoattachGraphicsDevice is false\)/);
    expect(statusText(noDevice, 'serial')).toMatch(/no serial console/);
  });

  it('offers a take-over when a preserved session is refused, and takes over without preserveSession', () => {
    const busy = run([
      { type: 'closed', attempt: 1, code: 1006, reason: '' },
      { type: 'diagnosed', attempt: 1, diagnosis: { kind: 'busy' } },
    ]);
    expect(busy).toEqual({ status: 'busy', attempt: 1 });
    expect(statusText(busy, 'graphics')).toBe('Another session has this console open.');
    expect(consoleReducer(busy, { type: 'vmi-running' })).toBe(busy);
    const takeOver = consoleReducer(busy, { type: 'connect', takeOver: true });
    expect(takeOver).toEqual({ status: 'connecting', attempt: 2, preserveSession: false });

    // Refused without preserveSession: not a session conflict.
    const refused = run(
      [
        { type: 'closed', attempt: 2, code: 1006, reason: '' },
        { type: 'diagnosed', attempt: 2, diagnosis: { kind: 'busy' } },
      ],
      takeOver,
    );
    expect(refused.status).toBe('failed');
    expect(statusText(refused, 'graphics')).toBe('Cannot connect: The server refused the connection.');
  });

  it('ignores events of an older attempt', () => {
    const second = run([{ type: 'disconnect' }, { type: 'connect' }]);
    expect(second.attempt).toBe(2);
    expect(consoleReducer(second, { type: 'opened', attempt: 1 })).toBe(second);
    expect(consoleReducer(second, { type: 'closed', attempt: 1, code: 1006, reason: '' })).toBe(second);
    expect(consoleReducer(second, { type: 'diagnosed', attempt: 1, diagnosis: { kind: 'busy' } })).toBe(second);
  });

  it('describes abnormal closes without a reason', () => {
    const lost = run([
      { type: 'opened', attempt: 1 },
      { type: 'closed', attempt: 1, code: 1006, reason: '' },
    ]);
    expect(statusText(lost, 'serial')).toBe('Disconnected: The connection was lost.');
  });
});

describe('a user who may not open the console (403)', () => {
  it('never connects and says which permission is missing, with nothing to click', () => {
    const forbidden = consoleReducer(initialConsoleState(), { type: 'access', allowed: false });
    expect(forbidden).toEqual({ status: 'forbidden', attempt: 0 });
    expect(isLive(forbidden)).toBe(false);
    expect(canConnect(forbidden)).toBe(false);
    expect(consoleReducer(forbidden, { type: 'connect' })).toBe(forbidden);
    expect(consoleReducer(forbidden, { type: 'connect', takeOver: true })).toBe(forbidden);
    expect(consoleReducer(forbidden, { type: 'vmi-running' })).toBe(forbidden);
    expect(statusText(forbidden, 'graphics')).toBe(
      'You may not open this virtual machine\'s VNC console: it needs permission "get" on virtualmachineinstances/vnc in API group subresources.kubevirt.io.',
    );
    expect(statusText(forbidden, 'serial')).toMatch(
      /serial console: it needs permission "get" on virtualmachineinstances\/console in API group subresources\.kubevirt\.io\.$/,
    );
  });

  it('tells a refusal (403) from another session holding the console', () => {
    const checking = run([{ type: 'closed', attempt: 1, code: 1006, reason: '' }]);
    const refused = consoleReducer(checking, { type: 'diagnosed', attempt: 1, diagnosis: { kind: 'forbidden' } });
    expect(refused.status).toBe('forbidden');
    expect(statusText(refused, 'serial')).not.toMatch(/Another session/);
    const busy = consoleReducer(checking, { type: 'diagnosed', attempt: 1, diagnosis: { kind: 'busy' } });
    expect(statusText(busy, 'serial')).toBe('Another session has this console open.');
  });

  it('loses a live session when the permission goes, and connects again when it comes back', () => {
    const connected = run([{ type: 'opened', attempt: 1 }]);
    const forbidden = consoleReducer(connected, { type: 'access', allowed: false });
    expect(isLive(forbidden)).toBe(false);
    expect(consoleReducer(forbidden, { type: 'access', allowed: true })).toEqual({
      status: 'connecting',
      attempt: 2,
      preserveSession: true,
    });
  });
});

describe('handing the console over to a new tab ("Open in new tab")', () => {
  it('the new tab waits for the opener, then connects replacing the session the opener gave up', () => {
    const waiting = initialConsoleState(true);
    expect(statusText(waiting, 'graphics')).toBe('Taking the console over from the other tab…');
    const allowed = consoleReducer(waiting, { type: 'access', allowed: true });
    expect(allowed.status).toBe('waiting');
    expect(consoleReducer(allowed, { type: 'handover', granted: true })).toEqual({
      status: 'connecting',
      attempt: 1,
      preserveSession: false,
    });
    // The answer may come before the access review.
    const granted = consoleReducer(waiting, { type: 'handover', granted: true });
    expect(consoleReducer(granted, { type: 'access', allowed: true })).toEqual({
      status: 'connecting',
      attempt: 1,
      preserveSession: false,
    });
  });

  it('without an answer the new tab connects as any other, respecting another session', () => {
    const s = run(
      [
        { type: 'access', allowed: true },
        { type: 'handover', granted: false },
      ],
      initialConsoleState(true),
    );
    expect(s).toEqual({ status: 'connecting', attempt: 1, preserveSession: true });
  });

  it('the opener disconnects, saying where the console went, and does not reconnect by itself', () => {
    const opener = run([{ type: 'opened', attempt: 1 }, { type: 'handed-over' }]);
    expect(opener).toMatchObject({ status: 'disconnected', autoReconnect: false });
    expect(statusText(opener, 'serial')).toBe('Disconnected: The console moved to another tab.');
    expect(consoleReducer(opener, { type: 'closed', attempt: 1, code: 1000, reason: REPLACED_REASON })).toBe(opener);
    expect(consoleReducer(opener, { type: 'vmi-running' })).toBe(opener);
  });
});

describe('a restart whose events race the old session', () => {
  it('follows the new VMI when the old session closes after the new VMI was seen running', () => {
    const s = run([
      { type: 'opened', attempt: 1 },
      { type: 'vmi-running' },
      { type: 'closed', attempt: 1, code: 1000, reason: 'The virtual machine is no longer running' },
    ]);
    expect(s).toEqual({ status: 'connecting', attempt: 2, preserveSession: true });
  });

  it('tries the new VMI again when an attempt under way during the restart fails', () => {
    const s = run([{ type: 'vmi-running' }, { type: 'closed', attempt: 1, code: 1006, reason: '' }]);
    expect(s).toEqual({ status: 'connecting', attempt: 2, preserveSession: true });
    const checking = run([{ type: 'closed', attempt: 1, code: 1006, reason: '' }, { type: 'vmi-running' }]);
    expect(consoleReducer(checking, { type: 'diagnosed', attempt: 1, diagnosis: { kind: 'not-running' } }).status).toBe(
      'connecting',
    );
  });

  it('does not follow after a take-over by another session', () => {
    const s = run([
      { type: 'opened', attempt: 1 },
      { type: 'vmi-running' },
      { type: 'closed', attempt: 1, code: 1000, reason: REPLACED_REASON },
    ]);
    expect(s).toMatchObject({ status: 'disconnected', autoReconnect: false });
  });
});
