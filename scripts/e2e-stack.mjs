// The e2e server for E2E_BACKEND=kube-apiserver (playwright.config.ts): the real stack
// (npm run stack:build) with the simulation and virt-api attached, the users of e2e/users.yaml as
// static tokens and the default seed, as `npm run cluster -- --backend kube-apiserver` starts it;
// then the console in kubeconfig mode in front of it, on $E2E_PORT. Ctrl-C / SIGTERM stops both.
// E2E_STACK_PORT: kube-apiserver's port (etcd takes the two after it); default: free ports.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureServerBuilt, root } from './lib/build.mjs';

const port = process.env.E2E_PORT ?? '8090';
const dir = path.join(root, 'build', `e2e-stack-${port}`);
rmSync(dir, { recursive: true, force: true });
ensureServerBuilt();
const serverModule = (p) => import(pathToFileURL(path.join(root, 'build/server', p)).href);
const { findStack } = await serverModule('stack/find.js');
const found = findStack();
if (!found.bins) {
  console.error(`e2e-stack: ${found.reason}`);
  process.exit(1);
}
const { runStackCli } = await serverModule('stack/cli.js');
const stackArgs = ['--backend', 'kube-apiserver', '--data-dir', dir, '--users', 'e2e/users.yaml', '--seed', 'default'];
stackArgs.push('--speed', process.env.E2E_SPEED ?? '10');
if (process.env.E2E_STACK_PORT) stackArgs.push('--port', process.env.E2E_STACK_PORT);
await runStackCli(stackArgs, found.bins, root).catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});

const consoleArgs = ['build/server/main.js', '--kubeconfig', path.join(dir, 'kubeconfig'), '--port', port];
consoleArgs.push('--log-level', 'warn');
if (process.env.E2E_STATIC_DIR) consoleArgs.push('--static-dir', process.env.E2E_STATIC_DIR);
const env = { ...process.env };
delete env.KUBECONFIG;
const consoleServer = spawn(process.execPath, consoleArgs, { cwd: root, stdio: 'inherit', env });
// the stack's signal handlers close it and exit; the console goes with it
process.on('exit', () => consoleServer.kill());
consoleServer.on('exit', (code, signal) => {
  console.error(`e2e-stack: the console exited (${signal ?? code})`);
  process.kill(process.pid, 'SIGTERM');
});
