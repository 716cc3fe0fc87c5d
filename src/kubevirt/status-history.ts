/**
 * What the console has seen of each VM's printableStatus and each VMI's phase during the session:
 * a short list per object, oldest first, each value with the time the console saw it. A watch
 * batch may carry a state the list never draws (Starting between two frames); the history keeps
 * it, for the status popover. Objects are told apart by metadata.uid, never by name: a VM deleted
 * and created again with the same name is another object, with a history of its own, whatever
 * late events of the old one still arrive. Pure; no React.
 */
import type { K8sResource } from '../k8s/types';
import type { WatchObserver } from '../k8s/watch/watch-manager';
import { formatDuration } from './migrations';
import { vmPrintableStatus, type VM } from './vm-selectors';
import { vmiPhase, type VMI } from './vmi-selectors';

export type HistoryKind = 'VirtualMachine' | 'VirtualMachineInstance';

/** How the console came to see an object: a watch event, or an item of a list. */
export type SightingType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'LISTED';

export interface StatusSighting {
  /** The VM's printableStatus, or the VMI's phase. */
  status: string;
  /** When the console saw it (epoch ms): not when the cluster made the change. */
  at: number;
}

export interface StatusHistoryOptions {
  /** Sightings kept per object (the newest). */
  limit?: number;
  /** Objects kept; past it, the one updated least recently is forgotten. */
  maxObjects?: number;
}

interface Track {
  entries: readonly StatusSighting[];
  /** The last few resourceVersions seen, so the same event from a second watch is not counted twice. */
  seen: string[];
}

const SEEN_VERSIONS = 8;
const EMPTY: readonly StatusSighting[] = Object.freeze([]);

/** The status the UI shows for an object of this kind (Unknown and Pending for a missing one, as the pages do). */
export function statusOf(kind: HistoryKind, object: K8sResource): string {
  return kind === 'VirtualMachine' ? vmPrintableStatus(object as VM) : vmiPhase(object as VMI);
}

export class StatusHistory {
  private readonly tracks = new Map<string, Track>();
  private readonly listeners = new Set<() => void>();
  private readonly limit: number;
  private readonly maxObjects: number;

  constructor(options: StatusHistoryOptions = {}) {
    this.limit = options.limit ?? 10;
    this.maxObjects = options.maxObjects ?? 50_000;
  }

  /**
   * Records what a watch or a list showed of one object. An object without a uid is not recorded;
   * a deletion forgets the object (a late deletion of an object already forgotten changes nothing).
   * Returns whether the history changed.
   */
  observe(kind: HistoryKind, type: SightingType, object: K8sResource, at: number): boolean {
    const changed = this.record(kind, type, object, at);
    if (changed) for (const listener of [...this.listeners]) listener();
    return changed;
  }

  /** Several sightings at once (a list's items), listeners told once. */
  observeAll(kind: HistoryKind, type: SightingType, objects: readonly K8sResource[], at: number): boolean {
    let changed = false;
    for (const object of objects) changed = this.record(kind, type, object, at) || changed;
    if (changed) for (const listener of [...this.listeners]) listener();
    return changed;
  }

  /** The object's sightings, oldest first; the same array until it changes (for useSyncExternalStore). */
  entries(uid: string | undefined): readonly StatusSighting[] {
    return (uid && this.tracks.get(uid)?.entries) || EMPTY;
  }

  /** Number of objects with a history (tests and diagnostics). */
  get size(): number {
    return this.tracks.size;
  }

  /** Called after every change; returns the function that unsubscribes. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private record(kind: HistoryKind, type: SightingType, object: K8sResource, at: number): boolean {
    const uid = object.metadata?.uid;
    if (!uid) return false;
    if (type === 'DELETED') return this.tracks.delete(uid);
    const rv = object.metadata?.resourceVersion;
    let track = this.tracks.get(uid);
    if (track && rv && track.seen.includes(rv)) return false;
    if (!track) {
      track = { entries: EMPTY, seen: [] };
      if (this.tracks.size >= this.maxObjects) this.forgetOldest();
    } else {
      // Most recently updated last: the first in the map is the one to forget.
      this.tracks.delete(uid);
    }
    this.tracks.set(uid, track);
    if (rv) {
      track.seen.push(rv);
      if (track.seen.length > SEEN_VERSIONS) track.seen.shift();
    }
    const status = statusOf(kind, object);
    const last = track.entries[track.entries.length - 1];
    if (last?.status === status) return false;
    track.entries = [...track.entries.slice(Math.max(0, track.entries.length + 1 - this.limit)), { status, at }];
    return true;
  }

  private forgetOldest(): void {
    const oldest = this.tracks.keys().next();
    if (!oldest.done) this.tracks.delete(oldest.value);
  }
}

/** How long a status lasted, for a history entry: "0.4s" under ten seconds, then as migrations' durations ("1m 5s"). */
export function stayText(ms: number): string {
  if (ms < 100) return '<0.1s';
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)}s`;
  return formatDuration(Math.round(ms / 1000));
}

/**
 * The WatchManager observer that feeds a history with the VMs and VMIs the console receives
 * (kubevirt.io; any other kind is not its business), each seen at `now()`.
 */
export function statusHistoryObserver(history: StatusHistory, now: () => number = Date.now): WatchObserver {
  return (model, type, objects) => {
    if (model.group !== 'kubevirt.io') return;
    if (model.kind === 'VirtualMachine' || model.kind === 'VirtualMachineInstance')
      history.observeAll(model.kind, type, objects, now());
  };
}
