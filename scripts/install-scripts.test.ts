/**
 * npm 11 runs a dependency's install script only when package.json's `allowScripts` approves it
 * (and warns on every `npm ci` about those it skipped): every locked package with an install
 * script has a decision there, so a fresh `npm ci` is quiet and does what was reviewed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url);
const read = (file: string) => JSON.parse(readFileSync(new URL(file, root), 'utf8')) as Record<string, unknown>;

describe('install scripts', () => {
  it('every locked package with an install script is approved or denied in allowScripts', () => {
    const lock = read('package-lock.json') as {
      packages: Record<string, { version?: string; hasInstallScript?: boolean }>;
    };
    const decided = Object.keys((read('package.json').allowScripts ?? {}) as Record<string, boolean>);
    const withScripts = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([path, p]) => ({
        name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length),
        version: p.version,
      }));
    expect(withScripts.map((p) => p.name)).toContain('esbuild');
    const undecided = withScripts.filter((p) => !decided.some((d) => d === p.name || d === `${p.name}@${p.version}`));
    expect(undecided, 'run `npm install-scripts approve <name>` (or deny) after reviewing the script').toEqual([]);
  });
});
