/** `npm run cluster -- --port 8001 [--host h] [--seed none|default|scale:N] [--speed n] [--data-dir d] [--users f] [--guests auto|simulated|qemu] [--allowed-hosts a,b]` */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isGuestsMode } from './guest/index.js';
import { startCluster } from './index.js';

const USAGE = `Usage: cluster [--port 8001] [--host 127.0.0.1] [--seed default|none|scale:N] [--speed 1] [--data-dir DIR] [--users FILE]
               [--tls-cert-file cert.pem --tls-private-key-file key.pem] [--guests auto|simulated|qemu] [--max-guests N]
               [--allowed-hosts name,...]   host names clients use besides loopback names and IP addresses`;

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '8001' },
        host: { type: 'string', default: '127.0.0.1' },
        seed: { type: 'string', default: 'default' },
        speed: { type: 'string', default: '1' },
        'data-dir': { type: 'string' },
        users: { type: 'string' },
        'tls-cert-file': { type: 'string' },
        'tls-private-key-file': { type: 'string' },
        guests: { type: 'string', default: 'auto' },
        'max-guests': { type: 'string' },
        'allowed-hosts': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  const speed = Number(values.speed);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${String(values.port)}`);
  if (!(speed > 0)) throw new Error(`invalid --speed ${String(values.speed)}`);
  const certFile = values['tls-cert-file'] as string | undefined;
  const keyFile = values['tls-private-key-file'] as string | undefined;
  if (Boolean(certFile) !== Boolean(keyFile)) throw new Error('--tls-cert-file and --tls-private-key-file go together');
  const guests = String(values.guests);
  if (!isGuestsMode(guests)) throw new Error(`invalid --guests ${guests} (auto, simulated or qemu)`);
  const maxGuests = values['max-guests'] === undefined ? undefined : Number(values['max-guests']);
  if (maxGuests !== undefined && !(Number.isInteger(maxGuests) && maxGuests >= 0))
    throw new Error(`invalid --max-guests ${String(values['max-guests'])}`);
  const cluster = await startCluster({
    port,
    host: String(values.host),
    seed: String(values.seed),
    speed,
    dataDir: values['data-dir'] as string | undefined,
    usersFile: values.users as string | undefined,
    tls: certFile && keyFile ? { cert: readFileSync(certFile), key: readFileSync(keyFile) } : undefined,
    guests,
    maxGuests,
    allowedHosts: String(values['allowed-hosts'] ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean),
  });
  console.log(`Embedded cluster listening on ${cluster.url}`);
  console.log(`Point kubectl at it:  kubectl --server ${cluster.url} get vms -A`);
  console.log(`CDI upload proxy (virtctl image-upload --uploadproxy-url): ${cluster.uploadProxyUrl}`);
  console.log(`Prometheus query API (KubeVirt VMI metrics): ${cluster.prometheusUrl}`);
  console.log(
    `  or: kubectl config set-cluster embedded --server=${cluster.url} && kubectl config set-context embedded --cluster=embedded && kubectl config use-context embedded`,
  );
  let stopping = false;
  const stop = (sig: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`${sig}: shutting down`);
    cluster.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
