/**
 * Command lines for the cluster's command-line tools: where to download virtctl (KubeVirt's
 * release assets for the version the cluster runs) and kubectl, and the virtctl commands that
 * reach one VM (console, vnc, expose, ssh). Pure: the UI shows and copies what these return.
 */

export type ToolOs = 'linux' | 'darwin' | 'windows';
export type ToolArch = 'amd64' | 'arm64';

export interface ToolPlatform {
  os: ToolOs;
  arch: ToolArch;
  label: string;
}

/** The platforms KubeVirt publishes virtctl for (and kubectl too). */
export const TOOL_PLATFORMS: readonly ToolPlatform[] = [
  { os: 'linux', arch: 'amd64', label: 'Linux x86_64' },
  { os: 'linux', arch: 'arm64', label: 'Linux ARM64' },
  { os: 'darwin', arch: 'amd64', label: 'macOS Intel' },
  { os: 'darwin', arch: 'arm64', label: 'macOS Apple silicon' },
  { os: 'windows', arch: 'amd64', label: 'Windows x86_64' },
];

export const platformId = (p: Pick<ToolPlatform, 'os' | 'arch'>): string => `${p.os}-${p.arch}`;

export function findPlatform(id: string): ToolPlatform | undefined {
  return TOOL_PLATFORMS.find((p) => platformId(p) === id);
}

/** The platform a browser runs on, from its user agent; Linux x86_64 when unsure. */
export function guessPlatform(userAgent: string): ToolPlatform {
  const ua = userAgent.toLowerCase();
  const arm = /arm64|aarch64/.test(ua);
  if (ua.includes('windows')) return TOOL_PLATFORMS[4];
  if (ua.includes('mac os') || ua.includes('macintosh')) return arm ? TOOL_PLATFORMS[3] : TOOL_PLATFORMS[2];
  return arm ? TOOL_PLATFORMS[1] : TOOL_PLATFORMS[0];
}

const VERSION = /^v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/** A release version as tagged ("v1.6.2"); a leading "v" is added, anything else gives undefined. */
export function normalizeVersion(version: string | undefined): string | undefined {
  if (!version) return undefined;
  const v = version.startsWith('v') ? version : `v${version}`;
  return VERSION.test(v) ? v : undefined;
}

const exe = (os: ToolOs) => (os === 'windows' ? '.exe' : '');

/** virtctl's release asset: https://github.com/kubevirt/kubevirt/releases/download/v1.6.2/virtctl-v1.6.2-linux-amd64 */
export function virtctlDownloadUrl(version: string, p: Pick<ToolPlatform, 'os' | 'arch'>): string {
  return `https://github.com/kubevirt/kubevirt/releases/download/${version}/virtctl-${version}-${p.os}-${p.arch}${exe(p.os)}`;
}

/** kubectl from the Kubernetes release bucket: https://dl.k8s.io/release/v1.32.2/bin/linux/amd64/kubectl */
export function kubectlDownloadUrl(version: string, p: Pick<ToolPlatform, 'os' | 'arch'>): string {
  return `https://dl.k8s.io/release/${version}/bin/${p.os}/${p.arch}/kubectl${exe(p.os)}`;
}

/** Commands that download a binary to the current directory and put it on the PATH. */
function installCommands(tool: string, url: string, p: Pick<ToolPlatform, 'os'>): string {
  if (p.os === 'windows') return `curl.exe -L -o ${tool}.exe ${url}`;
  return [`curl -L -o ${tool} ${url}`, `chmod +x ${tool}`, `sudo install ${tool} /usr/local/bin/${tool}`].join('\n');
}

export function virtctlInstallCommands(version: string, p: Pick<ToolPlatform, 'os' | 'arch'>): string {
  return installCommands('virtctl', virtctlDownloadUrl(version, p), p);
}

export function kubectlInstallCommands(version: string, p: Pick<ToolPlatform, 'os' | 'arch'>): string {
  return installCommands('kubectl', kubectlDownloadUrl(version, p), p);
}

/** Quotes a word for a POSIX shell when it needs it (a leading `~/` stays unquoted so it expands). */
export function shellQuote(word: string): string {
  if (word !== '' && /^(?:~\/)?[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export interface VmTarget {
  namespace: string;
  name: string;
}

const ns = (t: VmTarget) => `-n ${shellQuote(t.namespace)}`;

/** The serial console. */
export function consoleCommand(t: VmTarget): string {
  return `virtctl console ${ns(t)} ${shellQuote(t.name)}`;
}

/** The graphical console in a local VNC viewer (`--proxy-only` prints a port for any viewer). */
export function vncCommand(t: VmTarget, o: { proxyOnly?: boolean } = {}): string {
  return `virtctl vnc ${ns(t)} ${shellQuote(t.name)}${o.proxyOnly ? ' --proxy-only' : ''}`;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer';

export interface ExposeOptions {
  /** The Service's port. */
  port: number;
  /** The guest's port; the Service port when omitted. */
  targetPort?: number;
  type: ServiceType;
  /** The Service name; `<vm>-<port>` (e.g. "fedora-ssh" style names are up to the user) by default. */
  serviceName?: string;
}

export const defaultServiceName = (t: VmTarget, port: number): string =>
  `${t.name}-${port}`.slice(0, 63).replace(/-+$/, '');

/** A Service in front of the VM (virtctl selects its pods by the VM name). */
export function exposeCommand(t: VmTarget, o: ExposeOptions): string {
  const parts = [
    'virtctl expose vm',
    ns(t),
    shellQuote(t.name),
    `--name ${shellQuote(o.serviceName || defaultServiceName(t, o.port))}`,
    `--type ${o.type}`,
    `--port ${o.port}`,
  ];
  if (o.targetPort !== undefined && o.targetPort !== o.port) parts.push(`--target-port ${o.targetPort}`);
  return parts.join(' ');
}

export interface SshOptions {
  /** The guest user; virtctl uses the local user name when omitted. */
  user?: string;
  /** A private key file (`-i`). */
  identityFile?: string;
  /** Run a command instead of an interactive shell (`--command`). */
  command?: string;
}

/** SSH through the API server's port-forward (no Service needed). */
export function sshCommand(t: VmTarget, o: SshOptions = {}): string {
  const user = o.user?.trim();
  const destination = `${user ? `${user}@` : ''}vm/${t.name}`;
  const parts = ['virtctl ssh', ns(t)];
  if (o.identityFile?.trim()) parts.push(`-i ${shellQuote(o.identityFile.trim())}`);
  if (o.command?.trim()) parts.push(`--command ${shellQuote(o.command.trim())}`);
  parts.push(shellQuote(destination));
  return parts.join(' ');
}

/** A plausible guest user for common images (the cloud images' documented defaults). */
export function defaultGuestUser(hints: string[]): string | undefined {
  const text = hints.join(' ').toLowerCase();
  const table: Array<[RegExp, string]> = [
    [/fedora/, 'fedora'],
    [/cirros/, 'cirros'],
    [/ubuntu/, 'ubuntu'],
    [/debian/, 'debian'],
    [/centos|rhel|red ?hat/, 'cloud-user'],
    [/alpine/, 'alpine'],
  ];
  return table.find(([re]) => re.test(text))?.[1];
}
