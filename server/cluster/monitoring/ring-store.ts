/**
 * The samples the embedded Prometheus keeps: per scrape target (one VMI, or the cluster), a ring of
 * scrape timestamps shared by its series, and per series a ring of values (NaN: no sample, as
 * Prometheus's stale marker). Memory is bounded: every ring holds `clamp(maxValues / series,
 * minPerSeries, maxPerSeries)` samples, resized as series come and go, so 1,000 VMIs of ~30 series
 * each keep ~130 samples per series (about half an hour at the 15 s interval) in ~32 MB.
 */
import type { Matcher } from './promql/ast.js';
import { labelsKey, matches, type Labels, type Queryable, type StoredSeries } from './promql/values.js';

export interface RingStoreOptions {
  /** Values kept over all series (default 4,000,000: 32 MB of float64). */
  maxValues?: number;
  /** Most samples per series (default 240: an hour at 15 s). */
  maxPerSeries?: number;
  /** Fewest samples per series, whatever the count of series (default 20). */
  minPerSeries?: number;
}

export interface ScrapedSample {
  labels: Labels;
  value: number;
}

class Target {
  ts: Float64Array;
  head = 0;
  len = 0;
  readonly series = new Map<string, RingSeries>();
  stale = false;
  constructor(public cap: number) {
    this.ts = new Float64Array(cap);
  }
  /** Physical index of the i-th oldest sample. */
  at(i: number): number {
    return (this.head - this.len + i + this.cap) % this.cap;
  }
  newest(): number {
    return this.len ? this.ts[this.at(this.len - 1)] : -Infinity;
  }
  /** Logical index of the last sample with t <= toMs (-1 if none). */
  lastAtOrBefore(toMs: number): number {
    let lo = 0;
    let hi = this.len - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.ts[this.at(mid)] <= toMs) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
  resize(cap: number): void {
    const keep = Math.min(this.len, cap);
    const ts = new Float64Array(cap);
    for (let i = 0; i < keep; i++) ts[i] = this.ts[this.at(this.len - keep + i)];
    for (const s of this.series.values()) {
      const values = new Float64Array(cap).fill(NaN);
      for (let i = 0; i < keep; i++) values[i] = s.values[this.at(this.len - keep + i)];
      s.values = values;
    }
    this.ts = ts;
    this.cap = cap;
    this.len = keep;
    this.head = keep % cap;
  }
}

class RingSeries implements StoredSeries {
  values: Float64Array;
  /** When it last had a sample. */
  lastSeen = -Infinity;
  constructor(
    readonly labels: Labels,
    readonly target: Target,
  ) {
    this.values = new Float64Array(target.cap).fill(NaN);
  }

  samples(fromMs: number, toMs: number, out: { t: number[]; v: number[] }): number {
    const tg = this.target;
    let n = 0;
    for (let i = tg.lastAtOrBefore(toMs); i >= 0; i--) {
      const p = tg.at(i);
      if (tg.ts[p] <= fromMs) break;
      n++;
    }
    let added = 0;
    const last = tg.lastAtOrBefore(toMs);
    for (let i = last - n + 1; i <= last; i++) {
      const p = tg.at(i);
      const v = this.values[p];
      if (Number.isNaN(v)) continue;
      out.t.push(tg.ts[p]);
      out.v.push(v);
      added++;
    }
    return added;
  }

  latest(fromMs: number, toMs: number): { t: number; v: number } | undefined {
    const tg = this.target;
    const i = tg.lastAtOrBefore(toMs);
    if (i < 0) return undefined;
    const p = tg.at(i);
    if (tg.ts[p] <= fromMs) return undefined;
    // Stale (absent in the newest scrape): no value, as after Prometheus's stale marker.
    const v = this.values[p];
    return Number.isNaN(v) ? undefined : { t: tg.ts[p], v };
  }
}

export class RingStore implements Queryable {
  private readonly targets = new Map<string, Target>();
  private readonly byName = new Map<string, Set<RingSeries>>();
  private readonly maxValues: number;
  private readonly maxPer: number;
  private readonly minPer: number;

