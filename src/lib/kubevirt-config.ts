/**
 * Reading the KubeVirt CR's configuration (kubevirt.io/v1 KubeVirt): which CR is the installed one,
 * whether software emulation is on, which feature gates are enabled. Pure; no React.
 */
import type { V1KubeVirt } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';

/**
 * The installed KubeVirt among those listed: KubeVirt supports one per cluster; when several exist
 * (a second one never deploys), the Deployed one, else the oldest.
 */
export function selectKubeVirt(list: V1KubeVirt[] | undefined): V1KubeVirt | undefined {
  if (!list?.length) return undefined;
  const live = list.filter((kv) => !kv.metadata?.deletionTimestamp);
  const pool = live.length ? live : list;
  const byAge = [...pool].sort((a, b) =>
    (a.metadata?.creationTimestamp ?? '').localeCompare(b.metadata?.creationTimestamp ?? ''),
  );
  return byAge.find((kv) => kv.status?.phase === 'Deployed') ?? byAge[0];
}

/** spec.configuration.developerConfiguration.useEmulation (false when unset). */
export function usesEmulation(kv: V1KubeVirt | undefined): boolean {
  return kv?.spec?.configuration?.developerConfiguration?.useEmulation === true;
}

/** The merge patch that turns software emulation on or off. */
export function emulationPatch(on: boolean): Record<string, unknown> {
  return { spec: { configuration: { developerConfiguration: { useEmulation: on } } } };
}
