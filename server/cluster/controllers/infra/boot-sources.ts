/**
 * The common boot sources an install deploys (HCO hands SSP its DataImportCron templates, SSP
 * creates them): the namespace `kubevirt-os-images` and one DataImportCron per template of the
 * project's copy of HCO's list (server/cluster/data/boot-sources/), created when missing. Each
 * cron carries the instancetype labels its containerdisk image declares; CDI copies them onto
 * the DataSource it manages (controllers/cdi/dataimportcron-controller.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ResourceKey, type ClusterClient, type KObject } from '../../runtime/client.js';
import type { ClusterLog } from '../../log.js';
import { DATA_IMPORT_CRONS } from '../cdi/boot-source-controller.js';

export const BOOT_SOURCES_NAMESPACE = 'kubevirt-os-images';
const DATA = join('server', 'cluster', 'data', 'boot-sources', 'dataImportCronTemplates.yaml');

/** The labels the quay.io/containerdisks images carry (instancetype.kubevirt.io/default-*). */
const IMAGE_LABELS: Record<string, Record<string, string>> = {
  'centos-stream9': { instancetype: 'u1.medium', preference: 'centos.stream9' },
  'centos-stream10': { instancetype: 'u1.medium', preference: 'centos.stream10' },
  fedora: { instancetype: 'u1.medium', preference: 'fedora' },
};

function dataFile(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, DATA))) return join(dir, DATA);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

type Template = { metadata: KObject['metadata']; spec: { managedDataSource?: string } & Record<string, unknown> };

export function ensureBootSources(client: ClusterClient, log: ClusterLog): void {
  const file = dataFile();
  if (!file) return log('boot sources: data file not found, none deployed', { file: DATA });
  const templates = parse(readFileSync(file, 'utf8')) as Template[];
  if (!client.tryGet(ResourceKey.namespaces, undefined, BOOT_SOURCES_NAMESPACE))
    client.create(ResourceKey.namespaces, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: BOOT_SOURCES_NAMESPACE },
    });
  ensureOsImagesView(client);
  for (const t of templates) {
    const name = t.metadata.name ?? '';
    if (client.tryGet(DATA_IMPORT_CRONS, BOOT_SOURCES_NAMESPACE, name)) continue;
    const image = IMAGE_LABELS[t.spec.managedDataSource ?? ''];
    client.create(
      DATA_IMPORT_CRONS,
      {
        apiVersion: 'cdi.kubevirt.io/v1beta1',
        kind: 'DataImportCron',
        metadata: {
          ...t.metadata,
          namespace: BOOT_SOURCES_NAMESPACE,
          labels: {
            ...(t.metadata.labels ?? {}),
            'app.kubernetes.io/managed-by': 'ssp-operator',
            ...(image
              ? {
                  'instancetype.kubevirt.io/default-instancetype': image.instancetype,
                  'instancetype.kubevirt.io/default-preference': image.preference,
                }
              : {}),
          },
        },
        spec: t.spec,
      },
      { fieldManager: 'ssp-operator' },
    );
  }
}

/**
 * SSP's view of the boot sources for every authenticated user (its `os-images.kubevirt.io:view`
 * Role and RoleBinding in the boot-sources namespace): read the DataSources, DataImportCrons,
 * DataVolumes and PVCs there, and clone from them (`datavolumes/source`).
 */
function ensureOsImagesView(client: ClusterClient): void {
  const RBAC = 'rbac.authorization.k8s.io';
  const name = 'os-images.kubevirt.io:view';
  const labels = { 'app.kubernetes.io/managed-by': 'ssp-operator' };
  if (!client.tryGet(`roles.${RBAC}`, BOOT_SOURCES_NAMESPACE, name))
    client.create(`roles.${RBAC}`, {
      apiVersion: `${RBAC}/v1`,
      kind: 'Role',
      metadata: { name, namespace: BOOT_SOURCES_NAMESPACE, labels },
      rules: [
        {
          apiGroups: ['cdi.kubevirt.io'],
          resources: ['datasources', 'dataimportcrons', 'datavolumes'],
          verbs: ['get', 'list', 'watch'],
        },
        { apiGroups: ['cdi.kubevirt.io'], resources: ['datavolumes/source'], verbs: ['create'] },
        { apiGroups: [''], resources: ['persistentvolumeclaims'], verbs: ['get', 'list', 'watch'] },
      ],
    } as unknown as KObject);
  if (!client.tryGet(`rolebindings.${RBAC}`, BOOT_SOURCES_NAMESPACE, name))
    client.create(`rolebindings.${RBAC}`, {
      apiVersion: `${RBAC}/v1`,
      kind: 'RoleBinding',
      metadata: { name, namespace: BOOT_SOURCES_NAMESPACE, labels },
      roleRef: { apiGroup: RBAC, kind: 'Role', name },
      subjects: [{ apiGroup: RBAC, kind: 'Group', name: 'system:authenticated' }],
    } as unknown as KObject);
}
