// Copies the embedded cluster's runtime data (KubeVirt's and CDI's OpenAPI files, byte-for-byte, with
// their README and LICENSE) next to the built server: tsc compiles TypeScript only.
import { copyFileSync, cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIRS = ['server/cluster/openapi-data'];
// copied whole (nested folders of .proto files)
const TREES = ['server/cluster/protobuf-data'];

export function copyServerData() {
  for (const dir of DATA_DIRS) {
    const from = path.join(root, dir);
    const to = path.join(root, 'build', dir);
    mkdirSync(to, { recursive: true });
    for (const f of readdirSync(from)) {
      if (f.endsWith('.ts')) continue;
      rmSync(path.join(to, f), { force: true });
      copyFileSync(path.join(from, f), path.join(to, f));
    }
  }
  for (const dir of TREES) {
    const to = path.join(root, 'build', dir);
    rmSync(to, { recursive: true, force: true });
    cpSync(path.join(root, dir), to, { recursive: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) copyServerData();
