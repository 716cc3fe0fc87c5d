/**
 * The instance type catalog of the create form: the cluster's instance types (and the
 * namespace's) grouped by series, each size with its CPU and memory, each series described as
 * common-instancetypes describes it (its `instancetype.kubevirt.io/displayName` and
 * `description` annotations). Pure: the lists in, the groups out.
 */
import type { K8sResource } from '../../../k8s/types';

export const CLUSTER_INSTANCETYPE_KIND = 'VirtualMachineClusterInstancetype';
export const NAMESPACED_INSTANCETYPE_KIND = 'VirtualMachineInstancetype';
const DISPLAY_NAME = 'instancetype.kubevirt.io/displayName';
const DESCRIPTION = 'instancetype.kubevirt.io/description';

export interface InstancetypeObject extends K8sResource {
  spec?: { cpu?: { guest?: number }; memory?: { guest?: string } };
}

export interface CatalogSize {
  /** "<kind>/<name>": the form's value. */
  value: string;
  name: string;
  cpu: number | undefined;
  memory: string | undefined;
}

export interface CatalogSeries {
  /** "u1"; "namespace" for the namespace's own instance types. */
  id: string;
  /** "U series", "Instance types of namespace web". */
  title: string;
  /** The series' display name: "Universal", "Compute Exclusive". */
  className: string;
  /** The first paragraph of the series' description. */
  summary: string;
  sizes: CatalogSize[];
}

/** The order common-instancetypes lists its series in; other series follow alphabetically. */
const SERIES_ORDER = ['u1', 'o1', 'cx1', 'm1', 'n1', 'd1', 'rt1', 'gn1'];

/** "u1.2xmedium" → "u1"; a name without a dot is its own series. */
export const seriesOf = (name: string): string => (name.includes('.') ? name.slice(0, name.indexOf('.')) : name);

const GI: Record<string, number> = {
  Ki: 2 ** -20,
  Mi: 2 ** -10,
  Gi: 1,
  Ti: 2 ** 10,
  K: 1e3 / 2 ** 30,
  M: 1e6 / 2 ** 30,
  G: 1e9 / 2 ** 30,
};

/** "512Mi" → 0.5 (GiB); NaN when unreadable. */
export function memoryGi(q: string | undefined): number {
  const m = /^(\d+(?:\.\d+)?)([KMGT]i?)?$/.exec(q?.trim() ?? '');
  if (!m) return NaN;
  return Number(m[1]) * (m[2] ? (GI[m[2]] ?? NaN) : 2 ** -30);
}

const firstParagraph = (text: string | undefined): string =>
  (text ?? '')
    .trim()
    .split(/\n\s*\n/)[0]
    .replace(/\s+/g, ' ');

function size(kind: string, o: InstancetypeObject): CatalogSize {
  const name = o.metadata?.name ?? '';
  return { value: `${kind}/${name}`, name, cpu: o.spec?.cpu?.guest, memory: o.spec?.memory?.guest };
}

/** Smallest first: by CPUs, then memory, then name. */
const bySize = (a: CatalogSize, b: CatalogSize): number =>
  (a.cpu ?? 0) - (b.cpu ?? 0) || memoryGi(a.memory) - memoryGi(b.memory) || a.name.localeCompare(b.name);

const seriesRank = (id: string): number => {
  const i = SERIES_ORDER.indexOf(id);
  return i < 0 ? SERIES_ORDER.length : i;
};

