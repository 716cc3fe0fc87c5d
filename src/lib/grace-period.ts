/** Reads a grace period field: '' is the default; anything else must be a whole number ≥ 0. */
export function parseGracePeriod(text: string): { ok: true; value?: number } | { ok: false } {
  const t = text.trim();
  if (t === '') return { ok: true };
  return /^\d+$/.test(t) ? { ok: true, value: Number(t) } : { ok: false };
}
