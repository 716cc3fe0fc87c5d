import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { readFlags, FlagError, USAGE, type ServerFlags } from './flags.js';
import { createConsoleServer } from './proxy/app.js';
import { passThroughUpstream, type Upstream } from './proxy/upstream.js';
import { kubeconfigUpstream } from './proxy/kubeconfig.js';
import { inClusterUpstream } from './proxy/in-cluster.js';
import { jsonLogger } from './proxy/log.js';
import { uploadProxyTarget } from './proxy/upload-target.js';
import type { UploadProxyTarget } from './proxy/upload-route.js';
import { prometheusTarget, type PrometheusTarget } from './proxy/prometheus-target.js';
import { startCluster } from './cluster/index.js';
import { jsonLine } from './cluster/log.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

async function selectUpstream(
  flags: ServerFlags,
  say: (line: string) => void,
): Promise<{
  upstream: Upstream;
  uploadProxy: UploadProxyTarget;
  prometheus: PrometheusTarget;
  close: () => Promise<void>;
}> {
  const uploads = { url: flags.cdiUploadProxyUrl, caFile: flags.cdiUploadProxyCa };
  const metrics = { url: flags.prometheusUrl, caFile: flags.prometheusCa };
  if (flags.inCluster) {
    const upstream = inClusterUpstream({ serviceAccount: flags.serviceAccount, accountDir: flags.serviceAccountDir });
    say(`cluster: ${upstream.description}`);
    if (flags.serviceAccount)
      say("WARNING: --service-account: every user of this console acts with the pod's service account");
    return {
      upstream,
      uploadProxy: uploadProxyTarget({ mode: 'in-cluster', ...uploads }),
      prometheus: prometheusTarget({ mode: 'in-cluster', upstream, accountDir: flags.serviceAccountDir, ...metrics }),
      close: async () => {},
    };
  }
  if (flags.kubeconfig) {
    const upstream = kubeconfigUpstream(flags.kubeconfig, flags.context);
    say(`cluster: ${upstream.description}`);
    return {
      upstream,
      uploadProxy: uploadProxyTarget({ mode: 'kubeconfig', ...uploads }),
      prometheus: prometheusTarget({ mode: 'kubeconfig', upstream, ...metrics }),
      close: async () => {},
    };
  }
  const cluster = await startCluster({
    host: '127.0.0.1',
    port: flags.clusterPort,
    seed: flags.seed,
    speed: flags.speed,
    dataDir: flags.dataDir,
    usersFile: flags.users,
    guests: flags.guests,
    maxGuests: flags.maxGuests,
    log: (msg, fields) => say(jsonLine(msg, { component: 'cluster', ...fields })),
  });
  say(`cluster: embedded Kubernetes API with KubeVirt at ${cluster.url} (seed ${flags.seed}, speed ${flags.speed}x)`);
  return {
    upstream: passThroughUpstream(cluster.url, `embedded cluster at ${cluster.url}`),
    uploadProxy: uploadProxyTarget({ mode: 'embedded', embeddedUrl: cluster.uploadProxyUrl, ...uploads }),
    prometheus: prometheusTarget({ mode: 'embedded', embeddedUrl: cluster.prometheusUrl, ...metrics }),
    close: () => cluster.close(),
  };
}

/** A --host given as a name (not an address, not a wildcard) is a host the console is served under. */
const boundHostName = (host: string): string[] => (isIP(host) === 0 && host !== '' ? [host] : []);

async function main(): Promise<void> {
  let flags: ServerFlags;
  try {
    flags = readFlags(process.argv.slice(2), process.env);
  } catch (err) {
    if (err instanceof FlagError) {
      process.stderr.write(`error: ${err.message}\n\n${USAGE}`);
      process.exit(2);
    }
    throw err;
  }
  if (flags.help) {
    process.stdout.write(USAGE);
    return;
  }
  const say = (line: string) => process.stdout.write(line + '\n');
  const log = jsonLogger(undefined, flags.logLevel);
  let selected: Awaited<ReturnType<typeof selectUpstream>>;
  try {
    selected = await selectUpstream(flags, say);
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    process.exit(1);
  }
  const { upstream, uploadProxy, prometheus, close } = selected;
  say('unavailable' in uploadProxy ? `uploads: ${uploadProxy.unavailable}` : `uploads: ${uploadProxy.description}`);
  say('unavailable' in prometheus ? `metrics: ${prometheus.unavailable}` : `metrics: ${prometheus.description}`);
  const staticDir = flags.staticDir ?? path.join(repoRoot, 'dist');
  if (!existsSync(path.join(staticDir, 'index.html')))
    say(`note: no built app in ${staticDir}; serving the API proxy only`);
  const { server, drain } = createConsoleServer({
    upstream,
    staticDir,
    log,
    allowedOrigins: [
      ...(process.env.CONSOLE_ALLOWED_ORIGINS?.split(',').filter(Boolean) ?? []),
      ...(flags.publicUrl ? [flags.publicUrl.origin] : []),
    ],
    allowedHosts: [
      ...flags.allowedHosts,
      ...(flags.publicUrl ? [flags.publicUrl.hostname] : []),
      ...boundHostName(flags.host),
    ],
    trustForwardedHeaders: flags.trustForwardedHeaders,
    loginUrl: flags.loginUrl,
    secureCookies: flags.secureCookies,
    uploadProxy,
    maxUploadBytes: flags.maxUploadBytes,
    prometheus,
  });
  server.on('error', (err) => {
    process.stderr.write(`error: cannot listen on ${flags.host}:${flags.port}: ${err.message}\n`);
    process.exit(1);
  });
  server.listen(flags.port, flags.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : flags.port;
    const shownHost = flags.host === '0.0.0.0' || flags.host === '::' ? 'localhost' : flags.host;
    say(`KubeVirt console listening: open http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}/`);
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: draining connections, then stopping`);
    setTimeout(() => process.exit(0), 10_000).unref();
    void drain(5000)
      .then(() => close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();
