import { Alert, AlertActionCloseButton, Button } from '@patternfly/react-core';
import { ExternalLinkAltIcon } from '@patternfly/react-icons/dist/esm/icons/external-link-alt-icon';
import { useRef, useState, type ReactNode, type RefObject } from 'react';
import { canConnect, isLive } from './connection-state';
import { ConsoleStatus } from './console-status';
import type { ConsoleToolbarBase } from './console-toolbar';
import { HANDOVER_PARAM } from './handover';
import { waitsForVm, type ConsoleSession } from './use-console-session';
import { useFullscreen } from './use-fullscreen';
import './consoles.css';

/** The frame's element (the one that goes fullscreen), whether it is, and a toggle that reports failures. */
export interface ConsoleFrameState {
  frameRef: RefObject<HTMLElement | null>;
  fullscreen: boolean;
  toggleFullscreen: () => void;
  notice: string | undefined;
  setNotice: (notice: string | undefined) => void;
}

export function useConsoleFrame(): ConsoleFrameState {
  const frameRef = useRef<HTMLElement>(null);
  const [notice, setNotice] = useState<string>();
  const [fullscreen, toggle] = useFullscreen(frameRef);
  const toggleFullscreen = () => {
    toggle().catch((e: unknown) => setNotice(`Cannot switch to fullscreen: ${String(e)}`));
  };
  return { frameRef, fullscreen, toggleFullscreen, notice, setNotice };
}

/** The toolbar's connection and fullscreen controls, wired to the session and the frame. */
export function connectionControls(
  id: string,
  session: ConsoleSession,
  frame: ConsoleFrameState,
  leading?: ReactNode,
): ConsoleToolbarBase {
  const { state, dispatch } = session;
  return {
    id: `${id}-toolbar`,
    live: isLive(state),
    // Not while the VM is not running: the console connects by itself when it runs.
    canConnect: canConnect(state) && !waitsForVm(session),
    statusId: `${id}-status`,
    fullscreen: frame.fullscreen,
    onConnect: () => dispatch({ type: 'connect' }),
    onDisconnect: () => dispatch({ type: 'disconnect' }),
    onFullscreen: frame.toggleFullscreen,
    leading,
  };
}

/** The standalone page of this console, and the token its tab claims this console's session with. */
export interface NewTabLink {
  href: string;
  token: string;
}

/**
 * "Open in new tab". While connected, the link carries the hand-over token: the new tab asks this
 * one for the session (this one disconnects) instead of finding it held by "another session".
 */
function OpenInNewTab({ link, handOver }: { link: NewTabLink; handOver: boolean }) {
  const href = handOver ? `${link.href}&${HANDOVER_PARAM}=${encodeURIComponent(link.token)}` : link.href;
  return (
    <Button
      component="a"
      variant="link"
      isInline
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      icon={<ExternalLinkAltIcon />}
      iconPosition="end"
    >
      Open in new tab
    </Button>
  );
}

export interface ConsoleFrameProps {
  frame: ConsoleFrameState;
  /** "VNC console", "Serial console": the section's accessible name. */
  label: string;
  /** The section's id; the status line's is `<id>-status`. */
  id: string;
  session: ConsoleSession;
  device: 'graphics' | 'serial';
  namespace: string;
  vmName?: string;
  /** "Open in new tab" beside the status line. */
  newTab?: NewTabLink;
  fill?: boolean;
  toolbar: ReactNode;
  /** The screen, and any dialog of the console. */
  children: ReactNode;
}

/** What both consoles show around their screen: the toolbar, the connection status and a notice. */
export function ConsoleFrame({
  frame,
  label,
  id,
  session,
  device,
  namespace,
  vmName,
  newTab,
  fill,
  toolbar,
  children,
}: ConsoleFrameProps) {
  const { frameRef, notice, setNotice } = frame;
  // Not for a user who may not open the console: the new tab could not either.
  const statusActions = newTab && session.state.status !== 'forbidden' && (
    <OpenInNewTab link={newTab} handOver={session.state.status === 'connected'} />
  );
  return (
    <section
      ref={frameRef}
      aria-label={label}
      id={id}
      className={`kv-console-frame${fill ? ' kv-console-frame--fill' : ''}`}
    >
      {toolbar}
      <ConsoleStatus
        id={`${id}-status`}
        session={session}
        device={device}
        namespace={namespace}
        vmName={vmName}
        actions={statusActions}
      />
      {notice && (
        <Alert
          variant="warning"
          isInline
          isPlain
          title={notice}
          actionClose={<AlertActionCloseButton onClose={() => setNotice(undefined)} />}
        />
      )}
      {children}
    </section>
  );
}
