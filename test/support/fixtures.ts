/**
 * The one way tests, e2e specs and benchmarks find the real KubeVirt and CDI manifests copied into
 * test/fixtures (see its README for their source and license): as paths and as parsed objects.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export const FIXTURES_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../fixtures');

/** The folders of test/fixtures, one per upstream project. */
export const FIXTURE_FOLDERS = ['kubevirt-examples', 'cdi-examples'] as const;

/** The path of one fixture, e.g. fixturePath('kubevirt-examples/vm-cirros.yaml'). */
export function fixturePath(rel: string): string {
  return join(FIXTURES_DIR, rel);
}

/** The documents of one fixture file, parsed (a file may hold several, separated by `---`). */
export function fixture<T = Record<string, unknown>>(rel: string): T[] {
  return parseAllDocuments(readFileSync(fixturePath(rel), 'utf8'))
    .map((d) => d.toJSON() as T | null)
    .filter((d): d is T => d !== null);
}

export interface Fixture {
  file: string;
  path: string;
  docs: Array<Record<string, unknown>>;
}

/** Every fixture file, in a stable order. */
export function loadFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const dir of FIXTURE_FOLDERS) {
    for (const f of readdirSync(join(FIXTURES_DIR, dir))
      .filter((x) => x.endsWith('.yaml'))
      .sort()) {
      const file = `${dir}/${f}`;
      out.push({ file, path: fixturePath(file), docs: fixture(file) });
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
