/**
 * What the VM and VMI action rules share: permissions as access-review verdicts, the order in
 * which a permission and a state reason disable an action, and the rules of pause, unpause and
 * migrate, which KubeVirt checks on the running instance for both. Pure.
 */
import type { AccessVerdict } from '../k8s/access-review';
import { vmiIsMigrating, vmiIsPaused, vmiMigratable, type VMI } from './vmi-selectors';

/** The label of every action a VM or a VMI has. */
export const ACTION_LABELS = {
  start: 'Start',
  stop: 'Stop',
  restart: 'Restart',
  pause: 'Pause',
  unpause: 'Unpause',
  migrate: 'Migrate',
  snapshot: 'Take snapshot',
  clone: 'Clone',
  delete: 'Delete',
} as const;

export type ActionId = keyof typeof ACTION_LABELS;

/** An access review's answer for one action. */
export type { AccessVerdict };

/** What the user may do: one verdict per action. */
export type ActionAccess<Id extends string> = Record<Id, AccessVerdict>;

/** The data the UI draws an action from; the features add the request that runs it. */
export interface ActionState<Id extends string> {
  id: Id;
  label: string;
  /** Set when the action is unavailable: the UI shows it disabled with this text, never hides it. */
  disabledReason?: string;
  /** Delete asks the user to type the object's name first. */
  needsConfirmation: boolean;
  /** Take snapshot and Clone open a dialog that sends the request. */
  opensDialog: boolean;
}

/** Actions in menu order, each with its label and the first reason it is unavailable; delete asks first. */
export const actionStates = <Id extends ActionId>(
  ids: readonly Id[],
  reason: (id: Id) => string | undefined,
): Array<ActionState<Id>> =>
  ids.map((id) => ({
    id,
    label: ACTION_LABELS[id],
    disabledReason: reason(id),
    needsConfirmation: id === 'delete',
    opensDialog: id === 'snapshot' || id === 'clone',
  }));

/** Access for tests and for callers that have already checked: everything allowed. */
export const fullAccess = <Id extends string>(ids: readonly Id[]): ActionAccess<Id> =>
  Object.fromEntries(ids.map((id) => [id, { allowed: true }])) as ActionAccess<Id>;

/** Why the user's permissions forbid doing `what` ("start virtual machines"), or undefined when they allow it. */
export function permissionReason(verdict: AccessVerdict | undefined, what: string): string | undefined {
  if (!verdict || verdict.loading) return 'Checking your permissions…';
  if (verdict.allowed) return undefined;
  return `You are not allowed to ${what} in this namespace${verdict.reason ? ` (${verdict.reason})` : ''}`;
}

/**
 * The first reason an action is unavailable: permissions first (they do not change), then state.
 * While the permissions are still being checked, a reason the state already gives comes first: it
 * holds whatever the answer, and does not flicker to another reason when the answer comes.
 */
export function firstReason(
  verdict: AccessVerdict | undefined,
  stateReason: () => string | undefined,
  accessReason: () => string | undefined,
): string | undefined {
  if (!verdict || verdict.loading) return stateReason() ?? accessReason();
  return accessReason() ?? stateReason();
}

export type InstanceActionId = 'pause' | 'unpause' | 'migrate';

export interface InstanceFacts {
  /** "virtual machine" or "instance": how the reasons name what they are about. */
  noun: string;
  /** The instance is running (phase Running, not final, not being deleted). */
  running: boolean;
  /** Unpause is possible at all (a VM's live instance; a VMI's running one). */
  unpausable: boolean;
  /** A migration is under way (the VMI's migration state, or the VM's Migrating status). */
  migrating: boolean;
}

/** Why pause, unpause or migrate cannot be done to a running instance now, or undefined. */
export function instanceActionReason(id: InstanceActionId, vmi: VMI | undefined, f: InstanceFacts): string | undefined {
  switch (id) {
    case 'pause':
      if (!f.running) return `Only a running ${f.noun} can be paused`;
      if (vmiIsPaused(vmi)) return `The ${f.noun} is already paused`;
      if (f.migrating || vmiIsMigrating(vmi)) return `The ${f.noun} is migrating`;
      return undefined;
    case 'unpause':
      if (!f.unpausable || !vmiIsPaused(vmi)) return `The ${f.noun} is not paused`;
      return undefined;
    case 'migrate': {
      if (!f.running) return `Only a running ${f.noun} can be migrated`;
      if (f.migrating || vmiIsMigrating(vmi)) return `The ${f.noun} is already migrating`;
      const m = vmiMigratable(vmi);
      return m.migratable ? undefined : m.reason;
    }
  }
}
