/** Discovery documents: /version, /api, /api/v1, /apis, /apis/G, /apis/G/V. */
import { createHash } from 'node:crypto';
import { RESOURCES, servedGroups } from '../store/index.js';
import type { ClusterApi } from './subresources.js';

export function versionInfo(): Record<string, string> {
  return {
    major: '1',
    minor: '32',
    gitVersion: 'v1.32.0',
    gitCommit: '70d3cc986aa8221cd1dfb1121852688902d3bf53',
    gitTreeState: 'clean',
    buildDate: '2024-12-11T17:59:15Z',
    goVersion: 'go1.23.3',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

function allGroups(api: ClusterApi): { group: string; versions: string[] }[] {
  const groups = servedGroups().filter((g) => g.group !== '');
  // subresources of the core group (pods/eviction) are listed under /api/v1, not as a group
  const extra = api.groups().filter((g) => g.group !== '');
  for (const e of extra) {
    const g = groups.find((x) => x.group === e.group);
    if (g)
      for (const v of e.versions) {
        if (!g.versions.includes(v)) g.versions.push(v);
      }
    else groups.push({ group: e.group, versions: [...e.versions] });
  }
  return groups;
}

function groupDoc(g: { group: string; versions: string[] }) {
  const versions = g.versions.map((v) => ({ groupVersion: `${g.group}/${v}`, version: v }));
  return { name: g.group, versions, preferredVersion: versions[0] };
}

export function apiVersions(host: string) {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: host }],
  };
}

export function apiGroupList(api: ClusterApi) {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: allGroups(api).map(groupDoc) };
}

export function apiGroup(api: ClusterApi, group: string) {
  const g = allGroups(api).find((x) => x.group === group);
  return g ? { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(g) } : undefined;
}

const hash = (s: string) => createHash('sha256').update(s).digest('base64').slice(0, 11);

/** APIResourceList for a group version, or undefined when not served. */
export function apiResourceList(api: ClusterApi, group: string, version: string) {
  const resources: Record<string, unknown>[] = [];
  for (const r of RESOURCES) {
    if (r.group !== group || !r.versions.includes(version)) continue;
    const entry: Record<string, unknown> = {
      name: r.plural,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.verbs,
    };
    if (r.shortNames.length) entry.shortNames = r.shortNames;
    if (r.categories.length) entry.categories = r.categories;
    if (!r.virtual) entry.storageVersionHash = hash(`${group}/${r.versions[0]}/${r.kind}`);
    resources.push(entry);
    if (r.hasStatus)
      resources.push({
        name: `${r.plural}/status`,
        singularName: '',
        namespaced: r.namespaced,
        kind: r.kind,
        verbs: ['get', 'patch', 'update'],
      });
    if (r.plural === 'namespaces' && !group)
      resources.push({
        name: 'namespaces/finalize',
        singularName: '',
        namespaced: false,
        kind: 'Namespace',
        verbs: ['update'],
      });
  }
  for (const d of api.listFor(group, version)) {
    if (!d.subresource) continue; // version, healthz: endpoints, not resources
    resources.push({
      name: `${d.resource}/${d.subresource}`,
      singularName: '',
      namespaced: d.namespaced ?? true,
      ...(d.kindGroupVersion ?? {}),
      kind: d.kind ?? '',
      verbs: d.verbs,
    });
  }
  if (!resources.length) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources,
  };
}
