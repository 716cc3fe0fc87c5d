/**
 * What the guest agent reports (virt-api's guestosinfo, userlist and filesystemlist subresources),
 * read for display. Pure functions; every field may be missing or of the wrong type.
 */
import type {
  V1VirtualMachineInstanceFileSystem,
  V1VirtualMachineInstanceGuestAgentInfo,
  V1VirtualMachineInstanceGuestOSUser,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';

export type GuestAgentInfo = V1VirtualMachineInstanceGuestAgentInfo;
export type GuestUser = V1VirtualMachineInstanceGuestOSUser;
export type GuestFileSystem = V1VirtualMachineInstanceFileSystem;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** "Fedora Linux 40 (Cloud Edition)", else name and version ("Fedora Linux 40"). */
export function guestOsName(info: GuestAgentInfo | undefined): string | undefined {
  const os = info?.os;
  const pretty = str(os?.prettyName);
  if (pretty) return pretty;
  const name = str(os?.name);
  const version = str(os?.version) ?? str(os?.versionId);
  return name ? (version ? `${name} ${version}` : name) : undefined;
}

/** "6.8.5-301.fc40.x86_64 (#1 SMP ...)": the release, with the build when reported. */
export function guestKernel(info: GuestAgentInfo | undefined): string | undefined {
  const release = str(info?.os?.kernelRelease);
  const version = str(info?.os?.kernelVersion);
  if (release && version) return `${release} (${version})`;
  return release ?? version;
}

/**
 * KubeVirt writes the zone as "<name>, <offset in seconds>" ("CET, 3600"): "CET (UTC+01:00)".
 * Anything else is shown as it is.
 */
export function guestTimezone(info: GuestAgentInfo | undefined): string | undefined {
  const tz = str(info?.timezone);
  if (!tz) return undefined;
  const m = /^(.*),\s*(-?\d+)$/.exec(tz);
  if (!m) return tz;
  const offset = Number(m[2]);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 3600)).padStart(2, '0');
  const mm = String(Math.floor((abs % 3600) / 60)).padStart(2, '0');
  const name = m[1].trim();
  return `${name ? `${name} ` : ''}(UTC${sign}${hh}:${mm})`;
}

/** A user's login time (seconds since the epoch, fractional) as an ISO timestamp; undefined when missing. */
export function loginTimestamp(user: GuestUser): string | undefined {
  const t = user.loginTime;
  if (typeof t !== 'number' || !Number.isFinite(t) || t <= 0) return undefined;
  const d = new Date(t * 1000);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** How full a file system is, 0–100, or undefined when its size is not known. */
export function fileSystemUsage(fs: GuestFileSystem): number | undefined {
  const total = Number(fs.totalBytes);
  const used = Number(fs.usedBytes);
  if (!Number.isFinite(total) || !Number.isFinite(used) || total <= 0 || used < 0) return undefined;
  return Math.min(100, (used / total) * 100);
}

/** The items of a `{items: [...]}` list answer, objects only. */
export function listItems<T>(list: unknown): T[] {
  const items = (list as { items?: unknown } | undefined)?.items;
  return Array.isArray(items) ? (items.filter((i) => typeof i === 'object' && i !== null) as T[]) : [];
}
