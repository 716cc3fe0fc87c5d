/**
 * `npm run cluster -- --backend kube-apiserver [--port 6443] [--data-dir d] [--users f]`: the real
 * stack (see ./index.ts), printing an admin kubeconfig; Ctrl-C stops it. scripts/cluster.mjs finds
 * the binaries that `npm run stack:build` made and passes them here.
 */
import { parseArgs } from 'node:util';
import { readUsersFile } from '../cluster/auth/users-file.js';
import { stdoutLog } from '../cluster/log.js';
import { seedWith } from '../cluster/seed/index.js';
import { startStack, type StackBins } from './index.js';
import { KCM_CONTROLLERS_WITH_SIMULATION, attachWithVirtApi, type Attached } from './attach/index.js';

const USAGE =
  'Usage: cluster --backend kube-apiserver [--port 6443] [--data-dir DIR] [--users FILE] [--no-controller-manager]\n' +
  '         [--no-simulation] [--speed X] [--seed none|default|scale:N]\n' +
  '         [--oidc-issuer-url URL --oidc-client-id ID --oidc-ca-file FILE]';

/** What a started stack is reachable at (for scripts that start more in front of it). */
export interface StackStarted {
  url: string;
  caFile: string;
  kubeconfigFile: string;
}

export async function runStackCli(
  argv: string[],
  bins: StackBins,
  projectRoot: string,
): Promise<StackStarted | undefined> {
  const { values } = parseArgs({
    args: argv,
    options: {
      backend: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      users: { type: 'string' },
      'no-controller-manager': { type: 'boolean' },
      'no-simulation': { type: 'boolean' },
      speed: { type: 'string' },
      seed: { type: 'string' },
      'oidc-issuer-url': { type: 'string' },
      'oidc-client-id': { type: 'string' },
      'oidc-ca-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return undefined;
  }
  const issuer = values['oidc-issuer-url'];
  const oidcParts = [issuer, values['oidc-client-id'], values['oidc-ca-file']];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean))
    throw new Error('--oidc-issuer-url, --oidc-client-id and --oidc-ca-file go together');
  const oidc = issuer
    ? { issuerUrl: issuer, clientId: String(values['oidc-client-id']), caFile: String(values['oidc-ca-file']) }
    : undefined;
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65534))
    throw new Error(`invalid --port ${String(values.port)} (etcd takes the two ports after it)`);
  const simulate = !values['no-simulation'];
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!(speed > 0 && speed <= 1000)) throw new Error(`invalid --speed ${String(values.speed)}`);
  if (!simulate && values.seed && values.seed !== 'none')
    throw new Error('--seed needs the simulation (no --no-simulation)');
  const t0 = Date.now();
  const stack = await startStack({
    bins,
    projectRoot,
    port,
    dir: values['data-dir'],
    users: values.users ? readUsersFile(values.users) : [],
    noControllerManager: values['no-controller-manager'],
    controllers: simulate ? KCM_CONTROLLERS_WITH_SIMULATION : undefined,
    oidc,
  });
  console.log(
    `kube-apiserver listening on ${stack.url} (logs and certificates in ${stack.dir}), up in ${Date.now() - t0} ms`,
  );
  let attached: Attached | undefined;
  if (simulate) {
    try {
      const t1 = Date.now();
      attached = await attachWithVirtApi(stack, { speed, log: stdoutLog });
      await attached.controllers.idle();
      console.log(`KubeVirt, CDI, scheduler and kubelets simulated over HTTPS, attached in ${Date.now() - t1} ms`);
      seedWith(attached.client, values.seed ?? 'none');
    } catch (e) {
      await attached?.close();
      await stack.close();
      throw e;
    }
  }
  console.log(`Admin kubeconfig (${stack.kubeconfigFile}):\n`);
  console.log(stack.kubeconfig);
  console.log(`Point kubectl at it:  KUBECONFIG=${stack.kubeconfigFile} kubectl get vms -A`);
  let stopping = false;
  const stop = (sig: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`${sig}: shutting down`);
    (attached ? attached.close() : Promise.resolve())
      .then(() => stack.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  return { url: stack.url, caFile: stack.caFile, kubeconfigFile: stack.kubeconfigFile };
}
