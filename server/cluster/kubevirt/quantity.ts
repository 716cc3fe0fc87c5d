/** Requests as the scheduler counts them, and how KubeVirt prints bytes and cores (parsing: apimachinery/quantity.ts). */

/** CPU (cores) and memory (bytes) a pod requests, as the scheduler counts them. */
export interface Requests {
  cpu: number;
  memory: number;
}

/** Formats bytes as a binary quantity, the way the API server canonicalises them ("1536Mi"). */
export function formatBytes(bytes: number): string {
  for (const [suffix, factor] of [
    ['Ti', 2 ** 40],
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ] as const) {
    if (bytes >= factor && bytes % factor === 0) return `${bytes / factor}${suffix}`;
  }
  return String(Math.ceil(bytes));
}

/** Formats cores as a CPU quantity ("250m", "2"). */
export function formatCpu(cores: number): string {
  const milli = Math.round(cores * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}
