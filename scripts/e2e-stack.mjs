// The e2e server for E2E_BACKEND=kube-apiserver (playwright.config.ts): the real stack
// (npm run stack:build) with the simulation and virt-api attached, the users of e2e/users.yaml as
// static tokens and the default seed, as `npm run cluster -- --backend kube-apiserver` starts it;
// then the console in kubeconfig mode in front of it, on $E2E_PORT. Ctrl-C / SIGTERM stops both.
// E2E_STACK_PORT: kube-apiserver's port (etcd takes the two after it); default: free ports.
// When oauth2-proxy and mockoidc are built too, the login chain comes first (e2e/oauth-login.spec.ts):
// mockoidc with e2e/oidc-users.json's users, kube-apiserver accepting its ID tokens, a second
// console in --in-cluster mode and oauth2-proxy in front of it (on $E2E_OAUTH_PORT, default a free
// port); their addresses go to build/e2e-stack-<port>/oauth.json, which the spec reads. The
// --in-cluster console runs without the chain too: e2e/fixtures sends tests acting as a viewer there
// (build/e2e-stack-<port>/consoles.json).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureServerBuilt, root } from './lib/build.mjs';

const port = process.env.E2E_PORT ?? '8090';
const dir = path.join(root, 'build', `e2e-stack-${port}`);
rmSync(dir, { recursive: true, force: true });
ensureServerBuilt();
const serverModule = (p) => import(pathToFileURL(path.join(root, 'build/server', p)).href);
const { findOauth, findStack } = await serverModule('stack/find.js');
const found = findStack();
if (!found.bins) {
  console.error(`e2e-stack: ${found.reason}`);
  process.exit(1);
}
const { runStackCli } = await serverModule('stack/cli.js');
const stackArgs = ['--backend', 'kube-apiserver', '--data-dir', dir, '--users', 'e2e/users.yaml', '--seed', 'default'];
stackArgs.push('--speed', process.env.E2E_SPEED ?? '10');
if (process.env.E2E_STACK_PORT) stackArgs.push('--port', process.env.E2E_STACK_PORT);
const failed = (e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
};
/** Once the stack runs, a failure stops it through its own signal handler (which exits). */
const stopAfter = (e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.kill(process.pid, 'SIGTERM');
  return new Promise(() => {});
};
async function waitReady(url, child) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) break;
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`e2e-stack: ${url} did not become ready`);
}
const env = { ...process.env };
delete env.KUBECONFIG;
const children = [];
process.on('exit', () => children.forEach((c) => c.kill()));

const oauth = findOauth();
if (!oauth.bins) console.error(`e2e-stack: no login chain (${oauth.reason}): e2e/oauth-login.spec.ts will skip`);
const { startOidcProvider, startOauthProxy } = await serverModule('stack/oauth.js');
const users = JSON.parse(readFileSync(path.join(root, 'e2e/oidc-users.json'), 'utf8'));
const provider = oauth.bins
  ? await startOidcProvider({ bin: oauth.bins.mockoidc, dir, users }).catch(failed)
  : undefined;
if (provider) {
  process.on('exit', () => void provider.close());
  stackArgs.push('--oidc-issuer-url', provider.issuerUrl, '--oidc-client-id', provider.clientId);
  stackArgs.push('--oidc-ca-file', provider.caFile);
}
const stack = await runStackCli(stackArgs, found.bins, root).catch(failed);

// The console as deployed (deploy/base): --in-cluster, the API server and its CA where a pod has them,
// passing each request's own token on. Tests that act as another user of e2e/users.yaml (a viewer)
// open this one (e2e/fixtures): the kubeconfig console acts as the kubeconfig's admin whoever asks.
// With the login chain, oauth2-proxy is in front of it.
const { freePort } = await serverModule('stack/processes.js');
const saDir = path.join(dir, 'serviceaccount');
mkdirSync(saDir, { recursive: true });
copyFileSync(stack.caFile, path.join(saDir, 'ca.crt'));
const api = new URL(stack.url);
const inClusterPort = await freePort();
const inClusterArgs = ['build/server/main.js', '--in-cluster', '--service-account-dir', saDir];
if (provider) inClusterArgs.push('--login-url', '/oauth2/start');
inClusterArgs.push('--port', String(inClusterPort), '--log-level', 'warn');
if (process.env.E2E_STATIC_DIR) inClusterArgs.push('--static-dir', process.env.E2E_STATIC_DIR);
const inCluster = spawn(process.execPath, inClusterArgs, {
  cwd: root,
  stdio: 'inherit',
  env: { ...env, KUBERNETES_SERVICE_HOST: api.hostname, KUBERNETES_SERVICE_PORT: api.port },
});
children.push(inCluster);
const inClusterUrl = `http://127.0.0.1:${inClusterPort}`;
await waitReady(inClusterUrl, inCluster).catch(stopAfter);
writeFileSync(path.join(dir, 'consoles.json'), JSON.stringify({ passThrough: inClusterUrl }, null, 2) + '\n');

if (provider) {
  const proxyPort = Number(process.env.E2E_OAUTH_PORT) || (await freePort());
  const proxy = await startOauthProxy({
    bin: oauth.bins['oauth2-proxy'],
    dir,
    port: proxyPort,
    upstreamUrl: inClusterUrl,
    provider,
  }).catch(stopAfter);
  process.on('exit', () => void proxy.close());
  writeFileSync(
    path.join(dir, 'oauth.json'),
    JSON.stringify({ url: proxy.url, adminUrl: provider.adminUrl, issuerUrl: provider.issuerUrl }, null, 2) + '\n',
  );
}

const consoleArgs = ['build/server/main.js', '--kubeconfig', path.join(dir, 'kubeconfig'), '--port', port];
consoleArgs.push('--log-level', 'warn');
if (process.env.E2E_STATIC_DIR) consoleArgs.push('--static-dir', process.env.E2E_STATIC_DIR);
const consoleServer = spawn(process.execPath, consoleArgs, { cwd: root, stdio: 'inherit', env });
// the stack's signal handlers close it and exit; the consoles go with it
children.push(consoleServer);
consoleServer.on('exit', (code, signal) => {
  console.error(`e2e-stack: the console exited (${signal ?? code})`);
  process.kill(process.pid, 'SIGTERM');
});
