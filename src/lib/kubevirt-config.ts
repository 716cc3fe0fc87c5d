/**
 * Reading the KubeVirt CR's configuration (kubevirt.io/v1 KubeVirt): which CR is the installed one,
 * whether software emulation is on, which feature gates are enabled. Pure; no React.
 */
import type {
  V1DeveloperConfiguration,
  V1KubeVirt,
  V1KubeVirtConfiguration,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';

/**
 * spec.configuration. The type package names the field `_configuration` (its generator renames
 * a property called "configuration"); on the wire it is `configuration`, so read it by that name.
 */
export function kubevirtConfiguration(kv: V1KubeVirt | undefined): V1KubeVirtConfiguration | undefined {
  return (kv?.spec as { configuration?: V1KubeVirtConfiguration } | undefined)?.configuration;
}

/** spec.configuration.developerConfiguration. */
export function developerConfiguration(kv: V1KubeVirt | undefined): V1DeveloperConfiguration | undefined {
  return kubevirtConfiguration(kv)?.developerConfiguration;
}

/** A KubeVirt spec with the given developerConfiguration (for tests and fixtures). */
export function specWithDeveloperConfiguration(dev: V1DeveloperConfiguration): V1KubeVirt['spec'] {
  return { configuration: { developerConfiguration: dev } } as V1KubeVirt['spec'];
}

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
  return developerConfiguration(kv)?.useEmulation === true;
}

/** The merge patch that turns software emulation on or off. */
export function emulationPatch(on: boolean): Record<string, unknown> {
  return { spec: { configuration: { developerConfiguration: { useEmulation: on } } } };
}
