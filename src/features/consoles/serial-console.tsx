import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { openConsoleSocket } from '../../k8s/console';
import { isLive } from './connection-state';
import { ConsoleFrame, connectionControls, useConsoleFrame, type NewTabLink } from './console-frame';
import { SerialToolbar, type SearchResults } from './serial-toolbar';
import { appendCapped, downloadBlob, terminalText, transcriptFileName } from './transcript';
import { useConsoleSession } from './use-console-session';

/** The transcript keeps this many characters of the stream (the newest). */
const TRANSCRIPT_MAX = 4_000_000;

const SEARCH_DECORATIONS = {
  matchBackground: '#5c4a00',
  activeMatchBackground: '#b38b00',
  matchOverviewRuler: '#b38b00',
  activeMatchColorOverviewRuler: '#ffd84d',
};

export interface SerialConsoleProps {
  namespace: string;
  vmiName: string;
  vmName?: string;
  leading?: ReactNode;
  newTab?: NewTabLink;
  claimToken?: string;
  fill?: boolean;
}

/**
 * The VM's serial line in xterm.js. The Terminal lives as long as the component (its scrollback
 * survives reconnects); each connection attempt opens one websocket (plain.kubevirt.io, binary
 * frames both ways), closed in its effect's cleanup.
 */
export function SerialConsole({ namespace, vmiName, vmName, leading, newTab, claimToken, fill }: SerialConsoleProps) {
  const session = useConsoleSession('serial', namespace, vmiName, { claimToken, offerToken: newTab?.token });
  const { state, dispatch } = session;
  const frame = useConsoleFrame();
  const { setNotice } = frame;
  const screenRef = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | null>(null);
  const searchRef = useRef<SearchAddon | null>(null);
  const socketRef = useRef<WebSocket | null>(null);
  const transcriptRef = useRef('');
  const [hasSelection, setHasSelection] = useState(false);
  const [results, setResults] = useState<SearchResults>();

  useEffect(() => {
    const el = screenRef.current;
    if (!el) return;
    const term = new Terminal({
      cursorBlink: true,
      scrollback: 10_000,
      allowProposedApi: true,
      // System monospace fonts: no web font that could load after xterm measured its cells.
      fontFamily: 'Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace',
      fontSize: 14,
    });
    const fit = new FitAddon();
    const search = new SearchAddon();
    term.loadAddon(fit);
    term.loadAddon(search);
    term.open(el);
    fit.fit();
    const resize = new ResizeObserver(() => fit.fit());
    resize.observe(el);
    const encoder = new TextEncoder();
    const send = (bytes: Uint8Array) => {
      const ws = socketRef.current;
      if (ws?.readyState === WebSocket.OPEN) ws.send(bytes);
    };
    const subscriptions = [
      term.onData((data) => send(encoder.encode(data))),
      term.onBinary((data) => send(Uint8Array.from(data, (c) => c.charCodeAt(0) & 0xff))),
      term.onSelectionChange(() => setHasSelection(term.hasSelection())),
      search.onDidChangeResults((r) => setResults({ index: r.resultIndex, count: r.resultCount })),
    ];
    termRef.current = term;
    searchRef.current = search;
    return () => {
      termRef.current = null;
      searchRef.current = null;
      resize.disconnect();
      for (const s of subscriptions) s.dispose();
      term.dispose();
    };
  }, []);

  const liveAttempt = isLive(state) ? state.attempt : undefined;
  const preserveSession = state.status === 'connecting' || state.status === 'connected' ? state.preserveSession : false;

  useEffect(() => {
    if (liveAttempt === undefined) return;
    const attempt = liveAttempt;
    let ws: WebSocket | undefined;
    // Connect on the next task: a mount undone at once (StrictMode, quick navigation) opens no
    // session that would make the next one look taken.
    const timer = setTimeout(() => {
      const socket = openConsoleSocket({ namespace, name: vmiName }, 'console', { preserveSession });
      const decoder = new TextDecoder();
      socket.addEventListener('open', () => {
        dispatch({ type: 'opened', attempt });
        termRef.current?.focus();
      });
      socket.addEventListener('message', (e: MessageEvent) => {
        if (!(e.data instanceof ArrayBuffer)) return;
        const bytes = new Uint8Array(e.data);
        termRef.current?.write(bytes);
        transcriptRef.current = appendCapped(
          transcriptRef.current,
          decoder.decode(bytes, { stream: true }),
          TRANSCRIPT_MAX,
        );
      });
      socket.addEventListener('close', (e) => dispatch({ type: 'closed', attempt, code: e.code, reason: e.reason }));
      socketRef.current = socket;
      ws = socket;
    }, 0);
    return () => {
      clearTimeout(timer);
      socketRef.current = null;
      if (ws && (ws.readyState === WebSocket.CONNECTING || ws.readyState === WebSocket.OPEN)) ws.close(1000);
    };
  }, [liveAttempt, preserveSession, namespace, vmiName, dispatch]);

  const copy = () => {
    const text = termRef.current?.getSelection() ?? '';
    navigator.clipboard.writeText(text).catch((e: unknown) => setNotice(`Cannot copy: ${String(e)}`));
  };
  const paste = () => {
    navigator.clipboard
      .readText()
      .then((text) => {
        termRef.current?.paste(text);
        termRef.current?.focus();
      })
      .catch((e: unknown) =>
        setNotice(`Cannot read the clipboard (paste with Ctrl+Shift+V in the terminal instead): ${String(e)}`),
      );
  };
  const download = () => {
    const text = terminalText(transcriptRef.current);
    downloadBlob(
      new Blob([`${text}\n`], { type: 'text/plain;charset=utf-8' }),
      transcriptFileName(namespace, vmiName, new Date()),
    );
  };
  const search = (term: string, direction: 'next' | 'previous') => {
    const addon = searchRef.current;
    if (!addon || !term) return;
    const options = { decorations: SEARCH_DECORATIONS };
    if (direction === 'next') addon.findNext(term, options);
    else addon.findPrevious(term, options);
  };

  const id = `serial-${namespace}-${vmiName}`;
  return (
    <ConsoleFrame
      frame={frame}
      label="Serial console"
      id={id}
      session={session}
      device="serial"
      namespace={namespace}
      vmName={vmName}
      newTab={newTab}
      fill={fill}
      toolbar={
        <SerialToolbar
          {...connectionControls(id, session, frame, leading)}
          connected={state.status === 'connected'}
          hasSelection={hasSelection}
          results={results}
          onCopy={copy}
          onPaste={paste}
          onClear={() => termRef.current?.clear()}
          onDownload={download}
          onSearch={search}
        />
      }
    >
      <div ref={screenRef} className="kv-serial-screen" data-keyboard="guest" />
    </ConsoleFrame>
  );
}
