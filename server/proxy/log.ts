/** Structured JSON logs, one line each. Callers never pass tokens or cookies. */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export type LogLevel = 'info' | 'warn' | 'error';
const RANK: Record<LogLevel, number> = { info: 0, warn: 1, error: 2 };

export function jsonLogger(
  write: (line: string) => void = (l) => process.stderr.write(l + '\n'),
  min: LogLevel = 'info',
): Logger {
  const emit = (level: LogLevel) => (msg: string, fields?: Record<string, unknown>) => {
    if (RANK[level] >= RANK[min]) write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
  };
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
