import { useSyncExternalStore } from 'react';

/** PatternFly 6's dark theme is this class on <html>. */
const DARK_CLASS = 'pf-v6-theme-dark';

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

const isDark = () => document.documentElement.classList.contains(DARK_CLASS);

/** Whether the console shows its dark theme; follows the masthead switch live. */
export function useDarkTheme(): boolean {
  return useSyncExternalStore(subscribe, isDark, () => false);
}
