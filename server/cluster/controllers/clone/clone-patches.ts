/**
 * The JSON patches a VirtualMachineClone's restore applies to the new VM, as KubeVirt's
 * generatePatches (pkg/virt-controller/watch/clone/vm-target.go): every interface's MAC replaced
 * (by spec.newMacAddresses, else emptied for a new one), the SMBios serial (spec.newSMBiosSerial,
 * else emptied) and the firmware UUID emptied, and the labels and annotations the filters leave
 * out removed (VM and template), then the clone's own spec.patches.
 */
import type { KObject } from '../../runtime/client.js';

export interface CloneSpec {
  source?: { apiGroup?: string; kind?: string; name?: string };
  target?: { apiGroup?: string; kind?: string; name?: string };
  labelFilters?: string[];
  annotationFilters?: string[];
  template?: { labelFilters?: string[]; annotationFilters?: string[] };
  newMacAddresses?: Record<string, string>;
  newSMBiosSerial?: string;
  patches?: string[];
}

interface VmShape {
  template?: {
    metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
    spec?: { domain?: { devices?: { interfaces?: { name: string }[] }; firmware?: Record<string, unknown> } };
  };
}

const escape = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** A filter is a regular expression on the key; `*` alone is all; `!` negates and wins (generateStrStrMapPatches). */
function removalPatches(
  map: Record<string, string> | undefined,
  filters: string[] | undefined,
  base: string,
): string[] {
  if (!filters || !map) return [];
  const regular: string[] = [];
  const negations: string[] = [];
  for (const f of filters) {
    if (f === '*') regular.push('.*');
    else if (f.startsWith('!')) negations.push(f.slice(1));
    else regular.push(f);
  }
  const matches = (re: string, s: string) => {
    try {
      return new RegExp(re).test(s);
    } catch {
      return false;
    }
  };
  return Object.keys(map)
    .filter((k) => !(regular.some((r) => matches(r, k)) && !negations.some((n) => matches(n, k))))
    .map((k) => JSON.stringify({ op: 'remove', path: `${base}/${escape(k)}` }));
}

export function clonePatches(vm: KObject, spec: CloneSpec): string[] {
  const s = (vm.spec ?? {}) as VmShape;
  const tspec = s.template?.spec;
  const patches: string[] = [];
  (tspec?.domain?.devices?.interfaces ?? []).forEach((iface, i) => {
    patches.push(
      JSON.stringify({
        op: 'replace',
        path: `/spec/template/spec/domain/devices/interfaces/${i}/macAddress`,
        value: spec.newMacAddresses?.[iface.name] ?? '',
      }),
    );
  });
  const firmware = tspec?.domain?.firmware;
  if (firmware)
    patches.push(
      JSON.stringify({
        op: 'replace',
        path: '/spec/template/spec/domain/firmware/serial',
        value: spec.newSMBiosSerial ?? '',
      }),
    );
  const annotations = { ...vm.metadata.annotations };
  delete annotations['restore.kubevirt.io/lastRestoreUID'];
  patches.push(...removalPatches(vm.metadata.labels, spec.labelFilters, '/metadata/labels'));
  patches.push(...removalPatches(annotations, spec.annotationFilters, '/metadata/annotations'));
  const tmeta = s.template?.metadata;
  patches.push(...removalPatches(tmeta?.labels, spec.template?.labelFilters, '/spec/template/metadata/labels'));
  patches.push(
    ...removalPatches(tmeta?.annotations, spec.template?.annotationFilters, '/spec/template/metadata/annotations'),
  );
  if (firmware)
    patches.push(JSON.stringify({ op: 'replace', path: '/spec/template/spec/domain/firmware/uuid', value: '' }));
  return [...patches, ...(spec.patches ?? [])];
}
