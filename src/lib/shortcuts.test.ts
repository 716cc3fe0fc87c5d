import { describe, expect, it } from 'vitest';
import {
  classifyKeyTarget,
  createShortcutDispatcher,
  SEQUENCE_TIMEOUT_MS,
  type ElementLike,
  type KeyPress,
  type KeyTarget,
} from './shortcuts';
import { SHORTCUTS } from './shortcut-list';

/** A minimal element: a tag, attributes, a parent. */
function el(tagName: string, attrs: Record<string, string> = {}, parent: ElementLike | null = null, editable = false) {
  return {
    tagName,
    isContentEditable: editable,
    getAttribute: (name: string) => attrs[name] ?? null,
    parentElement: parent,
  } satisfies ElementLike;
}

describe('classifyKeyTarget', () => {
  const body = el('BODY');
  it('lets plain elements through', () => {
    expect(classifyKeyTarget(null)).toBe('other');
    expect(classifyKeyTarget(body)).toBe('other');
    expect(classifyKeyTarget(el('A', { href: '/x' }, el('TD', {}, body)))).toBe('other');
    expect(classifyKeyTarget(el('INPUT', { type: 'checkbox' }, body))).toBe('other');
    expect(classifyKeyTarget(el('BUTTON', {}, body))).toBe('other');
  });
  it('recognises fields', () => {
    expect(classifyKeyTarget(el('INPUT', {}, body))).toBe('field');
    expect(classifyKeyTarget(el('input', { type: 'search' }, body))).toBe('field');
    expect(classifyKeyTarget(el('INPUT', { type: 'number' }, body))).toBe('field');
    expect(classifyKeyTarget(el('SELECT', {}, body))).toBe('field');
    expect(classifyKeyTarget(el('TEXTAREA', {}, body))).toBe('multiline');
    expect(classifyKeyTarget(el('DIV', {}, body, true))).toBe('multiline');
  });
  it('recognises consoles before fields: the serial console types into a text area of xterm', () => {
    const xterm = el('DIV', { class: 'terminal xterm focus' }, el('DIV', {}, body));
    expect(classifyKeyTarget(el('TEXTAREA', { class: 'xterm-helper-textarea' }, xterm))).toBe('console');
    expect(classifyKeyTarget(el('CANVAS', { tabindex: '-1' }, el('DIV', {}, body)))).toBe('console');
    const guest = el('DIV', { 'data-keyboard': 'guest' }, body);
    expect(classifyKeyTarget(el('DIV', {}, el('DIV', {}, guest)))).toBe('console');
    // A class merely containing the word does not count.
    expect(classifyKeyTarget(el('DIV', { class: 'not-xterm-like' }, body))).toBe('other');
  });
  it('recognises modal dialogs', () => {
    const dialog = el('DIV', { role: 'dialog', 'aria-modal': 'true' }, body);
    expect(classifyKeyTarget(el('BUTTON', {}, dialog))).toBe('dialog');
    expect(classifyKeyTarget(el('INPUT', {}, dialog))).toBe('field');
  });
});

const press = (key: string, target: KeyTarget = 'other', mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...mods,
});

describe('createShortcutDispatcher', () => {
  it('maps single keys', () => {
    const d = createShortcutDispatcher();
    expect(d(press('/'))).toBe('filter');
    expect(d(press('?'))).toBe('help');
    expect(d(press('j'))).toBe('next-row');
    expect(d(press('k'))).toBe('previous-row');
    expect(d(press('x'))).toBeUndefined();
    // Shift changes the key: J is not j.
    expect(d(press('J'))).toBeUndefined();
  });

  it('maps g sequences within the timeout only', () => {
    let t = 0;
    const d = createShortcutDispatcher(() => t);
    expect(d(press('g'))).toBeUndefined();
    expect(d(press('v'))).toBe('go-vms');
    // The sequence is consumed: a lone v does nothing.
    expect(d(press('v'))).toBeUndefined();
    d(press('g'));
    expect(d(press('o'))).toBe('go-overview');
    d(press('g'));
    expect(d(press('c'))).toBe('go-cluster');
    d(press('g'));
    t += SEQUENCE_TIMEOUT_MS + 1;
    expect(d(press('v'))).toBeUndefined();
    // The keys' own times count, not when they are handled (a busy page handles them late).
    expect(d(press('g', 'other', { time: 100 }))).toBeUndefined();
    t += 10 * SEQUENCE_TIMEOUT_MS;
    expect(d(press('v', 'other', { time: 100 + SEQUENCE_TIMEOUT_MS }))).toBe('go-vms');
    d(press('g', 'other', { time: 100 }));
    expect(d(press('o', 'other', { time: 101 + SEQUENCE_TIMEOUT_MS }))).toBeUndefined();
    // Another key in between breaks the sequence, and is itself handled.
    d(press('g'));
    expect(d(press('j'))).toBe('next-row');
    expect(d(press('v'))).toBeUndefined();
  });

  it('opens the palette with Ctrl+K or Cmd+K, also from a one-line field', () => {
    const d = createShortcutDispatcher();
    expect(d(press('k', 'other', { ctrlKey: true }))).toBe('palette');
    expect(d(press('K', 'other', { metaKey: true }))).toBe('palette');
    expect(d(press('k', 'field', { ctrlKey: true }))).toBe('palette');
    expect(d(press('k', 'other', { ctrlKey: true, altKey: true }))).toBeUndefined();
    expect(d(press('k', 'multiline', { ctrlKey: true }))).toBeUndefined();
    expect(d(press('k', 'dialog', { metaKey: true }))).toBeUndefined();
  });

  it('fires nothing in a console, a field or a dialog, or with other modifiers', () => {
    const d = createShortcutDispatcher();
    for (const target of ['console', 'field', 'multiline', 'dialog'] as const) {
      for (const key of ['/', '?', 'j', 'k', 'g']) expect(d(press(key, target)), `${key} in ${target}`).toBeUndefined();
      expect(d(press('v', target))).toBeUndefined();
    }
    // Every key belongs to the guest, Ctrl+K included (kill-line in a shell).
    expect(d(press('k', 'console', { ctrlKey: true }))).toBeUndefined();
    expect(d(press('j', 'other', { ctrlKey: true }))).toBeUndefined();
    expect(d(press('/', 'other', { altKey: true }))).toBeUndefined();
    expect(d(press('?', 'other', { metaKey: true }))).toBeUndefined();
    // A g typed into a field does not start a sequence.
    d(press('g', 'field'));
    expect(d(press('v'))).toBeUndefined();
  });

  it('ignores presses already handled or composing', () => {
    const d = createShortcutDispatcher();
    expect(d(press('/', 'other', { defaultPrevented: true }))).toBeUndefined();
    expect(d(press('/', 'other', { isComposing: true }))).toBeUndefined();
    expect(d(press('k', 'other', { ctrlKey: true, defaultPrevented: true }))).toBeUndefined();
  });
});

describe('SHORTCUTS (the help)', () => {
  it('lists every shortcut the dispatcher fires, once', () => {
    const d = createShortcutDispatcher();
    const fired = new Set(
      [press('k', 'other', { ctrlKey: true }), press('/'), press('?'), press('j'), press('k')].map((p) => d(p)),
    );
    for (const key of ['v', 'o', 'c']) {
      d(press('g'));
      fired.add(d(press(key)));
    }
    expect(SHORTCUTS.map((s) => s.id).sort()).toEqual([...fired].sort());
  });
});
