import { describe, expect, it } from 'vitest';
import {
  changedUnderneath,
  editReducer,
  initialEditState,
  isDirty,
  type EditAction,
  type EditState,
} from './yaml-edit-state';

const v = (rv: string, text = `rv: ${rv}\n`) => ({ resourceVersion: rv, text });
const run = (actions: EditAction[], from: EditState = initialEditState) => actions.reduce(editReducer, from);

describe('YAML edit state machine', () => {
  it('follows the live object while nothing is edited', () => {
    const s = run([
      { type: 'live', snapshot: v('1') },
      { type: 'live', snapshot: v('2') },
    ]);
    expect(s.text).toBe('rv: 2\n');
    expect(s.base?.resourceVersion).toBe('2');
    expect(isDirty(s)).toBe(false);
    expect(changedUnderneath(s)).toBe(false);
  });

  it("keeps the user's edits when the object changes underneath, and says so", () => {
    const s = run([
      { type: 'live', snapshot: v('1') },
      { type: 'edit', text: 'mine\n' },
      { type: 'live', snapshot: v('2') },
    ]);
    expect(s.text).toBe('mine\n');
    expect(s.base?.resourceVersion).toBe('1');
    expect(s.latest?.resourceVersion).toBe('2');
    expect(isDirty(s)).toBe(true);
    expect(changedUnderneath(s)).toBe(true);
  });

  it("a successful save takes the server's version and reports it", () => {
    const s = run([
      { type: 'live', snapshot: v('1') },
      { type: 'edit', text: 'mine\n' },
      { type: 'saveStarted' },
      { type: 'saveSucceeded', snapshot: v('3', 'saved\n') },
    ]);
    expect(s.status).toBe('saved');
    expect(s.text).toBe('saved\n');
    expect(isDirty(s)).toBe(false);
    // The next edit clears the notice.
    expect(editReducer(s, { type: 'edit', text: 'again\n' }).status).toBe('editing');
  });

  it('a live update during the save does not replace the text being saved', () => {
    const s = run([
      { type: 'live', snapshot: v('1') },
      { type: 'edit', text: 'mine\n' },
      { type: 'saveStarted' },
      { type: 'live', snapshot: v('2') },
    ]);
    expect(s.text).toBe('mine\n');
    expect(s.status).toBe('saving');
  });

  describe('on 409 Conflict', () => {
    const conflicted = run([
      { type: 'live', snapshot: v('1') },
      { type: 'edit', text: 'mine\n' },
      { type: 'live', snapshot: v('2') },
      { type: 'saveStarted' },
      { type: 'saveFailed', code: 409, error: new Error('the object has been modified') },
    ]);

    it('keeps the text and waits for a choice', () => {
      expect(conflicted.status).toBe('conflict');
      expect(conflicted.text).toBe('mine\n');
      // More live updates still do not clobber it.
      const later = editReducer(conflicted, { type: 'live', snapshot: v('4') });
      expect(later.text).toBe('mine\n');
      expect(later.status).toBe('conflict');
    });

    it('Reload discards the edits and takes the latest version', () => {
      const s = editReducer(conflicted, { type: 'reload' });
      expect(s.text).toBe('rv: 2\n');
      expect(s.base?.resourceVersion).toBe('2');
      expect(s.status).toBe('editing');
      expect(isDirty(s)).toBe(false);
    });

    it('Reload can take a freshly read version newer than the watch has delivered', () => {
      const s = editReducer(conflicted, { type: 'reload', snapshot: v('7') });
      expect([s.text, s.base?.resourceVersion, s.latest?.resourceVersion]).toEqual(['rv: 7\n', '7', '7']);
    });

    it('Overwrite saves the text again and succeeds', () => {
      const s = run(
        [{ type: 'saveStarted' }, { type: 'saveSucceeded', snapshot: v('5', 'mine, saved\n') }],
        conflicted,
      );
      expect(s.status).toBe('saved');
      expect(s.text).toBe('mine, saved\n');
    });
  });

  it('422 and local problems are "invalid" and keep the text; other failures are "failed"', () => {
    const base = run([{ type: 'live', snapshot: v('1') }, { type: 'edit', text: 'bad\n' }, { type: 'saveStarted' }]);
    const invalid = editReducer(base, { type: 'saveFailed', code: 422, error: 'x' });
    expect([invalid.status, invalid.text]).toEqual(['invalid', 'bad\n']);
    expect(editReducer(base, { type: 'rejected', error: 'y' }).status).toBe('invalid');
    expect(editReducer(base, { type: 'saveFailed', code: 500, error: 'z' }).status).toBe('failed');
    expect(editReducer(invalid, { type: 'dismiss' })).toMatchObject({ status: 'editing', error: null, text: 'bad\n' });
  });

  it('ignores a live update with the same resourceVersion', () => {
    const s = run([{ type: 'live', snapshot: v('1') }]);
    expect(editReducer(s, { type: 'live', snapshot: v('1', 'other text') })).toBe(s);
  });
});
