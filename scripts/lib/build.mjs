// Builds what is missing or older than its sources, so `npm start` works on a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyServerData } from '../copy-server-data.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function newest(paths) {
  let latest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const entry of readdirSync(p)) if (entry !== 'node_modules') visit(path.join(p, entry));
    } else latest = Math.max(latest, st.mtimeMs);
  };
  paths.forEach((p) => visit(path.join(root, p)));
  return latest;
}

function mtime(p) {
  const full = path.join(root, p);
  return existsSync(full) ? statSync(full).mtimeMs : 0;
}

function run(label, args) {
  process.stdout.write(`building ${label}...\n`);
  const r = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`error: building ${label} failed\n`);
    process.exit(r.status ?? 1);
  }
}

export function ensureServerBuilt() {
  const built = mtime('build/server/main.js');
  if (!built || newest(['server', 'tsconfig.server.json', 'package-lock.json']) > built) {
    run('the server', ['tsc', '-p', 'tsconfig.server.json']);
    copyServerData();
  }
}

export function ensureAppBuilt() {
  const built = mtime('dist/index.html');
  if (!built || newest(['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json']) > built) {
    run('the app', ['vite', 'build', '--logLevel', 'warn']);
  }
}
