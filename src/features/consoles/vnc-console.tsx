import RFB from '@novnc/novnc';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { openConsoleSocket } from '../../k8s/console';
import { isLive } from './connection-state';
import { ConsoleFrame, connectionControls, useConsoleFrame, type NewTabLink } from './console-frame';
import { comboEvents, type KeyEvent } from './keysyms';
import { PasteModal } from './paste-modal';
import { downloadBlob, screenshotFileName } from './transcript';
import { useConsoleSession } from './use-console-session';
import { VncToolbar, type VncScale } from './vnc-toolbar';

export interface VncConsoleProps {
  namespace: string;
  vmiName: string;
  /** The VM that owns the VMI, if any: offers "Start" when it is not running. */
  vmName?: string;
  /** Toolbar items before the actions (the console type switch). */
  leading?: ReactNode;
  /** "Open in new tab" beside the status line: the standalone page, and the token that hands the session over. */
  newTab?: NewTabLink;
  /** Opened by another tab's "Open in new tab": claim its session with this token. */
  claimToken?: string;
  /** Fill the parent's height (the standalone page) instead of a fixed share of the window. */
  fill?: boolean;
}

function applySettings(rfb: RFB, s: { scale: VncScale; viewOnly: boolean }): void {
  rfb.scaleViewport = s.scale === 'fit';
  rfb.clipViewport = false;
  rfb.viewOnly = s.viewOnly;
}

/**
 * The VM's screen over noVNC. This component owns one RFB per connection attempt: created in an
 * effect on a websocket opened through the data layer, disconnected in the effect's cleanup.
 */
export function VncConsole({ namespace, vmiName, vmName, leading, newTab, claimToken, fill }: VncConsoleProps) {
  const session = useConsoleSession('vnc', namespace, vmiName, { claimToken, offerToken: newTab?.token });
  const { state, dispatch } = session;
  const frame = useConsoleFrame();
  const screenRef = useRef<HTMLDivElement>(null);
  const rfbRef = useRef<RFB | null>(null);
  const [scale, setScale] = useState<VncScale>('fit');
  const [viewOnly, setViewOnly] = useState(false);
  const [pasting, setPasting] = useState(false);

  const liveAttempt = isLive(state) ? state.attempt : undefined;
  const preserveSession = state.status === 'connecting' || state.status === 'connected' ? state.preserveSession : false;

  // What the toolbar chose, for the RFB of the next attempt too.
  const settingsRef = useRef({ scale, viewOnly });

  useEffect(() => {
    const screen = screenRef.current;
    if (liveAttempt === undefined || !screen) return;
    const attempt = liveAttempt;
    let rfb: RFB | undefined;
    let ended = false;
    // Connect on the next task: a mount undone at once (StrictMode, quick navigation) opens no
    // session that would make the next one look taken.
    const timer = setTimeout(() => {
      const ws = openConsoleSocket({ namespace, name: vmiName }, 'vnc', { preserveSession });
      ws.addEventListener('open', () => dispatch({ type: 'opened', attempt }));
      ws.addEventListener('close', (e) => dispatch({ type: 'closed', attempt, code: e.code, reason: e.reason }));
      rfb = new RFB(screen, ws, { shared: true });
      rfb.background = 'transparent';
      applySettings(rfb, settingsRef.current);
      rfb.addEventListener('disconnect', () => {
        ended = true;
      });
      rfbRef.current = rfb;
    }, 0);
    return () => {
      clearTimeout(timer);
      rfbRef.current = null;
      if (rfb && !ended) rfb.disconnect();
    };
  }, [liveAttempt, preserveSession, namespace, vmiName, dispatch]);

  useEffect(() => {
    settingsRef.current = { scale, viewOnly };
    if (rfbRef.current) applySettings(rfbRef.current, settingsRef.current);
  }, [scale, viewOnly]);

  const send = (events: KeyEvent[]) => {
    const rfb = rfbRef.current;
    if (!rfb) return;
    for (const e of events) rfb.sendKey(e.keysym, e.code, e.down);
    rfb.focus();
  };

  const screenshot = () =>
    rfbRef.current?.toBlob((blob) => {
      if (blob) downloadBlob(blob, screenshotFileName(namespace, vmiName, new Date()));
    }, 'image/png');

  const id = `vnc-${namespace}-${vmiName}`;
  return (
    <ConsoleFrame
      frame={frame}
      label="VNC console"
      id={id}
      session={session}
      device="graphics"
      namespace={namespace}
      vmName={vmName}
      newTab={newTab}
      fill={fill}
      toolbar={
        <VncToolbar
          {...connectionControls(id, session, frame, leading)}
          connected={state.status === 'connected'}
          viewOnly={viewOnly}
          scale={scale}
          onSendKeys={(combo) => send(comboEvents(combo.keys))}
          onPaste={() => setPasting(true)}
          onScreenshot={screenshot}
          onScale={setScale}
          onViewOnly={setViewOnly}
        />
      }
    >
      <div
        ref={screenRef}
        className={`kv-vnc-screen${scale === 'native' ? ' kv-vnc-screen--native' : ''}`}
        data-keyboard="guest"
      />
      {pasting && (
        <PasteModal
          onClose={() => setPasting(false)}
          onType={(events) => {
            setPasting(false);
            send(events);
          }}
        />
      )}
    </ConsoleFrame>
  );
}
