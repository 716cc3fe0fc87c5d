import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { namespaceOf, namespacedPath, type NamespaceChoice } from '../../lib/routes';
import { focusListFilter, moveRowFocus } from './page-keys';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';

// Their own chunks, loaded on first use: the first page's JavaScript stays as it was.
const CommandPalette = lazy(() => import('../palette/command-palette').then((m) => ({ default: m.CommandPalette })));
const ShortcutsHelp = lazy(() => import('./shortcuts-help').then((m) => ({ default: m.ShortcutsHelp })));

type Open = 'palette' | 'help' | undefined;

/** A click on the masthead's button: where the focus was. */
export interface PaletteRequest {
  from: Element | null;
}

export interface KeyboardLayerProps {
  namespace: NamespaceChoice;
  /** Made by the masthead's button: each new one opens the palette. */
  paletteRequest?: PaletteRequest;
  /** The shortcuts listen from now on. */
  onReady: () => void;
}

/**
 * The console's keyboard layer (its own chunk, mounted once the first page is up): the shortcuts,
 * the command palette and the shortcuts' help. The palette stays mounted once loaded (its VM
 * dialogs outlive it). Focus goes back on close to where it was when the palette or the help opened.
 */
export function KeyboardLayer({ namespace, paletteRequest, onReady }: KeyboardLayerProps) {
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
  // A new request from the masthead's button opens the palette.
  const [seenRequest, setSeenRequest] = useState<PaletteRequest>();
  if (paletteRequest !== seenRequest) {
    setSeenRequest(paletteRequest);
    if (paletteRequest) show('palette', paletteRequest.from);
  }
  useEffect(() => onReady(), [onReady]);

  useKeyboardShortcuts({
    palette: () => {
      if (open !== 'palette') show('palette', document.activeElement);
    },
    help: () => show('help', document.activeElement),
    filter: () => void focusListFilter(),
    'go-vms': () => void navigate(namespacedPath('virtualmachines', ns)),
    'go-overview': () => void navigate(namespacedPath('overview', ns)),
    'go-cluster': () => void navigate('/cluster'),
    'next-row': () => void moveRowFocus(1),
    'previous-row': () => void moveRowFocus(-1),
  });

  return (
    <Suspense fallback={null}>
      {paletteLoaded && (
        <CommandPalette isOpen={open === 'palette'} onClose={close} onDialogClosed={restoreFocus} namespace={ns} />
      )}
      {open === 'help' && <ShortcutsHelp onClose={() => close()} />}
    </Suspense>
  );
}
