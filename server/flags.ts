/** Command-line flags of the console server, with environment fallbacks. */
import { isDns1123Subdomain } from './cluster/apimachinery/validation.js';
import { isGuestsMode, type GuestsMode } from './cluster/guest/index.js';
import { quantityInteger } from './cluster/apimachinery/quantity.js';

export interface ServerFlags {
  port: number;
  host: string;
  kubeconfig?: string;
  context?: string;
  seed: string;
  speed: number;
  dataDir?: string;
  users?: string;
  staticDir?: string;
  clusterPort: number;
  inCluster: boolean;
  serviceAccount: boolean;
  /** With --in-cluster: the folder of the pod's service account (ca.crt, token); default the pod's mount. */
  serviceAccountDir?: string;
  loginUrl?: string;
  secureCookies: boolean;
  /** Host names the console answers besides localhost and IP literals (`name`, `*.domain`, `*`). */
  allowedHosts: string[];
  /** The URL browsers open (a route or ingress): its host is allowed, its origin may open websockets. */
  publicUrl?: URL;
  /** X-Forwarded-Host/-Proto come from a trusted proxy in front of the console. */
  trustForwardedHeaders: boolean;
  logLevel: 'info' | 'warn' | 'error';
  /** What runs behind Running VMIs: auto (qemu when available and --speed 1), simulated or qemu. */
  guests: GuestsMode;
  maxGuests?: number;
  /** CDI's upload proxy (cdi-uploadproxy) the upload route streams to; defaults per mode (main.ts). */
  cdiUploadProxyUrl?: URL;
  /** PEM file with the CA that signed the upload proxy's certificate (CDI's cdi-uploadproxy-signer-bundle). */
  cdiUploadProxyCa?: string;
  /** Largest upload the console forwards, in bytes. */
  maxUploadBytes: number;
  /** The Prometheus-compatible query endpoint behind /api/prometheus; defaults per mode (main.ts). */
  prometheusUrl?: URL;
  /** PEM file with the CA that signed that endpoint's certificate. */
  prometheusCa?: string;
  help: boolean;
}

export class FlagError extends Error {}

const BOOLEAN_FLAGS = new Set(['help', 'in-cluster', 'service-account', 'secure-cookies', 'trust-forwarded-headers']);
const VALUE_FLAGS = new Set([
  'login-url',
  'service-account-dir',
  'log-level',
  'allowed-hosts',
  'public-url',
  'port',
  'host',
  'kubeconfig',
  'context',
  'seed',
  'speed',
  'data-dir',
  'users',
  'static-dir',
  'cluster-port',
  'guests',
  'max-guests',
  'cdi-uploadproxy-url',
  'cdi-uploadproxy-ca',
  'max-upload-bytes',
  'prometheus-url',
  'prometheus-ca',
]);

