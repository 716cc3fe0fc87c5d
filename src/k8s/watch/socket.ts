/** What the watch manager needs from a websocket; tests pass a fake. */
export interface SocketHandlers {
  onOpen: () => void;
  onMessage: (text: string) => void;
  onClose: (code: number) => void;
}

export interface WatchSocket {
  /** Closes without calling onClose. */
  close: () => void;
}

export type SocketFactory = (url: string, handlers: SocketHandlers) => WatchSocket;

/** The browser's WebSocket. One JSON text frame per watch event. */
export const browserSocketFactory: SocketFactory = (url, h) => {
  const ws = new WebSocket(url);
  ws.onopen = () => h.onOpen();
  ws.onmessage = (e: MessageEvent) => {
    if (typeof e.data === 'string') h.onMessage(e.data);
  };
  ws.onclose = (e: CloseEvent) => h.onClose(e.code);
  return {
    close: () => {
      ws.onopen = null;
      ws.onmessage = null;
      ws.onclose = null;
      ws.onerror = null;
      if (ws.readyState === WebSocket.CONNECTING || ws.readyState === WebSocket.OPEN) ws.close(1000);
    },
  };
};
