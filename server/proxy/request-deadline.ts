import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendStatus } from './status.js';

/**
 * A client has `ms` to send the whole request body (slowloris): then it gets 408 and the
 * connection closes. Node's own server-wide requestTimeout would also cut off a long upload that
 * is still sending, so the console sets this per request instead (uploads have an idle timeout).
 */
export function bodyDeadline(req: IncomingMessage, res: ServerResponse, ms: number): void {
  if (req.complete || ms <= 0) return;
  const timer = setTimeout(() => {
    if (req.complete) return;
    if (res.headersSent) return void req.socket.destroy();
    res.setHeader('Connection', 'close');
    res.once('finish', () => req.socket.destroy());
    sendStatus(res, 408, 'Timeout', 'the request was not received in time');
  }, ms);
  timer.unref();
  const clear = () => clearTimeout(timer);
  req.once('end', clear);
  req.once('close', clear);
  res.once('close', clear);
}
