/**
 * virt-api's subresources that virtctl and the guest agent views use (issue 19 item 6), through
 * kubectl and a websocket client. Checked against KubeVirt:
 * - pkg/virt-api/api.go (the `version` and `healthz` routes of subresources.kubevirt.io/v1,
 *   userlist, filesystemlist, expand-spec, portforward) and kubevirt.io/client-go/version (Info),
 * - pkg/virt-api/rest/subresource.go (userlist / filesystemlist need a running VMI with the agent),
 * - pkg/instancetype/expand/expand.go (default disks, then the instance type and preference; the
 *   matchers removed),
 * - Kubernetes staging/src/k8s.io/apiserver/pkg/server/config.go (DefaultBuildHandlerChain:
 *   authorization before routing) and pkg/virt-operator/resource/generate/rbac/cluster.go
 *   (kubevirt.io:default grants version to every user).
 */
import { until as waitUntil } from '../../../test/support/until.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { findKubectl, kubectlEnv, type KubectlEnv } from '../../../test/support/cluster/kubectl.js';
import { startJudgeCluster, type JudgeCluster } from '../../../test/support/cluster/judge-cluster.js';
import { startTlsFront, type TlsFront } from '../../../test/support/cluster/tls-front.js';

const NS = 'virtapi';
const ROOT = 'root-token-1234';
const VIEWER = 'viewer-token-12';
const bin = findKubectl();
let cluster: JudgeCluster;
let front: TlsFront;
let k: KubectlEnv;
const SUB = `/apis/subresources.kubevirt.io/v1/namespaces/${NS}`;

const ok = (args: string[], token = ROOT, input?: string) => k.ok(args, { token, input });

const until = <T>(what: string, probe: () => Promise<T | undefined>) => waitUntil(what, probe, 60_000, 250);

beforeAll(async () => {
  const tmp = kubectlEnv(bin, 'http://unused', NS);
  const usersFile = tmp.write(
    'users.yaml',
    [
      'users:',
      `  - {name: root, token: ${ROOT}, roles: [admin]}`,
      `  - {name: viewer, token: ${VIEWER}, roles: [{role: view, namespaces: [${NS}]}]}`,
    ].join('\n'),
  );
  cluster = await startJudgeCluster({ usersFile });
  front = await startTlsFront(cluster.url);
  k = kubectlEnv(bin, front.url, NS);
  await ok(['create', 'namespace', NS]);
  await ok(
    ['apply', '-f', '-'],
    ROOT,
    JSON.stringify({
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: { name: 'agent' },
      spec: {
        runStrategy: 'Always',
        instancetype: { name: 'u1.small' },
        preference: { name: 'fedora' },
        template: {
          spec: {
            domain: { devices: {} },
            volumes: [{ name: 'root', containerDisk: { image: 'quay.io/containerdisks/fedora:latest' } }],
          },
        },
      },
    }),
  );
});
afterAll(async () => {
  await front?.close();
  await cluster?.close();
});

describe('virt-api subresources', () => {
  it('answers version and healthz to every user (virtctl version)', async () => {
    const version = JSON.parse(
      await ok(['get', '--raw', '/apis/subresources.kubevirt.io/v1/version'], VIEWER),
    ) as Record<string, string>;
    expect(Object.keys(version).sort()).toEqual(
      ['buildDate', 'compiler', 'gitCommit', 'gitTreeState', 'gitVersion', 'goVersion', 'platform'].sort(),
    );
    expect(version.gitVersion).toMatch(/^v1\.\d+\.\d+$/);
    const health = JSON.parse(await ok(['get', '--raw', '/apis/subresources.kubevirt.io/v1/healthz'], VIEWER)) as {
      apiserver: { connectivity: string };
    };
    expect(health.apiserver.connectivity).toBe('ok');
    // they are endpoints, not resources: discovery does not list them
    const list = JSON.parse(await ok(['get', '--raw', '/apis/subresources.kubevirt.io/v1'])) as {
      resources: { name: string }[];
    };
    expect(list.resources.map((r) => r.name)).not.toContain('version');
  });

  it('expands a VM with its instance type and preference', async () => {
    const vm = JSON.parse(await ok(['get', '--raw', `${SUB}/virtualmachines/agent/expand-spec`], VIEWER)) as {
      spec: {
        instancetype?: unknown;
        preference?: unknown;
        template: {
          spec: { domain: { cpu: Record<string, number>; memory: { guest: string }; devices: { disks: unknown[] } } };
        };
      };
    };
    expect(vm.spec.instancetype).toBeUndefined();
    expect(vm.spec.preference).toBeUndefined();
    expect(vm.spec.template.spec.domain.cpu).toMatchObject({ sockets: 1, cores: 1, threads: 1 });
    expect(vm.spec.template.spec.domain.memory.guest).toBe('2Gi');
    expect(vm.spec.template.spec.domain.devices.disks).toEqual([{ name: 'root', disk: { bus: 'virtio' } }]);
  });

  it('lists the guest agent users and file systems once the agent is connected', async () => {
    const early = await k.run(['get', '--raw', `${SUB}/virtualmachineinstances/none/filesystemlist`], {
      token: VIEWER,
    });
    expect(early.stderr).toContain('not found');
    const fs = await until('the file systems', async () => {
      const r = await k.run(['get', '--raw', `${SUB}/virtualmachineinstances/agent/filesystemlist`], { token: VIEWER });
      return r.code === 0
        ? (JSON.parse(r.stdout) as { items: { mountPoint: string; fileSystemType: string }[] })
        : undefined;
    });
    expect(fs.items[0]).toMatchObject({ mountPoint: '/' });
    const users = JSON.parse(await ok(['get', '--raw', `${SUB}/virtualmachineinstances/agent/userlist`], VIEWER)) as {
      items: unknown[];
    };
    expect(Array.isArray(users.items)).toBe(true);
  });

  it('authorizes port forwarding before anything else', async () => {
    const status = (token: string, name: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(
          `${cluster.url.replace('http', 'ws')}${SUB}/virtualmachineinstances/${name}/portforward/22/tcp`,
          {
            headers: { authorization: `Bearer ${token}` },
          },
        );
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => {
          ws.close();
          resolve(101);
        });
        ws.on('error', () => resolve(-1));
      });
    // the viewer may not port-forward: 403 even for a VMI that does not exist
    expect(await status(VIEWER, 'missing')).toBe(403);
    expect(await status(ROOT, 'missing')).toBe(404);
  });
});
