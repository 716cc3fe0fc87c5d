/**
 * What each imitated OS looks like: names, kernel, default credentials, shell flavour.
 *
 * Default credentials (used when the VMI's cloud-init sets none). They follow the real images:
 *
 * | osName  | user          | password  | as in                                          |
 * |---------|---------------|-----------|------------------------------------------------|
 * | cirros  | cirros        | gocubsgo  | the CirrOS image (its login banner says so)    |
 * | fedora  | fedora        | fedora    | KubeVirt's Fedora examples (`password: fedora`) |
 * | ubuntu  | ubuntu        | ubuntu    | cloud images' default user                      |
 * | centos  | cloud-user    | centos    | CentOS Stream cloud images' default user        |
 * | rhel    | cloud-user    | redhat    | RHEL KVM guest image's default user             |
 * | debian  | debian        | debian    | Debian cloud images' default user               |
 * | alpine  | alpine        | alpine    | Alpine cloud images' default user               |
 * | windows | Administrator | Passw0rd  | (a simplified Windows text console)            |
 * | other   | user          | password  | generic Linux                                   |
 */
import type { GuestOsName } from './types.js';

export interface OsProfile {
  readonly os: GuestOsName;
  readonly prettyName: string;
  /** /etc/os-release body. */
  readonly osRelease: string;
  readonly kernel: string;
  readonly defaultUser: string;
  readonly defaultPassword: string;
  /** Name the shell uses in its error messages (`-bash: foo: command not found`). */
  readonly shell: string;
  /** Login banner printed before the login prompt (may be empty). */
  readonly issue: string;
  /** Prompt style: `redhat` `[u@h ~]$ `, `debian` `u@h:~$ `, `busybox` `$ `, `windows` `C:\>`. */
  readonly promptStyle: 'redhat' | 'debian' | 'busybox' | 'windows';
  /** The screen switches from 80x25 VGA text to a framebuffer console of this size at boot. */
  readonly fbcon?: { readonly width: number; readonly height: number };
  /** systemd-style boot (coloured `[  OK  ]` lines) or a plain init. */
  readonly init: 'systemd' | 'sysv' | 'windows';
}

function osRelease(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([key, value]) => `${key}="${value}"`)
    .join('\n');
}

const FEDORA: OsProfile = {
  os: 'fedora',
  prettyName: 'Fedora Linux 41 (Cloud Edition)',
  osRelease: osRelease({
    NAME: 'Fedora Linux',
    VERSION: '41 (Cloud Edition)',
    ID: 'fedora',
    VERSION_ID: '41',
    PRETTY_NAME: 'Fedora Linux 41 (Cloud Edition)',
    HOME_URL: 'https://fedoraproject.org/',
    VARIANT: 'Cloud Edition',
    VARIANT_ID: 'cloud',
  }),
  kernel: '6.11.4-301.fc41.x86_64',
  defaultUser: 'fedora',
  defaultPassword: 'fedora',
  shell: 'bash',
  issue: 'Fedora Linux 41 (Cloud Edition)\nKernel \\r on an \\m (\\l)\n',
  promptStyle: 'redhat',
  fbcon: { width: 1024, height: 768 },
  init: 'systemd',
};