/** Parses `--name value` and `--name=value` pairs; unknown flags are an error, not ignored. */
export function parseArgs(argv: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new FlagError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (BOOLEAN_FLAGS.has(name)) {
      out.set(name, eq > 0 ? arg.slice(eq + 1) : 'true');
      continue;
    }
    if (!VALUE_FLAGS.has(name)) throw new FlagError(`unknown flag --${name}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new FlagError(`flag --${name} needs a value`);
    out.set(name, value);
  }
  return out;
}

function toPort(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new FlagError(`${what} must be a port number (0-65535), got "${value}"`);
  return n;
}

function toLogLevel(value: string): ServerFlags['logLevel'] {
  if (value === 'info' || value === 'warn' || value === 'error') return value;
  throw new FlagError(`--log-level must be info, warn or error, got "${value}"`);
}

function toHostPatterns(value: string): string[] {
  const patterns = value
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  for (const p of patterns) {
    if (p !== '*' && isDns1123Subdomain(p.replace(/^\*\./, '')).length) {
      throw new FlagError(`--allowed-hosts takes host names, *.domain patterns or *, got "${p}"`);
    }
  }
  return patterns;
}

function toPublicUrl(value: string | undefined): URL | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new FlagError(`--public-url must be a URL such as https://console.example.com, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FlagError(`--public-url must be http or https, got "${value}"`);
  return url;
}

function toHttpUrl(flag: string, example: string, value: string | undefined): URL | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new FlagError(`--${flag} must be a URL such as ${example}, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FlagError(`--${flag} must be http or https, got "${value}"`);
  if (url.search || url.hash || url.username || url.password)
    throw new FlagError(`--${flag} takes a base URL without query, fragment or credentials, got "${value}"`);
  return url;
}

function toByteSize(value: string): number {
  const n = quantityInteger(value);
  if (n === undefined || !(n > 0))
    throw new FlagError(`--max-upload-bytes must be a size such as 64Gi, got "${value}"`);
  return n;
}

export function readFlags(argv: string[], env: NodeJS.ProcessEnv): ServerFlags {
  const args = parseArgs(argv);
  const speed = Number(args.get('speed') ?? env.CLUSTER_SPEED ?? '1');
  if (!(speed > 0)) throw new FlagError(`--speed must be a positive number, got "${args.get('speed')}"`);
  const guests = args.get('guests') ?? env.KVC_GUESTS ?? 'auto';
  if (!isGuestsMode(guests)) throw new FlagError(`--guests must be auto, simulated or qemu, got "${guests}"`);
  const maxGuestsFlag = args.get('max-guests');
  const maxGuests = maxGuestsFlag === undefined ? undefined : Number(maxGuestsFlag);
  if (maxGuests !== undefined && !(Number.isInteger(maxGuests) && maxGuests >= 0))
    throw new FlagError(`--max-guests must be a whole number, got "${maxGuestsFlag}"`);
  const flags: ServerFlags = {
    port: toPort(args.get('port') ?? env.PORT ?? '8080', '--port'),
    host: args.get('host') ?? env.HOST ?? '127.0.0.1',
    kubeconfig: args.get('kubeconfig') ?? env.KUBECONFIG,
    context: args.get('context'),
    seed: args.get('seed') ?? 'default',
    speed,
    dataDir: args.get('data-dir'),
    users: args.get('users'),
    staticDir: args.get('static-dir'),
    clusterPort: toPort(args.get('cluster-port') ?? '0', '--cluster-port'),
    inCluster: args.get('in-cluster') === 'true',
    serviceAccount: args.get('service-account') === 'true',
    serviceAccountDir: args.get('service-account-dir'),
    loginUrl: args.get('login-url') ?? (args.get('in-cluster') === 'true' ? '/oauth/start' : undefined),
    secureCookies: args.get('secure-cookies') === 'true',
    allowedHosts: toHostPatterns(args.get('allowed-hosts') ?? env.CONSOLE_ALLOWED_HOSTS ?? ''),
    publicUrl: toPublicUrl(args.get('public-url') ?? env.CONSOLE_PUBLIC_URL),
    trustForwardedHeaders: args.get('trust-forwarded-headers') === 'true',
    logLevel: toLogLevel(args.get('log-level') ?? env.LOG_LEVEL ?? 'info'),
    guests,
    maxGuests,
    cdiUploadProxyUrl: toHttpUrl(
      'cdi-uploadproxy-url',
      'https://cdi-uploadproxy.cdi.svc',
      args.get('cdi-uploadproxy-url') ?? env.CDI_UPLOADPROXY_URL,
    ),
    cdiUploadProxyCa: args.get('cdi-uploadproxy-ca'),
    maxUploadBytes: toByteSize(args.get('max-upload-bytes') ?? '64Gi'),
    prometheusUrl: toHttpUrl(
      'prometheus-url',
      'https://thanos-querier.openshift-monitoring.svc:9091',
      args.get('prometheus-url') ?? env.PROMETHEUS_URL,
    ),
    prometheusCa: args.get('prometheus-ca'),
    help: args.get('help') === 'true',
  };
  if (flags.serviceAccount && !flags.inCluster) throw new FlagError('--service-account only applies with --in-cluster');
  if (flags.serviceAccountDir !== undefined && !flags.inCluster)
    throw new FlagError('--service-account-dir only applies with --in-cluster');
  if (flags.inCluster && flags.kubeconfig && args.has('kubeconfig'))
    throw new FlagError('choose one of --in-cluster and --kubeconfig');
  return flags;
}

export const USAGE = `Usage: npm start -- [flags]

  --port <n>          port to serve the console on (default 8080, or $PORT)
  --host <addr>       address to bind (default 127.0.0.1)
  --kubeconfig <f>    proxy to the cluster of this kubeconfig (or $KUBECONFIG)
  --context <name>    kubeconfig context to use
  --seed <s>          embedded cluster seed: default | none | scale:<N>
  --speed <x>         embedded cluster time multiplier (default 1; tests use more)
  --data-dir <dir>    persist the embedded cluster's objects in this folder
  --users <file>      embedded cluster users file (tokens and roles)
  --cluster-port <n>  loopback port for the embedded cluster (default: any free port)
  --guests <g>        what runs behind Running VMIs: auto (default, or $KVC_GUESTS): real QEMU
                      guests when qemu-system-x86_64 and the guest image (npm run guest:build)
                      are there and --speed is 1, else simulated; or simulated | qemu
  --max-guests <n>    most QEMU guests at once (default from free memory); beyond, simulated
  --in-cluster        proxy to the API server of the cluster the console runs in, with each
                      user's own token (X-Forwarded-Access-Token or Authorization from an OAuth proxy)
  --service-account   with --in-cluster: act with the pod's service account for every user
  --service-account-dir <dir>
                      with --in-cluster: where the pod's service account (ca.crt, token) is mounted
                      (default /var/run/secrets/kubernetes.io/serviceaccount)
  --login-url <url>   where a browser without a token is sent (default /oauth/start in cluster)
  --secure-cookies    mark cookies Secure (behind TLS)
  --public-url <url>  the URL browsers open the console under (a route or ingress; or
                      $CONSOLE_PUBLIC_URL): its host is accepted and its origin may open websockets
  --allowed-hosts <h> comma-separated host names the console answers besides localhost and IP
                      addresses (or $CONSOLE_ALLOWED_HOSTS): name, *.domain (subdomains), or * (any:
                      only behind a proxy that checks the host itself). Other hosts get 403
  --trust-forwarded-headers
                      a proxy in front sets X-Forwarded-Host and X-Forwarded-Proto (and drops the
                      client's): check them too. Without it they are ignored
  --cdi-uploadproxy-url <url>
                      CDI's upload proxy that disk image uploads stream to (or $CDI_UPLOADPROXY_URL).
                      Default: the embedded cluster's; https://cdi-uploadproxy.cdi.svc with
                      --in-cluster; none with --kubeconfig (uploads answer 503 until it is given)
  --cdi-uploadproxy-ca <file>
                      PEM CA bundle that signed the upload proxy's certificate (CDI's
                      cdi-uploadproxy-signer-bundle ConfigMap); default: the system's and the pod's CAs
  --max-upload-bytes <size>
                      largest disk image upload (default 64Gi; a quantity such as 10Gi or bytes)
  --prometheus-url <url>
                      Prometheus-compatible query endpoint (Prometheus, Thanos) behind /api/prometheus,
                      for the VM utilization charts (or $PROMETHEUS_URL). Default: the embedded
                      cluster's; thanos-querier (openshift-monitoring, port 9091) with --in-cluster on
                      OpenShift; none with --kubeconfig (queries answer 503 until it is given). Queries
                      carry the user's own token; a kubeconfig's credentials are never sent to it
  --prometheus-ca <file>
                      PEM CA bundle that signed the Prometheus endpoint's certificate (default: the
                      system's, and OpenShift's service CA in a pod)
  --log-level <l>     info (default: one JSON line per API request), warn or error
`;
