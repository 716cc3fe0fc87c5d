/**
 * Upload speed and time left from progress samples: the rate over the last few seconds (a moving
 * window, so a stall shows quickly), and the bytes left at that rate. Pure: tests pass the clock.
 */

export interface Sample {
  /** Milliseconds (performance.now() or Date.now()). */
  at: number;
  bytes: number;
}

export const RATE_WINDOW_MS = 5000;

/** The samples kept: those within the window of the newest, plus one older to measure from. */
export function addSample(samples: readonly Sample[], next: Sample, windowMs = RATE_WINDOW_MS): Sample[] {
  const out = [...samples, next];
  while (out.length > 2 && next.at - out[1].at >= windowMs) out.shift();
  return out;
}

/** Bytes per second over the samples; undefined until two samples a moment apart exist. */
export function rateOf(samples: readonly Sample[]): number | undefined {
  if (samples.length < 2) return undefined;
  const first = samples[0];
  const last = samples[samples.length - 1];
  const ms = last.at - first.at;
  if (ms < 200) return undefined;
  return ((last.bytes - first.bytes) * 1000) / ms;
}

/** Seconds left at `rate`; undefined when the rate is unknown or zero. */
export function secondsLeft(sent: number, total: number, rate: number | undefined): number | undefined {
  if (!rate || rate <= 0) return undefined;
  return Math.max(0, (total - sent) / rate);
}

/** "1 h 2 min", "3 min 5 s", "42 s", "less than a second". */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 1) return 'less than a second';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h) return `${h} h ${m} min`;
  if (m) return `${m} min ${sec} s`;
  return `${sec} s`;
}
