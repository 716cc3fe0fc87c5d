import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Relay } from '../../lib/relay';
import { namespaceOf, namespacedPath, type NamespaceChoice } from '../../lib/routes';
import type { ShortcutId } from '../../lib/shortcuts';
import { focusListFilter, moveRowFocus } from './page-keys';

// Their own chunks, loaded on first use: the first page's JavaScript stays as it was.
const CommandPalette = lazy(() => import('../palette/command-palette').then((m) => ({ default: m.CommandPalette })));
const ShortcutsHelp = lazy(() => import('./shortcuts-help').then((m) => ({ default: m.ShortcutsHelp })));

type Open = 'palette' | 'help' | undefined;

/** A shortcut pressed (or the masthead's button clicked: 'palette'), and where the focus was then. */
export interface ShortcutRequest {
  id: ShortcutId;
  from: Element | null;
}

export interface KeyboardLayerProps {
  namespace: NamespaceChoice;
  /** The shortcuts recognised by the first page's key listener, those sent before the layer loaded first. */
  requests: Relay<ShortcutRequest>;
}

/**
 * The console's keyboard layer (its own chunk, mounted on the first shortcut): what the shortcuts
 * do, the command palette and the shortcuts' help. The palette stays mounted once loaded (its VM
 * dialogs outlive it). Focus goes back on close to where it was when the palette or the help opened.
 */
export function KeyboardLayer({ namespace, requests }: KeyboardLayerProps) {
  const navigate = useNavigate();
  const [open, setOpen] = useState<Open>();
  const [paletteLoaded, setPaletteLoaded] = useState(false);
  // Where the focus was when the palette or the help opened (kept while an action's dialog is up).
  const [returnTo, setReturnTo] = useState<HTMLElement | null>(null);

  const show = useCallback((which: Exclude<Open, undefined>, from: Element | null) => {
    setReturnTo((r) => r ?? (from instanceof HTMLElement ? from : null));
    if (which === 'palette') setPaletteLoaded(true);
    setOpen(which);
  }, []);
  const restoreFocus = useCallback(() => {
    setReturnTo(null);
    // After the dialog's own focus handling, and only to an element still on the page.
    requestAnimationFrame(() => {
      if (returnTo?.isConnected) returnTo.focus();
    });
  }, [returnTo]);
  const close = useCallback(
    (keepFocusFor?: 'dialog') => {
      setOpen(undefined);
      if (keepFocusFor !== 'dialog') restoreFocus();
    },
    [restoreFocus],
  );
  const ns = namespaceOf(namespace);
  const handlers: Record<ShortcutId, (from: Element | null) => void> = {
    palette: (from) => {
      if (open !== 'palette') show('palette', from);
    },
    help: (from) => show('help', from),
    filter: () => void focusListFilter(),
    'go-vms': () => void navigate(namespacedPath('virtualmachines', ns)),
    'go-overview': () => void navigate(namespacedPath('overview', ns)),
    'go-cluster': () => void navigate('/cluster'),
    'next-row': () => void moveRowFocus(1),
    'previous-row': () => void moveRowFocus(-1),
  };
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  // Those pressed while the layer loaded first, then each as it comes.
  useEffect(() => requests.attach((r) => latest.current[r.id](r.from)), [requests]);

  return (
    <Suspense fallback={null}>
      {paletteLoaded && (
        <CommandPalette isOpen={open === 'palette'} onClose={close} onDialogClosed={restoreFocus} namespace={ns} />
      )}
      {open === 'help' && <ShortcutsHelp onClose={() => close()} />}
    </Suspense>
  );
}
