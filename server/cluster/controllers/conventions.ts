/**
 * The embedded cluster's documented conventions (docs/embedded-cluster.md): which images and
 * URLs are unreachable, which guests crash at boot, which guests run a guest agent and what OS
 * they report.
 */

/** Hosts under the reserved `.invalid` TLD (RFC 2606) are unreachable. */
function hostOf(ref: string): string {
  const noScheme = ref.replace(/^[a-z]+:\/\//i, '');
  const first = noScheme.split('/')[0] ?? '';
  return first.replace(/:\d+$/, '').toLowerCase();
}

function tagOf(image: string): string {
  const last = image.split('/').pop() ?? '';
  const at = last.indexOf('@');
  if (at >= 0) return '';
  const colon = last.lastIndexOf(':');
  return colon >= 0 ? last.slice(colon + 1) : 'latest';
}

/** An image that cannot be pulled: registry host under `.invalid`, or the tag `nonexistent`. */
export function isUnpullableImage(image: string): boolean {
  const parts = image.split('/');
  const hasRegistry = parts.length > 1 && /[.:]|^localhost$/.test(parts[0]);
  const host = hasRegistry ? hostOf(image) : '';
  return host.endsWith('.invalid') || tagOf(image) === 'nonexistent';
}

/** The kubelet's pull error message for such an image. */
export function pullErrorMessage(image: string): string {
  const parts = image.split('/');
  const host = parts.length > 1 && /[.:]/.test(parts[0]) ? hostOf(image) : 'docker.io';
  if (host.endsWith('.invalid')) {
    return `failed to pull and unpack image "${image}": failed to resolve reference "${image}": failed to do request: Head "https://${host}/v2/": dial tcp: lookup ${host}: no such host`;
  }
  return `failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`;
}

/** A container disk whose tag is `crashloop` boots a guest that crashes before it runs. */
export function isCrashingImage(image: string): boolean {
  return tagOf(image) === 'crashloop';
}

/**
 * An import source that fails: an http(s) URL whose host is under `.invalid` (connection
 * error) or whose path contains `nonexistent` (404), or an unpullable registry image.
 */
export function importFailure(source: { http?: { url?: string }; registry?: { url?: string } }): string | undefined {
  const url = source.http?.url;
  if (url) {
    const host = hostOf(url);
    if (host.endsWith('.invalid')) {
      return `Unable to connect to http data source: Get "${url}": dial tcp: lookup ${host}: no such host`;
    }
    if (/nonexistent/.test(url.replace(/^[a-z]+:\/\/[^/]+/i, ''))) {
      return 'Unable to connect to http data source: expected status code 200, got 404. Status: 404 Not Found';
    }
  }
  const reg = source.registry?.url;
  if (reg) {
    const image = reg.replace(/^docker:\/\//, '');
    if (isUnpullableImage(image)) return `Unable to process data: Failed to read registry image: ${pullErrorMessage(image)}`;
  }
  return undefined;
}

export interface GuestOs {
  id: string;
  name: string;
  prettyName: string;
  version: string;
  versionId: string;
  kernelRelease: string;
  kernelVersion: string;
  machine: string;
  /** Has qemu-guest-agent: AgentConnected and guestOSInfo. */
  agent: boolean;
  /** User that exists in the image without cloud-init (documented defaults). */
  defaultUser: string;
  defaultPassword: string;
}

const OSES: Array<[RegExp, GuestOs]> = [
  [
    /windows|win(10|11|2k|20\d\d)/i,
    {
      id: 'mswindows',
      name: 'Microsoft Windows',
      prettyName: 'Windows Server 2022 Datacenter',
      version: '2022',
      versionId: '2022',
      kernelRelease: '20348',
      kernelVersion: '10.0',
      machine: 'x86_64',
      agent: true,
      defaultUser: 'Administrator',
      defaultPassword: 'Administrator',
    },
  ],
  [
    /fedora/i,
    {
      id: 'fedora',
      name: 'Fedora Linux',
      prettyName: 'Fedora Linux 41 (Cloud Edition)',
      version: '41 (Cloud Edition)',
      versionId: '41',
      kernelRelease: '6.11.4-301.fc41.x86_64',
      kernelVersion: '#1 SMP PREEMPT_DYNAMIC Sun Oct 20 15:02:33 UTC 2024',
      machine: 'x86_64',
      agent: true,
      defaultUser: 'fedora',
      defaultPassword: 'fedora',
    },
  ],
  [
    /centos|rhel|stream/i,
    {
      id: 'centos',
      name: 'CentOS Stream',
      prettyName: 'CentOS Stream 9',
      version: '9',
      versionId: '9',
      kernelRelease: '5.14.0-503.el9.x86_64',
      kernelVersion: '#1 SMP PREEMPT_DYNAMIC Thu Oct 3 12:00:00 UTC 2024',
      machine: 'x86_64',
      agent: true,
      defaultUser: 'cloud-user',
      defaultPassword: 'centos',
    },
  ],
  [
    /ubuntu/i,
    {
      id: 'ubuntu',
      name: 'Ubuntu',
      prettyName: 'Ubuntu 24.04.1 LTS',
      version: '24.04.1 LTS (Noble Numbat)',
      versionId: '24.04',
      kernelRelease: '6.8.0-45-generic',
      kernelVersion: '#45-Ubuntu SMP PREEMPT_DYNAMIC Fri Aug 30 12:02:04 UTC 2024',
      machine: 'x86_64',
      agent: true,
      defaultUser: 'ubuntu',
      defaultPassword: 'ubuntu',
    },
  ],
  [
    /alpine/i,
    {
      id: 'alpine',
      name: 'Alpine Linux',
      prettyName: 'Alpine Linux v3.20',
      version: '3.20.3',
      versionId: '3.20.3',
      kernelRelease: '6.6.54-0-virt',
      kernelVersion: '#1-Alpine SMP PREEMPT_DYNAMIC 2024-10-04 07:00:46',
      machine: 'x86_64',
      agent: false,
      defaultUser: 'root',
      defaultPassword: '',
    },
  ],
];

const CIRROS: GuestOs = {
  id: 'cirros',
  name: 'CirrOS',
  prettyName: 'CirrOS 0.6.2',
  version: '0.6.2',
  versionId: '0.6.2',
  kernelRelease: '5.15.0-71-generic',
  kernelVersion: '#78-Ubuntu SMP Tue Apr 18 09:00:29 UTC 2023',
  machine: 'x86_64',
  agent: false,
  defaultUser: 'cirros',
  defaultPassword: 'gocubsgo',
};

/** Guess the guest OS from the VMI's boot sources (images, URLs, claim names) and labels. */
export function guestOsFor(hints: string[]): GuestOs {
  const text = hints.join(' ');
  for (const [re, os] of OSES) if (re.test(text)) return os;
  return CIRROS;
}
