import { readPreference, writePreference } from '../persistent-state';

const KEY = 'palette-recent';
/** How many chosen items the palette remembers. */
export const RECENT_LIMIT = 10;
const MAX_KEY_LENGTH = 600;

/** The keys of the items chosen last, most recent first (anything unreadable in storage is ignored). */
export function readRecent(): string[] {
  try {
    const value: unknown = JSON.parse(readPreference(KEY) ?? '[]');
    if (!Array.isArray(value)) return [];
    return value.filter((k): k is string => typeof k === 'string' && k.length <= MAX_KEY_LENGTH).slice(0, RECENT_LIMIT);
  } catch {
    return [];
  }
}

/** Puts a chosen item first. */
export function rememberRecent(key: string): void {
  writePreference(KEY, JSON.stringify([key, ...readRecent().filter((k) => k !== key)].slice(0, RECENT_LIMIT)));
}
