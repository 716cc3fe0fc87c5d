import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';

const PREFIX = 'kubevirt-console.draft.';

function read<T>(key: string): T | undefined {
  try {
    const raw = window.sessionStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * State kept in sessionStorage under `key`: what the user typed survives leaving the page and
 * coming back (in this tab). `restore` merges a stored draft into a fresh value, so drafts saved by
 * an older version of the form still load. Returns [value, setValue, discard].
 */
export function useSessionDraft<T>(
  key: string,
  initial: () => T,
  restore: (fresh: T, stored: unknown) => T = (fresh, stored) => ({ ...fresh, ...(stored as object) }),
): [T, Dispatch<SetStateAction<T>>, () => void] {
  const [value, setValue] = useState<T>(() => {
    const fresh = initial();
    const stored = read<unknown>(key);
    return stored === undefined ? fresh : restore(fresh, stored);
  });
  useEffect(() => {
    try {
      window.sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the draft lives as long as the page.
    }
  }, [key, value]);
  const discard = useCallback(() => {
    try {
      window.sessionStorage.removeItem(PREFIX + key);
    } catch {
      // Nothing stored.
    }
  }, [key]);
  return [value, setValue, discard];
}