  constructor(opts: RingStoreOptions = {}) {
    this.maxValues = opts.maxValues ?? 4_000_000;
    this.maxPer = opts.maxPerSeries ?? 240;
    this.minPer = opts.minPerSeries ?? 20;
  }

  /** Series stored now (all targets). */
  get seriesCount(): number {
    let n = 0;
    for (const t of this.targets.values()) n += t.series.size;
    return n;
  }

  /** Samples each series of this target keeps. */
  capacityOf(targetId: string): number | undefined {
    return this.targets.get(targetId)?.cap;
  }

  private desiredCap(extraSeries = 0): number {
    const series = Math.max(1, this.seriesCount + extraSeries);
    return Math.max(this.minPer, Math.min(this.maxPer, Math.floor(this.maxValues / series)));
  }

  /** One scrape of one target: the series it exports now. Series it no longer exports read as stale. */
  append(targetId: string, timeMs: number, samples: ScrapedSample[]): void {
    let tg = this.targets.get(targetId);
    if (!tg) this.targets.set(targetId, (tg = new Target(this.desiredCap(samples.length))));
    if (timeMs <= tg.newest()) return;
    tg.stale = false;
    const p = tg.head;
    tg.ts[p] = timeMs;
    for (const s of tg.series.values()) s.values[p] = NaN;
    for (const { labels, value } of samples) {
      const key = labelsKey(labels);
      let s = tg.series.get(key);
      if (!s) {
        s = new RingSeries(labels, tg);
        tg.series.set(key, s);
        const name = labels.__name__ ?? '';
        let set = this.byName.get(name);
        if (!set) this.byName.set(name, (set = new Set()));
        set.add(s);
      }
      s.values[p] = value;
      if (!Number.isNaN(value)) s.lastSeen = timeMs;
    }
    tg.head = (p + 1) % tg.cap;
    tg.len = Math.min(tg.len + 1, tg.cap);
    this.forgetEmpty(tg, targetId);
  }

  /** The target went away (its VMI stopped): from `timeMs` on, its series read as stale. */
  markStale(targetId: string, timeMs: number): void {
    const tg = this.targets.get(targetId);
    if (!tg || tg.stale) return;
    this.append(targetId, timeMs, []);
    tg.stale = true;
  }

  /** Drops stale targets older than `beforeMs` and resizes rings to the memory bound. */
  compact(beforeMs: number): void {
    for (const [id, tg] of this.targets) {
      if (tg.stale && tg.newest() < beforeMs) this.removeTarget(id);
    }
    const cap = this.desiredCap();
    for (const tg of this.targets.values()) {
      // Shrink at once (the bound holds); grow only by more than a quarter (no resizing back and forth).
      if (tg.cap > cap || cap > tg.cap * 1.25) tg.resize(cap);
    }
  }

  private removeTarget(id: string): void {
    const tg = this.targets.get(id);
    if (!tg) return;
    for (const s of tg.series.values()) this.byName.get(s.labels.__name__ ?? '')?.delete(s);
    this.targets.delete(id);
  }

  /** Series whose every kept sample is a stale marker are forgotten. */
  private forgetEmpty(tg: Target, id: string): void {
    if (tg.len < tg.cap) return;
    const oldest = tg.ts[tg.at(0)];
    for (const [key, s] of tg.series) {
      if (s.lastSeen < oldest) {
        tg.series.delete(key);
        this.byName.get(s.labels.__name__ ?? '')?.delete(s);
      }
    }
    if (tg.series.size === 0) this.targets.delete(id);
  }

  select(matchers: Matcher[]): StoredSeries[] {
    const byName = matchers.find((m) => m.name === '__name__' && m.op === '=');
    const candidates: Iterable<RingSeries> = byName
      ? (this.byName.get(byName.value) ?? [])
      : [...this.targets.values()].flatMap((t) => [...t.series.values()]);
    const out: StoredSeries[] = [];
    for (const s of candidates) if (matchers.every((m) => matches(m, s.labels[m.name]))) out.push(s);
    return out;
  }

  /** Every stored series (for /api/v1/series and /api/v1/labels). */
  all(): StoredSeries[] {
    return [...this.targets.values()].flatMap((t) => [...t.series.values()]);
  }
}
