/** DataVolume status pieces as CDI writes them (conditions with heartbeat times, progress). */

export interface DvCondition {
  type: 'Bound' | 'Ready' | 'Running';
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
}

export interface DvStatus {
  phase?: string;
  progress?: string;
  claimName?: string;
  restartCount?: number;
  conditions?: DvCondition[];
}

export function setDvCondition(status: DvStatus, cond: DvCondition, now: string): void {
  const list = [...(status.conditions ?? [])];
  const i = list.findIndex((c) => c.type === cond.type);
  const prev = i >= 0 ? list[i] : undefined;
  const next: DvCondition = {
    ...cond,
    lastHeartbeatTime: now,
    lastTransitionTime: prev && prev.status === cond.status ? (prev.lastTransitionTime ?? now) : now,
  };
  if (!next.reason) delete next.reason;
  if (!next.message) delete next.message;
  if (i >= 0) list[i] = next;
  else list.push(next);
  status.conditions = list;
}

/** "45.67%" as CDI reports it; 100 is "100.0%". */
export function formatProgress(pct: number): string {
  if (pct >= 100) return '100.0%';
  return `${Math.max(0, pct).toFixed(2)}%`;
}

export type DvSourceKind = 'http' | 'registry' | 'blank' | 'upload' | 'pvc' | 'sourceRef' | 'other';

export function sourceKind(spec: { source?: Record<string, unknown>; sourceRef?: unknown } | undefined): DvSourceKind {
  const src = spec?.source;
  if (!src) return spec?.sourceRef ? 'sourceRef' : 'other';
  for (const k of ['http', 'registry', 'blank', 'upload', 'pvc'] as const) if (src[k]) return k;
  if (src.s3 || src.gcs || src.imageio || src.vddk) return 'http';
  return 'other';
}
