import { describe, expect, it } from 'vitest';
import {
  consoleReducer,
  initialConsoleState,
  isLive,
  REPLACED_REASON,
  statusText,
  type ConsoleEvent,
  type ConsoleState,
} from './connection-state';

const run = (events: ConsoleEvent[], from: ConsoleState = initialConsoleState) => events.reduce(consoleReducer, from);

describe('console connection state machine', () => {
  it('starts connecting with preserveSession and becomes connected when the socket opens', () => {
    expect(initialConsoleState).toEqual({ status: 'connecting', attempt: 1, preserveSession: true });
    const s = run([{ type: 'opened', attempt: 1 }]);
    expect(s).toEqual({ status: 'connected', attempt: 1, preserveSession: true });
    expect(statusText(s, 'graphics')).toBe('Connected');
    expect(isLive(s)).toBe(true);
  });

  it('reports the server close reason of a live session and reconnects when the VMI runs again', () => {
    const s = run([{ type: 'opened', attempt: 1 }, { type: 'closed', attempt: 1, code: 1000, reason: 'The virtual machine is no longer running' }]);
    expect(s).toMatchObject({ status: 'disconnected', autoReconnect: true });
    expect(statusText(s, 'serial')).toBe('Disconnected: The virtual machine is no longer running.');
    expect(isLive(s)).toBe(false);
    expect(consoleReducer(s, { type: 'vmi-running' })).toEqual({ status: 'connecting', attempt: 2, preserveSession: true });
  });

  it('does not reconnect by itself after a take-over by another session or a disconnect by hand', () => {
    const replaced = run([{ type: 'opened', attempt: 1 }, { type: 'closed', attempt: 1, code: 1000, reason: REPLACED_REASON }]);
    expect(statusText(replaced, 'graphics')).toBe('Disconnected: Another session took over this console.');
    expect(consoleReducer(replaced, { type: 'vmi-running' })).toBe(replaced);

    const byHand = run([{ type: 'opened', attempt: 1 }, { type: 'disconnect' }]);
    expect(byHand).toMatchObject({ status: 'disconnected', autoReconnect: false });
    expect(consoleReducer(byHand, { type: 'vmi-running' })).toBe(byHand);
    expect(consoleReducer(byHand, { type: 'connect' })).toEqual({ status: 'connecting', attempt: 2, preserveSession: true });
  });

  it('checks why when the socket closes before opening, then shows the diagnosis', () => {
    const checking = run([{ type: 'closed', attempt: 1, code: 1006, reason: '' }]);
    expect(checking.status).toBe('checking');
    expect(isLive(checking)).toBe(false);

    const notRunning = consoleReducer(checking, { type: 'diagnosed', attempt: 1, diagnosis: { kind: 'not-running', phase: 'Succeeded' } });
    expect(notRunning).toEqual({ status: 'not-running', attempt: 1, notFound: false });
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
    const refused = run([
      { type: 'closed', attempt: 2, code: 1006, reason: '' },
      { type: 'diagnosed', attempt: 2, diagnosis: { kind: 'busy' } },
    ], takeOver);
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
    const lost = run([{ type: 'opened', attempt: 1 }, { type: 'closed', attempt: 1, code: 1006, reason: '' }]);
    expect(statusText(lost, 'serial')).toBe('Disconnected: The connection was lost.');
  });
});
