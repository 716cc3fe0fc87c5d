/**
 * Polls `probe` until it returns something other than undefined, and returns that; throws
 * "timed out waiting for <what>" after `timeoutMs`. For tests that wait on a cluster's
 * controllers (a VMI to run, a revision to be written, a migration to finish).
 */
export async function until<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 30_000,
  intervalMs = 200,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
