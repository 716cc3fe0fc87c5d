/** Opaque list continue tokens and key search. */
import { errors } from './status.js';

export function encodeContinue(rv: number, start: string): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start })).toString('base64url');
}

export function decodeContinue(token: string): { rv: number; start: string } {
  try {
    const c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      v?: string;
      rv?: number;
      start?: string;
    };
    if (c.v === 'meta.k8s.io/v1' && typeof c.rv === 'number' && typeof c.start === 'string')
      return { rv: c.rv, start: c.start };
  } catch {
    // fall through
  }
  throw errors.badRequest('continue key is not valid: invalid continue token');
}

export function lowerBound(keys: string[], target: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
