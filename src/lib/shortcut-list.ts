/**
 * The shortcuts' help (what `?` lists), apart from the dispatcher so that the words stay out of the
 * first page's JavaScript: only the help dialog, loaded on first use, reads them.
 */
import type { ShortcutId } from './shortcuts';

export interface KeyHelp {
  /** The keys as the help lists them, one entry per key to press in turn ("g", "v"). */
  keys: readonly string[];
  description: string;
}

export interface Shortcut extends KeyHelp {
  id: ShortcutId;
}

/** Every shortcut, in the order the help lists them (Enter and Escape are the browser's and the dialogs'). */
export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'palette', keys: ['Ctrl+K'], description: 'Open the command palette (Cmd+K on a Mac)' },
  { id: 'filter', keys: ['/'], description: "Focus the list's filter" },
  { id: 'help', keys: ['?'], description: 'Show the keyboard shortcuts' },
  { id: 'go-vms', keys: ['g', 'v'], description: 'Go to Virtual machines' },
  { id: 'go-overview', keys: ['g', 'o'], description: 'Go to Overview' },
  { id: 'go-cluster', keys: ['g', 'c'], description: 'Go to Cluster' },
  { id: 'next-row', keys: ['j'], description: 'Move to the next row of a list' },
  { id: 'previous-row', keys: ['k'], description: 'Move to the previous row of a list' },
];

/** Keys the help lists beside the shortcuts: the browser's and the dialogs' own. */
export const OTHER_KEYS: readonly KeyHelp[] = [
  { keys: ['Enter'], description: 'Open the focused row' },
  { keys: ['Escape'], description: 'Close the palette or a dialog' },
];
