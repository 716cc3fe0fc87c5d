import { useEffect } from 'react';
import { readPreference, usePreference } from './persistent-state';

export type Theme = 'light' | 'dark';

const KEY = 'theme';
/** PatternFly 6's dark theme: this class on <html>. */
export const DARK_THEME_CLASS = 'pf-v6-theme-dark';

function systemTheme(): Theme {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

const asTheme = (v: string | null): Theme | undefined => (v === 'dark' || v === 'light' ? v : undefined);

export function applyTheme(theme: Theme): void {
  document.documentElement.classList.toggle(DARK_THEME_CLASS, theme === 'dark');
}

/** Before the first render, so the page never flashes the wrong theme. */
export function applyInitialTheme(): void {
  applyTheme(asTheme(readPreference(KEY)) ?? systemTheme());
}

/** The remembered theme (else the system's) and a setter; keeps the <html> class in step. */
export function useTheme(): [Theme, (t: Theme) => void] {
  const [stored, setStored] = usePreference(KEY, '');
  const theme = asTheme(stored) ?? systemTheme();
  useEffect(() => applyTheme(theme), [theme]);
  return [theme, setStored];
}