/** The catalog: the namespace's own instance types first (one group), then the cluster's by series. */
export function buildCatalog(
  cluster: readonly InstancetypeObject[] | undefined,
  namespaced: readonly InstancetypeObject[] | undefined,
  namespace: string,
): CatalogSeries[] {
  const out: CatalogSeries[] = [];
  if (namespaced?.length) {
    out.push({
      id: 'namespace',
      title: `Namespace ${namespace}`,
      className: 'VirtualMachineInstancetype',
      summary: `Instance types defined in namespace ${namespace}.`,
      sizes: namespaced.map((o) => size(NAMESPACED_INSTANCETYPE_KIND, o)).sort(bySize),
    });
  }
  const groups = new Map<string, { objects: InstancetypeObject[] }>();
  for (const o of cluster ?? []) {
    const id = seriesOf(o.metadata?.name ?? '');
    if (!id) continue;
    const g = groups.get(id) ?? { objects: [] };
    g.objects.push(o);
    groups.set(id, g);
  }
  const ids = [...groups.keys()].sort((a, b) => seriesRank(a) - seriesRank(b) || a.localeCompare(b));
  for (const id of ids) {
    const objects = groups.get(id)!.objects;
    const described = objects.find((o) => o.metadata?.annotations?.[DESCRIPTION]) ?? objects[0];
    const annotations = described.metadata?.annotations ?? {};
    out.push({
      id,
      title: `${id.toUpperCase()} series`,
      className: annotations[DISPLAY_NAME] ?? '',
      summary: firstParagraph(annotations[DESCRIPTION]),
      sizes: objects.map((o) => size(CLUSTER_INSTANCETYPE_KIND, o)).sort(bySize),
    });
  }
  return out;
}

/** The series holding a form value ("<kind>/<name>"); undefined when none does. */
export const seriesOfValue = (catalog: readonly CatalogSeries[], value: string): CatalogSeries | undefined =>
  catalog.find((s) => s.sizes.some((z) => z.value === value));

/** The size a series starts at when chosen: its "medium" when it has one, else its smallest. */
export const defaultSize = (series: CatalogSeries): CatalogSize | undefined =>
  series.sizes.find((z) => z.name.endsWith('.medium')) ?? series.sizes[0];

/** "2 CPUs, 8 GiB memory". */
export function describeSize(z: Pick<CatalogSize, 'cpu' | 'memory'>): string {
  const cpu = z.cpu === undefined ? 'CPUs unknown' : `${z.cpu} ${z.cpu === 1 ? 'CPU' : 'CPUs'}`;
  const memory = z.memory ? `${z.memory.replace(/([KMGT])i$/, ' $1iB')} memory` : 'memory unknown';
  return `${cpu}, ${memory}`;
}

export interface ListState {
  data: readonly InstancetypeObject[] | undefined;
  error: Error | null;
}

/** An error's HTTP code when it carries one (a K8sError's `code`), else 0. */
function httpCode(e: Error | null): number {
  const code = (e as unknown as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : 0;
}

export interface CatalogNotice {
  id: string;
  variant: 'warning' | 'danger' | 'info';
  title: string;
  text: string;
}

export interface CatalogState {
  /** undefined while a list still loads; a list that failed counts as empty. */
  series: CatalogSeries[] | undefined;
  notices: CatalogNotice[];
}

/**
 * The catalog from the two lists, and what to tell the user: a user who may not list the
 * cluster's instance types (403) is told so, and still gets the namespace's and the custom path.
 */
export function catalogState(cluster: ListState, namespaced: ListState, namespace: string): CatalogState {
  const loading = (!cluster.data && !cluster.error) || (!namespaced.data && !namespaced.error);
  const series = loading ? undefined : buildCatalog(cluster.data, namespaced.data, namespace);
  const notices: CatalogNotice[] = [];
  if (cluster.error) {
    notices.push(
      httpCode(cluster.error) === 403
        ? {
            id: 'create-vm-instancetypes-forbidden',
            variant: 'warning',
            title: "You cannot list the cluster's instance types",
            text: `${cluster.error.message.replace(/\.?$/, '.')} The instance types of namespace ${namespace} and the Custom path are still available.`,
          }
        : {
            id: 'create-vm-instancetypes-error',
            variant: 'danger',
            title: "Cannot load the cluster's instance types",
            text: cluster.error.message,
          },
    );
  }
  if (namespaced.error && httpCode(namespaced.error) !== 403) {
    notices.push({
      id: 'create-vm-ns-instancetypes-error',
      variant: 'danger',
      title: `Cannot load the instance types of namespace ${namespace}`,
      text: namespaced.error.message,
    });
  }
  if (series && !series.length) {
    notices.push({
      id: 'create-vm-no-instancetypes',
      variant: 'info',
      title: 'No instance types',
      text: `Neither the cluster nor namespace ${namespace} has instance types you can read: use the Custom path.`,
    });
  }
  return { series, notices };
}
