import { matchTargets, targetKey, type PaletteTarget, type PreparedTargets } from '../../lib/palette-match';
import { namespacedPath } from '../../lib/routes';
import type { PaletteCommand } from './commands';

const BADGE: Record<PaletteTarget['kind'], string> = {
  vm: 'VM',
  vmi: 'VMI',
  service: 'Service',
  namespace: 'Namespace',
};

/** The palette lists the best 30 matches: more than a screenful, few enough to render at once. */
const RESULT_LIMIT = 30;

/** Where picking a target leads (a VM opens its commands instead). */
export function targetPath(t: PaletteTarget): string {
  switch (t.kind) {
    case 'vm':
      return namespacedPath('virtualmachines', t.namespace, t.name);
    case 'vmi':
      return namespacedPath('virtualmachineinstances', t.namespace, t.name);
    case 'service':
      // Services have no page of their own: their list, filtered to the name.
      return `${namespacedPath('services', t.namespace)}?q=${encodeURIComponent(t.name)}`;
    case 'namespace':
      return namespacedPath('virtualmachines', t.name);
  }
}

/** The search's lines: each matched object, its kind and namespace, picked with `pick`. */
export function searchCommands(
  query: string,
  prepared: PreparedTargets<PaletteTarget>,
  recent: readonly string[],
  pick: (t: PaletteTarget) => void,
): PaletteCommand[] {
  return matchTargets(query, prepared, { recent, limit: RESULT_LIMIT }).map(({ target, indexes }) => ({
    id: targetKey(target),
    label: target.name,
    badge: BADGE[target.kind],
    description: target.namespace
      ? `${recent.includes(targetKey(target)) ? 'Recent · ' : ''}Namespace ${target.namespace}`
      : recent.includes(targetKey(target))
        ? 'Recent'
        : undefined,
    indexes,
    run: () => pick(target),
  }));
}
