/**
 * The real-stack backend (issue 20): etcd, kube-apiserver and kube-controller-manager built by
 * `npm run stack:build`, started on loopback with certificates and keys made at start, RBAC on,
 * static bearer tokens for the admin and the users file's users, and KubeVirt's and CDI's CRDs
 * (real schemas) and aggregated ClusterRoles installed.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { UserEntry } from '../cluster/auth/index.js';
import type { KObject } from '../cluster/store/index.js';
import { FRONT_PROXY_CLIENT, makeCerts } from './certs.js';
import { apiRequest, ensureCreated, type ApiTarget } from './client.js';
import { stackCrds } from './crds.js';
import { csvField, kubeconfigYaml } from './kubeconfig.js';
import { freePort, startProc, stopProc, waitFor, type Proc } from './processes.js';
import { defaultBinding, grantNamespaces, kubevirtClusterRoles, userBindings } from './rbac.js';

export interface StackBins {
  'kube-apiserver': string;
  'kube-controller-manager': string;
  etcd: string;
}

export interface StackOptions {
  bins: StackBins;
  /** The project's root (test/fixtures/openapi is read from there). */
  projectRoot: string;
  /** kube-apiserver's port; etcd takes the next two. Default: free ports chosen by the system. */
  port?: number;
  /** Work folder (certificates, etcd data, logs); default a new temporary folder, removed on close. */
  dir?: string;
  users?: UserEntry[];
  /** Without kube-controller-manager (no garbage collection, namespace deletion or service accounts). */
  noControllerManager?: boolean;
  /**
   * kube-controller-manager's --controllers (default: its defaults). With the simulation attached,
   * the controllers it plays (scheduler, kubelets, PV binder, endpoints, disruption) are turned off there.
   */
  controllers?: string[];
  startTimeoutMs?: number;
  /** Also accept this OpenID Connect provider's ID tokens (kube-apiserver's --oidc-* flags). */
  oidc?: StackOidc;
}

/** An OIDC provider kube-apiserver trusts: users are its ID tokens' `email`, groups their `groups`. */
export interface StackOidc {
  issuerUrl: string;
  clientId: string;
  /** The CA of the provider's serving certificate. */
  caFile: string;
}

export interface Stack extends ApiTarget {
  port: number;
  dir: string;
  caFile: string;
  /** The CA of kube-apiserver's proxy client certificate (aggregated API servers trust it). */
  frontProxyCaPem: string;
  /** An admin kubeconfig (YAML), also written to `${dir}/kubeconfig`. */
  kubeconfig: string;
  kubeconfigFile: string;
  /** Bearer token of each user of the users file, by name. */
  tokens: Record<string, string>;
  close(): Promise<void>;
}

export const ADMIN_USER = 'stack-admin';

