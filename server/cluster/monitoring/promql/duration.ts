/** Prometheus durations: `1y2w3d4h5m6s7ms` (each unit at most once, in that order), or seconds as a number. */
const UNITS: Array<[string, number]> = [
  ['y', 365 * 24 * 3600_000],
  ['w', 7 * 24 * 3600_000],
  ['d', 24 * 3600_000],
  ['h', 3600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];
const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Milliseconds, or undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
  const m = DURATION.exec(t);
  if (!m || t === '') return undefined;
  let ms = 0;
  UNITS.forEach(([, size], i) => {
    if (m[i + 1] !== undefined) ms += Number(m[i + 1]) * size;
  });
  return Number.isFinite(ms) ? ms : undefined;
}
