import { lazy, Suspense, useCallback, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { namespaceOf, namespacedPath, type NamespaceChoice } from '../../lib/routes';
import { focusListFilter, moveRowFocus } from './page-keys';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';

// Their own chunks, loaded on first use: the first page's JavaScript stays as it was.
const CommandPalette = lazy(() => import('../palette/command-palette').then((m) => ({ default: m.CommandPalette })));
const ShortcutsHelp = lazy(() => import('./shortcuts-help').then((m) => ({ default: m.ShortcutsHelp })));

type Open = 'palette' | 'help' | undefined;

/**
 * The console's keyboard layer: the shortcuts, the command palette and the shortcuts' help. The
 * palette stays mounted once loaded (its VM dialogs outlive it). Focus goes back on close to
 * where it was when the palette or the help opened.
 */
export function useKeyboardLayer(namespace: NamespaceChoice): { openPalette: () => void; layer: ReactNode } {
  const navigate = useNavigate();
  const [open, setOpen] = useState<Open>();
  const [paletteLoaded, setPaletteLoaded] = useState(false);
  const returnTo = useRef<HTMLElement | null>(null);

  const show = useCallback((which: Exclude<Open, undefined>) => {
    if (!returnTo.current)
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (which === 'palette') setPaletteLoaded(true);
    setOpen(which);
  }, []);
  const restoreFocus = useCallback(() => {
    const el = returnTo.current;
    returnTo.current = null;
    // After the dialog's own focus handling, and only to an element still on the page.
    requestAnimationFrame(() => {
      if (el?.isConnected) el.focus();
    });
  }, []);
  const close = useCallback(
    (keepFocusFor?: 'dialog') => {
      setOpen(undefined);
      if (keepFocusFor !== 'dialog') restoreFocus();
    },
    [restoreFocus],
  );
  const openPalette = useCallback(() => show('palette'), [show]);
  const ns = namespaceOf(namespace);

  useKeyboardShortcuts({
    palette: () => {
      if (open !== 'palette') show('palette');
    },
    help: () => show('help'),
    filter: () => focusListFilter(),
    'go-vms': () => void navigate(namespacedPath('virtualmachines', ns)),
    'go-overview': () => void navigate(namespacedPath('overview', ns)),
    'go-cluster': () => void navigate('/cluster'),
    'next-row': () => moveRowFocus(1),
    'previous-row': () => moveRowFocus(-1),
  });

  const layer = (
    <Suspense fallback={null}>
      {paletteLoaded && (
        <CommandPalette isOpen={open === 'palette'} onClose={close} onDialogClosed={restoreFocus} namespace={ns} />
      )}
      {open === 'help' && <ShortcutsHelp onClose={() => close()} />}
    </Suspense>
  );
  return { openPalette, layer };
}
