/** The real KubeVirt and CDI manifests copied into server/cluster/test/fixtures, as files and as parsed objects. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../fixtures');

export interface Fixture {
  file: string;
  path: string;
  docs: Array<Record<string, unknown>>;
}

export function loadFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const dir of ['kubevirt-examples', 'cdi-examples']) {
    for (const f of readdirSync(join(FIXTURES_DIR, dir))
      .filter((x) => x.endsWith('.yaml'))
      .sort()) {
      const path = join(FIXTURES_DIR, dir, f);
      const docs = parseAllDocuments(readFileSync(path, 'utf8'))
        .map((d) => d.toJSON() as Record<string, unknown> | null)
        .filter((d): d is Record<string, unknown> => d !== null);
      out.push({ file: `${dir}/${f}`, path, docs });
    }
  }
  return out;
}

/** "virtualmachine.kubevirt.io/vm-cirros": how kubectl names an object in its output. */
export function kubectlName(obj: Record<string, unknown>): string {
  const apiVersion = String(obj.apiVersion);
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
  const kind = String(obj.kind).toLowerCase();
  const name = String((obj.metadata as Record<string, unknown>).name);
  return `${group ? `${kind}.${group}` : kind}/${name}`;
}

/** Namespaces the fixtures refer to (clone sources). */
export const FIXTURE_NAMESPACES = ['source-ns'];
