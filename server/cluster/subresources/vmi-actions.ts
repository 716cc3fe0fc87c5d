/**
 * virtualmachineinstances/{name}/pause|unpause|softreboot|guestosinfo|vnc/screenshot, with
 * KubeVirt's status codes and messages.
 */
import { errors } from '../store/index.js';
import { ResourceKey, type ClusterClient } from '../runtime/client.js';
import { hasCondition, isPausedVmi } from '../kubevirt/conditions.js';
import type { VirtHandler } from '../controllers/handler/virt-handler.js';
import type { VMI } from '../kubevirt/types.js';
import type { Guest } from '../guest/types.js';

export function vmiConflict(name: string, why: string): Error {
  return errors.conflict('kubevirt.io', 'virtualmachineinstance', name, why);
}

export function loadVmi(client: ClusterClient, ns: string, name: string): VMI {
  const vmi = client.tryGet(ResourceKey.vmis, ns, name) as VMI | undefined;
  if (!vmi) throw errors.notFound('kubevirt.io', 'virtualmachineinstances', name);
  return vmi;
}

export function isRunning(vmi: VMI): boolean {
  return vmi.status?.phase === 'Running' && !vmi.metadata.deletionTimestamp;
}

export function pauseVmi(client: ClusterClient, handler: VirtHandler, ns: string, name: string): void {
  const vmi = loadVmi(client, ns, name);
  if (!isRunning(vmi)) throw vmiConflict(name, 'VM is not running');
  if (isPausedVmi(vmi)) throw vmiConflict(name, 'VMI is already paused');
  handler.pause(vmi);
}

export function unpauseVmi(client: ClusterClient, handler: VirtHandler, ns: string, name: string): void {
  const vmi = loadVmi(client, ns, name);
  if (!isRunning(vmi)) throw vmiConflict(name, 'VM is not running');
  if (!isPausedVmi(vmi)) throw vmiConflict(name, 'VMI is not paused');
  handler.unpause(vmi);
}

export function softRebootVmi(client: ClusterClient, handler: VirtHandler, ns: string, name: string): void {
  const vmi = loadVmi(client, ns, name);
  if (!isRunning(vmi)) throw vmiConflict(name, 'VM is not running');
  if (isPausedVmi(vmi)) throw vmiConflict(name, 'VMI is paused');
  handler.softReboot(vmi);
}

/** Who is logged in on a running VMI's guest, by VMI uid. */
export type GuestUsers = (vmiUid: string) => Array<{ userName: string; loginTime: number }>;

export function guestOsInfo(
  client: ClusterClient,
  ns: string,
  name: string,
  users: GuestUsers = () => [],
): Record<string, unknown> {
  const vmi = loadVmi(client, ns, name);
  if (!isRunning(vmi)) throw vmiConflict(name, 'VMI is not running');
  if (!hasCondition(vmi, 'AgentConnected', 'True')) throw errors.internal('VMI does not have guest agent connected');
  const os = (vmi.status?.guestOSInfo ?? {}) as Record<string, string>;
  return {
    guestAgentVersion: os.id === 'mswindows' ? '107.0.1' : '9.0.0',
    supportedCommands: [
      'guest-exec',
      'guest-get-fsinfo',
      'guest-get-host-name',
      'guest-get-osinfo',
      'guest-get-timezone',
      'guest-get-users',
      'guest-network-get-interfaces',
      'guest-ping',
      'guest-shutdown',
    ].map((name) => ({ name, enabled: true })),
    hostname: vmi.spec?.hostname ?? name,
    os,
    timezone: 'UTC, 0',
    userList: users(vmi.metadata.uid ?? ''),
    fsInfo: {
      disks: (vmi.spec?.domain?.devices?.disks ?? []).slice(0, 1).map((d, i) => ({
        diskName: `vd${String.fromCharCode(97 + i)}1`,
        mountPoint: os.id === 'mswindows' ? 'C:\\' : '/',
        fileSystemType: os.id === 'mswindows' ? 'NTFS' : 'xfs',
        usedBytes: 1_702_133_760,
        totalBytes: 5_252_317_184,
        disk: [{ serial: d.serial ?? '', busType: d.disk?.bus ?? 'virtio' }],
      })),
    },
    fsFreezeStatus: 'thawed',
  };
}

/** The guest behind a running VMI for the console routes (400 when not running / no graphics). */
export function consoleGuest(
  client: ClusterClient,
  handler: VirtHandler,
  ns: string,
  name: string,
  kind: 'vnc' | 'console',
): { vmi: VMI; guest: Guest } {
  const vmi = loadVmi(client, ns, name);
  if (kind === 'console' && vmi.status?.phase === 'Failed') throw vmiConflict(name, 'VMI is in failed status');
  if (!isRunning(vmi)) throw errors.badRequest('VMI is not running');
  const devices = vmi.spec?.domain?.devices;
  if (kind === 'vnc' && devices?.autoattachGraphicsDevice === false)
    throw errors.badRequest('No graphics devices are present.');
  if (kind === 'console' && devices?.autoattachSerialConsole === false)
    throw errors.badRequest('No serial consoles are present.');
  const entry = handler.ensureGuest(vmi);
  if (!entry) throw errors.badRequest('VMI is not running');
  return { vmi, guest: entry.guest };
}
