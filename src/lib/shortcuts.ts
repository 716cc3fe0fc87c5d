/**
 * The console's keyboard shortcuts as data, and the pure dispatcher that turns key presses into
 * them (the app wires it to the document: src/app/shortcuts). Nothing fires while the user types
 * in a field, while a dialog owns the keyboard, or inside a console, where every key belongs to
 * the guest; nor with Ctrl, Alt or Meta, except the palette's Ctrl+K / Cmd+K.
 */

export type ShortcutId =
  'palette' | 'filter' | 'help' | 'go-vms' | 'go-overview' | 'go-cluster' | 'next-row' | 'previous-row';

/** What the focused element is, for the shortcuts: only 'other' lets plain keys through. */
export type KeyTarget = 'console' | 'multiline' | 'field' | 'dialog' | 'other';

/** The part of a DOM element the classification reads (an Element satisfies it). */
export interface ElementLike {
  tagName: string;
  isContentEditable?: boolean;
  getAttribute(name: string): string | null;
  parentElement: ElementLike | null;
}

/** Inputs that take no typing: keys pressed on them are free for shortcuts. */
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit']);

/**
 * Classifies the element a key press goes to. A console (noVNC's canvas, xterm's screen, or anything
 * under `data-keyboard="guest"`) wins over everything, then text fields, then modal dialogs.
 */
export function classifyKeyTarget(target: ElementLike | null): KeyTarget {
  let dialog = false;
  for (let el = target; el; el = el.parentElement) {
    const tag = el.tagName.toUpperCase();
    if (tag === 'CANVAS' || el.getAttribute('data-keyboard') === 'guest') return 'console';
    if (/(^|\s)xterm(\s|$)/.test(el.getAttribute('class') ?? '')) return 'console';
    if (el.getAttribute('aria-modal') === 'true') dialog = true;
  }
  if (target) {
    const tag = target.tagName.toUpperCase();
    if (tag === 'TEXTAREA' || target.isContentEditable) return 'multiline';
    if (tag === 'SELECT') return 'field';
    if (tag === 'INPUT' && !NON_TEXT_INPUTS.has((target.getAttribute('type') ?? 'text').toLowerCase())) return 'field';
  }
  return dialog ? 'dialog' : 'other';
}

/** A key press as the dispatcher reads it (a KeyboardEvent satisfies it, with its target classified). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
  defaultPrevented?: boolean;
  /** When the key was pressed (ms; the event's timeStamp): a busy page handles a sequence's keys late, not apart. */
  time?: number;
  target: KeyTarget;
}

const SINGLE: Partial<Record<string, ShortcutId>> = {
  '/': 'filter',
  '?': 'help',
  j: 'next-row',
  k: 'previous-row',
};
const AFTER_G: Partial<Record<string, ShortcutId>> = { v: 'go-vms', o: 'go-overview', c: 'go-cluster' };

/** How long a `g` waits for its second key. */
export const SEQUENCE_TIMEOUT_MS = 1500;

/**
 * A dispatcher: call it with each keydown; it answers the shortcut the press completes, if any.
 * It keeps the half-typed `g` of a sequence between calls. A press without its `time` is timed by
 * `now` (injectable for tests).
 */
export function createShortcutDispatcher(
  now: () => number = () => performance.now(),
): (press: KeyPress) => ShortcutId | undefined {
  let pendingG: number | undefined;
  return (press) => {
    const time = press.time ?? now();
    const waiting = pendingG !== undefined && time - pendingG <= SEQUENCE_TIMEOUT_MS;
    pendingG = undefined;
    if (press.defaultPrevented || press.isComposing || press.target === 'console') return undefined;
    if (press.ctrlKey || press.metaKey || press.altKey) {
      const paletteKey = (press.ctrlKey || press.metaKey) && !press.altKey && press.key.toLowerCase() === 'k';
      // Ctrl+K in a one-line field (the list's filter) opens the palette too; a text area or an
      // editor may have its own meaning for it (Monaco's Ctrl+K chords).
      return paletteKey && (press.target === 'other' || press.target === 'field') ? 'palette' : undefined;
    }
    if (press.target !== 'other') return undefined;
    if (waiting && AFTER_G[press.key]) return AFTER_G[press.key];
    if (press.key === 'g') {
      pendingG = time;
      return undefined;
    }
    return SINGLE[press.key];
  };
}
