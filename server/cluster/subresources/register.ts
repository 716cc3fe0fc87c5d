/**
 * Registers KubeVirt's subresources.kubevirt.io API (v1 and v1alpha3) on the embedded API
 * server: VM start/stop/restart/migrate, VMI pause/unpause/softreboot/guestosinfo, the
 * vnc/screenshot image, and the vnc and console websockets.
 */
import type { ClusterApi, SubresourceContext, UpgradeContext } from '../api/subresources.js';
import type { ControllerContext } from '../controllers/context.js';
import type { VirtHandler } from '../controllers/handler/virt-handler.js';
import { handleSerialConnection, handleVncConnection } from '../guest/console/console-handlers.js';
import { preserveSessionRefusal } from '../guest/console/sessions.js';
import { isStatusError } from '../store/index.js';
import { migrateVm, restartVm, startVm, stopVm } from './vm-actions.js';
import { registerVirtApiInfo } from './virt-api-info.js';
import { addVolume, removeVolume } from './volume-hotplug.js';
import { consoleGuest, guestOsInfo, pauseVmi, softRebootVmi, unpauseVmi, type GuestUsers } from './vmi-actions.js';

const GROUP = 'subresources.kubevirt.io';
const VERSIONS = ['v1', 'v1alpha3'];

export interface SubresourceRuntime {
  ctx: ControllerContext;
  handler: VirtHandler;
}

type Action = (ctx: SubresourceContext) => void;

function put(api: ClusterApi, resource: string, subresource: string, action: Action, status: number): void {
  api.addSubresource({
    group: GROUP,
    versions: VERSIONS,
    resource,
    subresource,
    namespaced: true,
    verbs: ['update'],
    handle: (ctx) => {
      if (ctx.method !== 'PUT')
        return {
          status: 405,
          body: {
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Failure',
            message: `the server does not allow this method on the requested resource`,
            reason: 'MethodNotAllowed',
            code: 405,
          },
        };
      action(ctx);
      return { status };
    },
  });
}

function rejectWith(ctx: UpgradeContext, err: unknown): void {
  if (isStatusError(err)) return ctx.reject(err.status);
  const message = err instanceof Error ? err.message : String(err);
  ctx.reject({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: 'InternalError',
    code: 500,
  });
}

export function registerKubevirtSubresources(api: ClusterApi, rt: SubresourceRuntime): void {
  const { handler } = rt;
  // virt-api reads and writes through the API server's client (the store's, or a real kube-apiserver's)
  const client = rt.ctx.client;
  const users: GuestUsers = (uid) => rt.ctx.guests.get(uid)?.guest.loggedInUsers?.() ?? [];
  registerVirtApiInfo(api, client, users);
  const ns = (c: { namespace?: string }) => c.namespace ?? 'default';

  put(api, 'virtualmachines', 'start', (c) => startVm(client, ns(c), c.name, c.body, c.query), 202);
  put(api, 'virtualmachines', 'stop', (c) => stopVm(client, ns(c), c.name, c.body, c.query), 202);
  put(api, 'virtualmachines', 'restart', (c) => restartVm(client, ns(c), c.name, c.body, c.query), 202);
  put(api, 'virtualmachines', 'migrate', (c) => migrateVm(client, ns(c), c.name, c.body, c.query), 202);
  put(api, 'virtualmachineinstances', 'pause', (c) => pauseVmi(client, handler, ns(c), c.name), 200);
  put(api, 'virtualmachineinstances', 'unpause', (c) => unpauseVmi(client, handler, ns(c), c.name), 200);
  for (const [resource, kind] of [
    ['virtualmachines', 'vm'],
    ['virtualmachineinstances', 'vmi'],
  ] as const) {
    put(api, resource, 'addvolume', (c) => addVolume(client, kind, ns(c), c.name, c.body), 202);
    put(api, resource, 'removevolume', (c) => removeVolume(client, kind, ns(c), c.name, c.body), 202);
  }
  put(api, 'virtualmachineinstances', 'softreboot', (c) => softRebootVmi(client, handler, ns(c), c.name), 200);

  api.addSubresource({
    group: GROUP,
    versions: VERSIONS,
    resource: 'virtualmachineinstances',
    subresource: 'guestosinfo',
    namespaced: true,
    verbs: ['get'],
    handle: (c) => ({ status: 200, body: guestOsInfo(client, ns(c), c.name, users) }),
  });

  api.addSubresource({
    group: GROUP,
    versions: VERSIONS,
    resource: 'virtualmachineinstances',
    subresource: 'vnc/screenshot',
    namespaced: true,
    verbs: ['get'],
    handle: async (c) => {
      const { guest } = consoleGuest(client, handler, ns(c), c.name, 'vnc');
      return { status: 200, body: await guest.screenshot(), contentType: 'image/png' };
    },
  });

  for (const kind of ['vnc', 'console'] as const) {
    api.addSubresource({
      group: GROUP,
      versions: VERSIONS,
      resource: 'virtualmachineinstances',
      subresource: kind,
      namespaced: true,
      verbs: ['get'],
      upgrade: (c) => {
        try {
          const { vmi, guest } = consoleGuest(client, handler, ns(c), c.name, kind);
          const refusal = preserveSessionRefusal(guest.sessions, kind, c.query.get('preserveSession') === 'true');
          if (refusal) {
            c.reject({
              kind: 'Status',
              apiVersion: 'v1',
              metadata: {},
              status: 'Failure',
              message: refusal.message,
              reason: 'InternalError',
              code: refusal.status,
            });
            return;
          }
          const ws = c.accept();
          if (kind === 'vnc') handleVncConnection(ws, guest, { name: vmi.metadata.name });
          else handleSerialConnection(ws, guest);
        } catch (err) {
          rejectWith(c, err);
        }
      },
    });
  }
}
