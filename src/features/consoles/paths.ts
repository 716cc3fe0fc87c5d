import { namespacedPath } from '../../lib/routes';
import type { ConsoleKind } from './diagnose';

export type ConsoleOwner = 'virtualmachines' | 'virtualmachineinstances';

/** The console type a `type` query parameter names; VNC unless it says serial. */
export const consoleKindOf = (type: string | null): ConsoleKind => (type === 'serial' ? 'serial' : 'vnc');

/**
 * The full-window console of a VM or VMI: /k8s/ns/<ns>/virtualmachines/<name>/console/standalone?type=vnc.
 * (/k8s/ns/<ns>/virtualmachines/<name>/console is the Console tab of the VM's details.)
 */
export const standaloneConsolePath = (
  owner: ConsoleOwner,
  namespace: string,
  name: string,
  kind: ConsoleKind,
): string => `${namespacedPath(owner, namespace, name, 'console', 'standalone')}?type=${kind}`;
