/**
 * The common instance types and preferences virt-operator deploys on every install
 * (pkg/virt-operator/resource/apply/instancetype.go, data in
 * pkg/virt-operator/resource/generate/components/data/common-instancetypes/): read from the
 * project's copy of those bundles (server/cluster/data/common-instancetypes/) and created when
 * missing, as virt-operator's reconcile does, labelled as managed by it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { ResourceKey, type ClusterClient, type KObject } from '../../runtime/client.js';
import type { ClusterLog } from '../../log.js';

const DATA = join('server', 'cluster', 'data', 'common-instancetypes');
const BUNDLES: [string, string][] = [
  ['common-clusterinstancetypes-bundle.yaml', ResourceKey.clusterInstancetypes],
  ['common-clusterpreferences-bundle.yaml', ResourceKey.clusterPreferences],
];

/** The data folder, from the sources (server/...) or the build (build/server/...). */
function dataDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, DATA);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

let cached: [string, KObject[]][] | undefined;

/** The bundles' objects by store resource. */
export function commonInstancetypes(): [string, KObject[]][] {
  if (cached) return cached;
  const dir = dataDir();
  if (!dir) return [];
  cached = BUNDLES.map(([file, res]) => [
    res,
    parseAllDocuments(readFileSync(join(dir, file), 'utf8'))
      .map((d) => d.toJS() as KObject | null)
      .filter((o): o is KObject => !!o && typeof o === 'object'),
  ]);
  return cached;
}

export function ensureCommonInstancetypes(client: ClusterClient, log: ClusterLog): void {
  const bundles = commonInstancetypes();
  if (!bundles.length) {
    log('common instance types: data folder not found, none deployed', { folder: DATA });
    return;
  }
  for (const [res, objects] of bundles) {
    for (const obj of objects) {
      if (client.tryGet(res, undefined, obj.metadata.name ?? '')) continue;
      const labels = { ...(obj.metadata.labels ?? {}), 'app.kubernetes.io/managed-by': 'virt-operator' };
      client.create(res, { ...obj, metadata: { ...obj.metadata, labels } }, { fieldManager: 'virt-operator' });
    }
  }
}
