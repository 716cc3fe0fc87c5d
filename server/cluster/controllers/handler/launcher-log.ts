/**
 * What virt-launcher prints in its `compute` container: KubeVirt's structured log lines (one JSON
 * object a line, keys in order as Go's encoding/json writes a map, `timestamp` with microseconds),
 * for the lifecycle the embedded cluster runs. The messages are virt-launcher's own
 * (cmd/virt-launcher/virt-launcher.go, pkg/virt-launcher/virtwrap/manager.go, cmd-server/server.go,
 * notify-client/client.go); `pos` names the file that logs each one.
 */
import type { ContainerLogs } from '../../runtime/container-logs.js';
import type { Pod, VMI } from '../../kubevirt/types.js';

export const COMPUTE = 'compute';
export const GUEST_CONSOLE_LOG = 'guest-console-log';

type Fields = Record<string, string>;

function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '000Z');
}

/** One log line, its keys sorted (go-kit's JSON logger marshals a map). */
function jsonLine(fields: Fields): string {
  const sorted = Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify(sorted);
}

export class LauncherLog {
  constructor(
    private readonly logs: ContainerLogs,
    private readonly now: () => number,
  ) {}

  private write(pod: Pod | undefined, msg: string, pos: string, vmi?: VMI): void {
    const uid = pod?.metadata.uid;
    if (!uid) return;
    const fields: Fields = { component: 'virt-launcher', level: 'info', msg, pos, timestamp: timestamp(this.now()) };
    if (vmi) {
      Object.assign(fields, {
        kind: '',
        name: vmi.metadata.name ?? '',
        namespace: vmi.metadata.namespace ?? '',
        uid: vmi.metadata.uid ?? '',
      });
    }
    this.logs.writeLine(uid, COMPUTE, jsonLine(fields));
  }

  private lifecycle(pod: Pod | undefined, event: string, detail: string): void {
    this.write(
      pod,
      `DomainLifecycle event Domain event="${event}" detail="${detail}" with event id ${EVENT_IDS[event] ?? 0} reason ${DETAIL_IDS[detail] ?? 0} received`,
      'client.go:463',
    );
  }

  /** virt-launcher has started and connected to libvirt (its pod's containers are running). */
  started(pod: Pod | undefined): void {
    this.write(pod, 'Collected all requested hook sidecar sockets', 'manager.go:86');
    this.write(
      pod,
      'Sorted all collected sidecar sockets per hook point based on their priority and name: map[]',
      'manager.go:89',
    );
    this.write(
      pod,
      'Connecting to libvirt daemon: qemu+unix:///session?socket=/var/run/libvirt/virtqemud-sock',
      'libvirt.go:602',
    );
    this.write(pod, 'Connected to libvirt daemon', 'libvirt.go:618');
    this.write(pod, 'Registered libvirt event notify callback', 'client.go:572');
    this.write(pod, 'Marked as ready', 'virt-launcher.go:77');
  }

  domainStarting(pod: Pod | undefined, vmi: VMI): void {
    this.write(pod, 'Executing PreStartHook on VMI pod environment', 'manager.go:768', vmi);
    this.write(pod, 'Domain defined.', 'manager.go:1180', vmi);
    this.lifecycle(pod, 'defined', 'added');
  }

  domainStarted(pod: Pod | undefined, vmi: VMI): void {
    this.write(pod, 'Domain started.', 'manager.go:1247', vmi);
    this.lifecycle(pod, 'started', 'booted');
    this.write(pod, 'Synced vmi', 'server.go:208', vmi);
  }

  paused(pod: Pod | undefined, vmi: VMI, paused: boolean): void {
    const name = vmi.metadata.name ?? '';
    this.write(pod, `Signaled ${paused ? 'pause' : 'unpause'} for ${name}`, 'manager.go:1560', vmi);
    this.lifecycle(pod, paused ? 'suspended' : 'resumed', paused ? 'paused' : 'unpaused');
  }

  shutdownSignaled(pod: Pod | undefined, vmi: VMI): void {
    this.write(pod, `Signaled graceful shutdown for ${vmi.metadata.name ?? ''}`, 'manager.go:1735', vmi);
  }

  /** The domain is gone: QEMU exited (shut down or crashed), then virt-launcher. */
  stopped(pod: Pod | undefined, crashed: boolean): void {
    this.lifecycle(pod, crashed ? 'stopped' : 'shutdown', crashed ? 'failed' : 'finished');
    this.write(pod, 'Exiting...', 'virt-launcher.go:532');
  }

  migrationStarted(source: Pod | undefined, vmi: VMI): void {
    this.write(source, 'Initiating live migration.', 'live-migration-source.go:906', vmi);
  }

  migrationSucceeded(source: Pod | undefined, target: Pod | undefined, vmi: VMI): void {
    this.write(source, 'Live migration succeeded.', 'live-migration-source.go:613', vmi);
    this.lifecycle(source, 'stopped', 'migrated');
    this.lifecycle(target, 'resumed', 'migrated');
    this.write(target, 'Synced vmi', 'server.go:208', vmi);
  }
}

/** libvirt's virDomainEventType and the details used above. */
const EVENT_IDS: Record<string, number> = { defined: 0, started: 2, suspended: 3, resumed: 4, stopped: 5, shutdown: 6 };
const DETAIL_IDS: Record<string, number> = {
  added: 0,
  booted: 0,
  paused: 0,
  unpaused: 0,
  migrated: 1,
  finished: 0,
  failed: 5,
};
