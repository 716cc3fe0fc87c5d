/** Tolerations as text lines, like kubectl taint's syntax: key[=value][:Effect]. Pure. */
import type { K8sIoApiCoreV1Toleration } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';

type Toleration = K8sIoApiCoreV1Toleration;

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function formatTolerations(list: readonly Toleration[] | undefined): string {
  return (list ?? [])
    .map((t) => {
      const kv = t.operator === 'Exists' || t.value === undefined ? (t.key ?? '') : `${t.key ?? ''}=${t.value}`;
      return t.effect ? `${kv}:${t.effect}` : kv;
    })
    .join('\n');
}

export function parseTolerations(text: string): { tolerations: Toleration[]; problems: string[] } {
  const tolerations: Toleration[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const colon = line.lastIndexOf(':');
    const effect = colon >= 0 ? line.slice(colon + 1).trim() : '';
    const kv = colon >= 0 ? line.slice(0, colon).trim() : line;
    if (effect && !EFFECTS.includes(effect)) {
      problems.push(`line ${i + 1}: the effect is one of ${EFFECTS.join(', ')}`);
      return;
    }
    const eq = kv.indexOf('=');
    const key = eq < 0 ? kv : kv.slice(0, eq).trim();
    const t: Toleration =
      eq < 0 ? { key, operator: 'Exists' } : { key, operator: 'Equal', value: kv.slice(eq + 1).trim() };
    if (!key && eq >= 0) {
      problems.push(`line ${i + 1}: a value needs a key`);
      return;
    }
    if (!key) delete t.key;
    if (effect) t.effect = effect as Toleration['effect'];
    tolerations.push(t);
  });
  return { tolerations, problems };
}
