/**
 * The one name shown for a VM's (or VMI's) operating system, from one source order: what the
 * guest agent reports (status.guestOSInfo.prettyName), else the OS id the VM is labelled with
 * (the `vm.kubevirt.io/os` annotation or label, or an `os.template.kubevirt.io/<id>` label, as
 * OpenShift templates write them), else its preference — ids mapped to display names.
 */

interface Meta {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
}
interface VmLike extends Meta {
  spec?: { preference?: { name?: string }; template?: Meta };
}
interface VmiLike extends Meta {
  status?: { guestOSInfo?: { prettyName?: string; name?: string; version?: string } };
}

/** Display names of OS ids (template ids like "rhel9" and preference names like "rhel.9" alike). */
const FAMILIES: Array<[RegExp, string]> = [
  [/^rhel/, 'Red Hat Enterprise Linux'],
  [/^centos[-.]?stream/, 'CentOS Stream'],
  [/^centos/, 'CentOS'],
  [/^fedora/, 'Fedora'],
  [/^cirros/, 'CirrOS'],
  [/^ubuntu/, 'Ubuntu'],
  [/^debian/, 'Debian'],
  [/^alpine/, 'Alpine Linux'],
  [/^opensuse[-.]?leap/, 'openSUSE Leap'],
  [/^opensuse[-.]?tumbleweed/, 'openSUSE Tumbleweed'],
  [/^opensuse/, 'openSUSE'],
  [/^sles/, 'SUSE Linux Enterprise Server'],
  [/^oraclelinux|^oel/, 'Oracle Linux'],
  [/^rocky/, 'Rocky Linux'],
  [/^alma/, 'AlmaLinux'],
  [/^win(dows)?[-.]?2k(\d\d)/, 'Microsoft Windows Server 20'],
  [/^win(dows)?[-.]?/, 'Microsoft Windows'],
];

/** "rhel9" → "Red Hat Enterprise Linux 9", "windows.2k22" → "Microsoft Windows Server 2022", "cirros" → "CirrOS". */
export function osDisplayName(id: string): string {
  const lower = id.trim().toLowerCase();
  for (const [pattern, family] of FAMILIES) {
    const m = pattern.exec(lower);
    if (!m) continue;
    if (family.endsWith('20')) return `${family}${m[2]}`;
    // What follows the family is its version ("9", "41", "22.04", "stream9" already eaten).
    const version = lower
      .slice(m[0].length)
      .replace(/^[-.]/, '')
      .replace(/\.(?=[a-z])/g, ' ');
    return version ? `${family} ${version}` : family;
  }
  return id;
}

const labelled = (o: Meta | undefined): string | undefined => {
  const annotations = o?.metadata?.annotations ?? {};
  const labels = o?.metadata?.labels ?? {};
  const template = Object.keys(labels).find((k) => k.startsWith('os.template.kubevirt.io/') && labels[k] === 'true');
  return (
    annotations['vm.kubevirt.io/os'] ||
    labels['vm.kubevirt.io/os'] ||
    template?.slice('os.template.kubevirt.io/'.length) ||
    undefined
  );
};

/** What the guest agent reports ("Fedora Linux 41 (Cloud Edition)"), or undefined without an agent. */
export function guestAgentOsName(vmi: VmiLike | undefined): string | undefined {
  const guest = vmi?.status?.guestOSInfo;
  if (guest?.prettyName) return guest.prettyName;
  if (guest?.name) return guest.version ? `${guest.name} ${guest.version}` : guest.name;
  return undefined;
}

/** The operating system's display name, or undefined when nothing says it. */
export function osName(vm: VmLike | undefined, vmi?: VmiLike): string | undefined {
  const guest = guestAgentOsName(vmi);
  if (guest) return guest;
  const id = labelled(vm) ?? labelled(vm?.spec?.template) ?? labelled(vmi) ?? vm?.spec?.preference?.name;
  return id ? osDisplayName(id) : undefined;
}
