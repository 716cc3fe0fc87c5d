/**
 * The embedded cluster's log: one JSON object per line. An expected error (a refused request, a
 * conflict, an object a controller cannot act on) is one line with its message; only an error
 * that is not an API Status (a bug) carries its stack, still inside that one line.
 */
import { isStatusError } from './store/status.js';

export type LogFields = Record<string, unknown>;
export type ClusterLog = (msg: string, fields?: LogFields) => void;

/** The fields that describe `err` in a log line. */
export function errorFields(err: unknown): LogFields {
  if (isStatusError(err)) return { error: err.status.message ?? err.message, code: err.code, reason: err.reason };
  if (err instanceof Error) return { error: err.message, stack: err.stack };
  return { error: String(err) };
}

/** A log line: {"time","level","msg",...fields}; level "error" when the fields carry an error. */
export function jsonLine(msg: string, fields: LogFields = {}): string {
  const level = 'error' in fields ? 'error' : 'info';
  return JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
}

/** The default log of the embedded cluster: JSON lines on stdout. */
export const stdoutLog: ClusterLog = (msg, fields) => {
  process.stdout.write(`${jsonLine(msg, fields)}\n`);
};
