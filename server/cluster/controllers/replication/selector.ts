/** LabelSelector helpers shared by the replica set and pool controllers. */
import { labelSelectorFromObject, matchLabels } from '../../store/index.js';

export interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** metav1.FormatLabelSelector: the selector's string form, requirements sorted by key. */
export function formatSelector(sel: LabelSelectorObject | undefined): string {
  const parts: [string, string][] = Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => [k, `${k}=${v}`]);
  for (const e of sel?.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    const op = e.operator.toLowerCase();
    if (op === 'in') parts.push([e.key, `${e.key} in (${values})`]);
    else if (op === 'notin') parts.push([e.key, `${e.key} notin (${values})`]);
    else if (op === 'exists') parts.push([e.key, e.key]);
    else if (op === 'doesnotexist') parts.push([e.key, `!${e.key}`]);
  }
  return parts
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map((p) => p[1])
    .join(',');
}

export function selects(sel: LabelSelectorObject | undefined, labels: Record<string, string> | undefined): boolean {
  if (!sel || (!sel.matchLabels && !sel.matchExpressions)) return false;
  return matchLabels(labelSelectorFromObject(sel), labels ?? {});
}
