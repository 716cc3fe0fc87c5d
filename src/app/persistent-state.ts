import { useCallback, useSyncExternalStore } from 'react';

const PREFIX = 'kubevirt-console.';
const listeners = new Set<() => void>();

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

/** Saves a UI preference; storage failures (private mode, quota) only lose the preference. */
export function writePreference(key: string, value: string): void {
  try {
    window.localStorage.setItem(PREFIX + key, value);
  } catch {
    // The preference lasts for this page only.
  }
  for (const l of listeners) l();
}

export const readPreference = (key: string): string | null => (typeof window === 'undefined' ? null : read(key));

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

/** A string UI preference kept in localStorage, shared by every component and tab that reads it. */
export function usePreference(key: string, fallback: string): [string, (value: string) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => read(key) ?? fallback,
    () => fallback,
  );
  const set = useCallback((v: string) => writePreference(key, v), [key]);
  return [value, set];
}