const PROFILES: Record<GuestOsName, OsProfile> = {
  fedora: FEDORA,
  cirros: {
    os: 'cirros',
    prettyName: 'CirrOS 0.6.2',
    osRelease: osRelease({
      NAME: 'CirrOS',
      VERSION: '0.6.2',
      ID: 'cirros',
      VERSION_ID: '0.6.2',
      PRETTY_NAME: 'CirrOS 0.6.2',
    }),
    kernel: '5.15.0-71-generic',
    defaultUser: 'cirros',
    defaultPassword: 'gocubsgo',
    shell: 'sh',
    issue: "login as 'cirros' user. default password: 'gocubsgo'. use 'sudo' for root.\n",
    promptStyle: 'busybox',
    init: 'sysv',
  },
  ubuntu: {
    os: 'ubuntu',
    prettyName: 'Ubuntu 24.04.1 LTS',
    osRelease: osRelease({
      PRETTY_NAME: 'Ubuntu 24.04.1 LTS',
      NAME: 'Ubuntu',
      VERSION_ID: '24.04',
      VERSION: '24.04.1 LTS (Noble Numbat)',
      ID: 'ubuntu',
      ID_LIKE: 'debian',
    }),
    kernel: '6.8.0-48-generic',
    defaultUser: 'ubuntu',
    defaultPassword: 'ubuntu',
    shell: 'bash',
    issue: 'Ubuntu 24.04.1 LTS \\n \\l\n',
    promptStyle: 'debian',
    fbcon: { width: 1024, height: 768 },
    init: 'systemd',
  },
  centos: {
    ...FEDORA,
    os: 'centos',
    prettyName: 'CentOS Stream 9',
    osRelease: osRelease({
      NAME: 'CentOS Stream',
      VERSION: '9',
      ID: 'centos',
      ID_LIKE: 'rhel fedora',
      VERSION_ID: '9',
      PRETTY_NAME: 'CentOS Stream 9',
    }),
    kernel: '5.14.0-522.el9.x86_64',
    defaultUser: 'cloud-user',
    defaultPassword: 'centos',
    issue: 'CentOS Stream 9\nKernel \\r on an \\m\n',
  },
  rhel: {
    ...FEDORA,
    os: 'rhel',
    prettyName: 'Red Hat Enterprise Linux 9.5 (Plow)',
    osRelease: osRelease({
      NAME: 'Red Hat Enterprise Linux',
      VERSION: '9.5 (Plow)',
      ID: 'rhel',
      ID_LIKE: 'fedora',
      VERSION_ID: '9.5',
      PRETTY_NAME: 'Red Hat Enterprise Linux 9.5 (Plow)',
    }),
    kernel: '5.14.0-503.11.1.el9_5.x86_64',
    defaultUser: 'cloud-user',
    defaultPassword: 'redhat',
    issue: 'Red Hat Enterprise Linux 9.5 (Plow)\nKernel \\r on an \\m\n',
  },
  debian: {
    os: 'debian',
    prettyName: 'Debian GNU/Linux 12 (bookworm)',
    osRelease: osRelease({
      PRETTY_NAME: 'Debian GNU/Linux 12 (bookworm)',
      NAME: 'Debian GNU/Linux',
      VERSION_ID: '12',
      VERSION: '12 (bookworm)',
      ID: 'debian',
    }),
    kernel: '6.1.0-27-cloud-amd64',
    defaultUser: 'debian',
    defaultPassword: 'debian',
    shell: 'bash',
    issue: 'Debian GNU/Linux 12 \\n \\l\n',
    promptStyle: 'debian',
    init: 'systemd',
  },
  alpine: {
    os: 'alpine',
    prettyName: 'Alpine Linux v3.20',
    osRelease: osRelease({
      NAME: 'Alpine Linux',
      ID: 'alpine',
      VERSION_ID: '3.20.3',
      PRETTY_NAME: 'Alpine Linux v3.20',
    }),
    kernel: '6.6.58-0-virt',
    defaultUser: 'alpine',
    defaultPassword: 'alpine',
    shell: 'sh',
    issue: 'Welcome to Alpine Linux 3.20\nKernel \\r on an \\m (\\l)\n',
    promptStyle: 'busybox',
    init: 'sysv',
  },
  windows: {
    os: 'windows',
    prettyName: 'Microsoft Windows Server 2022 Datacenter',
    osRelease: '',
    kernel: '10.0.20348',
    defaultUser: 'Administrator',
    defaultPassword: 'Passw0rd',
    shell: 'cmd',
    issue: 'Microsoft Windows Server 2022 Datacenter\nPress Enter to sign in.\n',
    promptStyle: 'windows',
    fbcon: { width: 1024, height: 768 },
    init: 'windows',
  },
  linux: {
    ...FEDORA,
    os: 'linux',
    prettyName: 'Linux',
    osRelease: osRelease({ NAME: 'Linux', ID: 'linux', PRETTY_NAME: 'Linux' }),
    defaultUser: 'user',
    defaultPassword: 'password',
    issue: '',
  },
};

const ALIASES: Record<string, GuestOsName> = {
  fedora: 'fedora',
  cirros: 'cirros',
  ubuntu: 'ubuntu',
  centos: 'centos',
  'centos-stream': 'centos',
  rhel: 'rhel',
  redhat: 'rhel',
  debian: 'debian',
  alpine: 'alpine',
  windows: 'windows',
  win10: 'windows',
  win11: 'windows',
  win2k: 'windows',
};

/** Finds the profile for an OS name, an image reference or a template's os label. */
export function osProfile(osName: string | undefined): OsProfile {
  const name = (osName ?? 'fedora').toLowerCase();
  const direct = ALIASES[name];
  if (direct) return PROFILES[direct];
  for (const [alias, os] of Object.entries(ALIASES)) {
    if (name.includes(alias)) return PROFILES[os];
  }
  return PROFILES.linux;
}