export async function startStack(opts: StackOptions): Promise<Stack> {
  const temp = !opts.dir;
  const dir = opts.dir ?? mkdtempSync(path.join(tmpdir(), 'kvc-stack-'));
  mkdirSync(dir, { recursive: true });
  const timeout = opts.startTimeoutMs ?? 180_000;
  const procs: Proc[] = [];
  const close = async () => {
    for (const p of [...procs].reverse()) await stopProc(p);
    if (temp) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const port = opts.port ?? (await freePort());
    const [etcdClient, etcdPeer] = opts.port ? [port + 1, port + 2] : [await freePort(), await freePort()];
    const certs = makeCerts(dir);
    const adminToken = randomBytes(24).toString('hex');
    const users = opts.users ?? [];
    const tokenLines = [
      `${adminToken},${ADMIN_USER},${ADMIN_USER},${csvField('system:masters')}`,
      ...users.map((u) => `${u.token},${u.name},${u.name}${u.groups.length ? `,${csvField(u.groups.join(','))}` : ''}`),
    ];
    writeFileSync(path.join(dir, 'tokens.csv'), tokenLines.join('\n') + '\n', { mode: 0o600 });

    const etcdUrl = `http://127.0.0.1:${etcdClient}`;
    const peerUrl = `http://127.0.0.1:${etcdPeer}`;
    const etcd = startProc(
      'etcd',
      opts.bins.etcd,
      [
        '--name=stack',
        `--data-dir=${path.join(dir, 'etcd')}`,
        `--listen-client-urls=${etcdUrl}`,
        `--advertise-client-urls=${etcdUrl}`,
        `--listen-peer-urls=${peerUrl}`,
        `--initial-advertise-peer-urls=${peerUrl}`,
        `--initial-cluster=stack=${peerUrl}`,
        '--unsafe-no-fsync',
        '--max-request-bytes=10485760',
        '--log-level=warn',
      ],
      path.join(dir, 'etcd.log'),
    );
    procs.push(etcd);
    await waitFor('etcd is healthy', async () => (await fetch(`${etcdUrl}/health`)).ok, etcd, timeout);

    const url = `https://127.0.0.1:${port}`;
    const apiserver = startProc(
      'kube-apiserver',
      opts.bins['kube-apiserver'],
      [
        `--etcd-servers=${etcdUrl}`,
        '--bind-address=127.0.0.1',
        '--advertise-address=127.0.0.1',
        // The kubernetes Service's endpoints may not be a loopback address: nothing reconciles them.
        '--endpoint-reconciler-type=none',
        `--secure-port=${port}`,
        `--cert-dir=${dir}`,
        `--tls-cert-file=${certs.certFile}`,
        `--tls-private-key-file=${certs.keyFile}`,
        `--client-ca-file=${certs.caFile}`,
        `--token-auth-file=${path.join(dir, 'tokens.csv')}`,
        ...(opts.oidc
          ? [
              `--oidc-issuer-url=${opts.oidc.issuerUrl}`,
              `--oidc-client-id=${opts.oidc.clientId}`,
              `--oidc-ca-file=${opts.oidc.caFile}`,
              '--oidc-username-claim=email',
              '--oidc-groups-claim=groups',
            ]
          : []),
        '--authorization-mode=RBAC',
        '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
        `--service-account-key-file=${certs.saPubFile}`,
        `--service-account-signing-key-file=${certs.saKeyFile}`,
        '--service-cluster-ip-range=10.96.0.0/16',
        // the aggregation layer (KubeVirt's subresources.kubevirt.io is an aggregated API: attach/virt-api.ts)
        `--requestheader-client-ca-file=${certs.frontProxyCaFile}`,
        `--requestheader-allowed-names=${FRONT_PROXY_CLIENT}`,
        '--requestheader-username-headers=X-Remote-User',
        '--requestheader-group-headers=X-Remote-Group',
        '--requestheader-extra-headers-prefix=X-Remote-Extra-',
        `--proxy-client-cert-file=${certs.proxyClientCertFile}`,
        `--proxy-client-key-file=${certs.proxyClientKeyFile}`,
        '--v=0',
      ],
      path.join(dir, 'kube-apiserver.log'),
    );
    procs.push(apiserver);
    const target: ApiTarget = { url, token: adminToken, ca: certs.caPem };
    await waitFor(
      'kube-apiserver is ready',
      async () => (await apiRequest(target, 'GET', '/readyz')).status === 200,
      apiserver,
      timeout,
    );

    const kubeconfig = kubeconfigYaml(url, certs.caFile, ADMIN_USER, adminToken);
    const kubeconfigFile = path.join(dir, 'kubeconfig');
    writeFileSync(kubeconfigFile, kubeconfig, { mode: 0o600 });
    let kcm: Proc | undefined;
    if (!opts.noControllerManager) {
      kcm = startProc(
        'kube-controller-manager',
        opts.bins['kube-controller-manager'],
        [
          `--kubeconfig=${kubeconfigFile}`,
          `--authentication-kubeconfig=${kubeconfigFile}`,
          `--authorization-kubeconfig=${kubeconfigFile}`,
          '--leader-elect=false',
          '--bind-address=127.0.0.1',
          '--secure-port=0',
          `--service-account-private-key-file=${certs.saKeyFile}`,
          `--root-ca-file=${certs.caFile}`,
          '--use-service-account-credentials=false',
          ...(opts.controllers ? [`--controllers=${opts.controllers.join(',')}`] : []),
          '--v=0',
        ],
        path.join(dir, 'kube-controller-manager.log'),
      );
      procs.push(kcm);
    }

    await installApis(target, opts.projectRoot, users, kcm, timeout);
    return {
      ...target,
      port,
      dir,
      caFile: certs.caFile,
      frontProxyCaPem: certs.frontProxyCaPem,
      kubeconfig,
      kubeconfigFile,
      tokens: Object.fromEntries(users.map((u) => [u.name, u.token])),
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/** CRDs (waiting until each is Established and served), ClusterRoles, namespaces and bindings. */
async function installApis(
  t: ApiTarget,
  projectRoot: string,
  users: UserEntry[],
  kcm: Proc | undefined,
  timeoutMs: number,
): Promise<void> {
  const crds = stackCrds(projectRoot);
  for (const crd of crds) await ensureCreated(t, '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd);
  for (const crd of crds) {
    const name = String(crd.metadata.name);
    await waitFor(
      `CRD ${name} is established`,
      async () => {
        const r = await apiRequest(t, 'GET', `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`);
        const conds = ((r.json().status as { conditions?: { type: string; status: string }[] })?.conditions ?? []) as {
          type: string;
          status: string;
        }[];
        return conds.some((c) => c.type === 'Established' && c.status === 'True');
      },
      undefined,
      timeoutMs,
    );
  }
  for (const role of kubevirtClusterRoles())
    await ensureCreated(t, '/apis/rbac.authorization.k8s.io/v1/clusterroles', role);
  await ensureCreated(t, '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', defaultBinding());
  if (kcm) {
    // kube-controller-manager aggregates the KubeVirt and CDI rules into admin, edit and view.
    for (const role of ['admin', 'edit', 'view'])
      await waitFor(
        `ClusterRole ${role} aggregates KubeVirt's and CDI's rules`,
        async () => {
          const r = await apiRequest(t, 'GET', `/apis/rbac.authorization.k8s.io/v1/clusterroles/${role}`);
          const groups = ((r.json().rules ?? []) as { apiGroups?: string[] }[]).flatMap((x) => x.apiGroups ?? []);
          return groups.includes('kubevirt.io') && groups.includes('cdi.kubevirt.io');
        },
        kcm,
        timeoutMs,
      );
  }
  for (const ns of grantNamespaces(users))
    await ensureCreated(t, '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  for (const b of userBindings(users)) {
    const ns = (b as KObject).metadata.namespace;
    await ensureCreated(
      t,
      ns
        ? `/apis/rbac.authorization.k8s.io/v1/namespaces/${ns}/rolebindings`
        : '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings',
      b,
    );
  }
  // Discovery lists every CRD's group once its resources are served.
  for (const crd of crds) {
    const spec = crd.spec as {
      group: string;
      versions: { name: string; served?: boolean }[];
      names: { plural: string };
    };
    await waitFor(
      `${spec.names.plural}.${spec.group} is served`,
      async () => {
        const r = await apiRequest(t, 'GET', `/apis/${spec.group}/${spec.versions[0].name}`);
        return r.status === 200 && r.body.includes(`"name":"${spec.names.plural}"`);
      },
      undefined,
      timeoutMs,
    );
    // Established and in discovery is not yet listable: while a CRD's storage is (re)made after its
    // status updates, kube-apiserver answers 429 "storage is (re)initializing" (client-go retries on
    // Retry-After, client-node and other clients do not), so wait for a list of each served version.
    for (const v of spec.versions.filter((x) => x.served !== false))
      await waitFor(
        `${spec.names.plural}.${spec.group}/${v.name} lists`,
        async () =>
          (await apiRequest(t, 'GET', `/apis/${spec.group}/${v.name}/${spec.names.plural}?limit=1`)).status === 200,
        undefined,
        timeoutMs,
      );
  }
}
