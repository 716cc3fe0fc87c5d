/**
 * VirtualMachineExports (export.kubevirt.io/v1), as KubeVirt's export controller reports them
 * (pkg/storage/export/export/export.go): a token Secret `export-token-<name>` when the spec names
 * none (status.tokenSecretRef), the Service `virt-export-<name>`, and, once the source's volumes are
 * free, phase Ready with the internal links (per volume: raw and gzip images of KubeVirt disks,
 * archives of other PVCs; the manifests). A source VM that is running keeps the export Pending
 * (Ready False "inUse"); a missing source Pending with PVCReady False "pvcNotFound". The external
 * links point at the embedded cluster's virt-exportproxy (export/export-proxy.ts, its own loopback
 * port), which serves them; the internal ones name the in-cluster Service, as KubeVirt's do.
 */
import { randomBytes } from 'node:crypto';
import { ResourceKey, keyOf, splitKey, type KObject } from '../../runtime/client.js';
import { nowIso, type ControllerContext } from '../context.js';
import type { Informer } from '../../runtime/informer.js';

export const EXPORTS = 'virtualmachineexports.export.kubevirt.io';
const VMS = 'virtualmachines.kubevirt.io';
const VMIS = 'virtualmachineinstances.kubevirt.io';

interface ExportSpec {
  source?: { apiGroup?: string; kind?: string; name?: string };
  tokenSecretRef?: string;
}
interface Condition {
  type: string;
  status: string;
  reason: string;
  lastTransitionTime: string;
  lastProbeTime: null;
}

/** The PVC names a source exports. */
function claimsOf(vm: KObject): string[] {
  const volumes = ((vm.spec as { template?: { spec?: { volumes?: unknown[] } } })?.template?.spec?.volumes ?? []) as {
    persistentVolumeClaim?: { claimName?: string };
    dataVolume?: { name?: string };
  }[];
  return volumes.flatMap((v) => v.persistentVolumeClaim?.claimName ?? v.dataVolume?.name ?? []);
}

export class ExportController {
  constructor(
    private readonly ctx: ControllerContext,
    private readonly exports: Informer,
    private readonly enqueue: (key: string) => void,
    /** virt-exportproxy's URL (http://127.0.0.1:port): where the external links go; none without it. */
    private readonly proxyUrl?: string,
  ) {}

  watch(): void {
    this.exports.on({ onChange: (o) => this.enqueue(keyOf(o)) });
    const bySource = (o: KObject) => {
      for (const e of this.exports.list(o.metadata.namespace)) {
        if ((e.spec as ExportSpec | undefined)?.source?.name === o.metadata.name) this.enqueue(keyOf(e));
      }
    };
    for (const inf of [this.ctx.informers.vms, this.ctx.informers.vmis, this.ctx.informers.pvcs])
      inf.on({ onChange: bySource, onDelete: bySource });
  }

  private owner(exp: KObject) {
    return [
      {
        apiVersion: 'export.kubevirt.io/v1',
        kind: 'VirtualMachineExport',
        name: exp.metadata.name!,
        uid: exp.metadata.uid!,
        controller: true,
        blockOwnerDeletion: true,
      },
    ];
  }

  reconcile(key: string): void {
    const { client } = this.ctx;
    const [ns, name] = splitKey(key);
    const exp = client.tryGet(EXPORTS, ns, name);
    if (!exp || exp.metadata.deletionTimestamp) return;
    const spec = (exp.spec ?? {}) as ExportSpec;
    const tokenName = spec.tokenSecretRef || `export-token-${name}`;
    if (!spec.tokenSecretRef && !client.tryGet(ResourceKey.secrets, ns, tokenName)) {
      client.create(ResourceKey.secrets, {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: tokenName, namespace: ns, ownerReferences: this.owner(exp) },
        type: 'Opaque',
        data: { token: Buffer.from(randomBytes(24).toString('base64url')).toString('base64') },
      });
    }
    const service = `virt-export-${name}`;
    if (!client.tryGet(ResourceKey.services, ns, service)) {
      client.create(ResourceKey.services, {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: service, namespace: ns, ownerReferences: this.owner(exp) },
        spec: {
          ports: [{ name: 'export', protocol: 'TCP', port: 443, targetPort: 8443 }],
          selector: { 'export-service': name },
        },
      });
    }
    const source = spec.source ?? {};
    const vm = source.kind === 'VirtualMachine' ? client.tryGet(VMS, ns, source.name ?? '') : undefined;
    const claims = vm ? claimsOf(vm) : source.kind === 'PersistentVolumeClaim' && source.name ? [source.name] : [];
    const pvcs = claims.map((c) => client.tryGet(ResourceKey.pvcs, ns, c));
    const inUse = vm !== undefined && client.tryGet(VMIS, ns, vm.metadata.name!) !== undefined;
    const found = claims.length > 0 && pvcs.every((p) => p !== undefined);
    const ready = found && !inUse;
    const now = nowIso(this.ctx);
    const cond = (type: string, ok: boolean, reason: string): Condition => ({
      type,
      status: ok ? 'True' : 'False',
      reason,
      lastTransitionTime: now,
      lastProbeTime: null,
    });
    const linksFrom = (base: string, manifests: string) => ({
      cert: '',
      volumes: pvcs.flatMap((p) => {
        if (!p) return [];
        const kubevirt = p.metadata.annotations?.['cdi.kubevirt.io/storage.contentType'] !== 'archive';
        const path = `${base}/volumes/${p.metadata.name}`;
        const formats = kubevirt
          ? [
              { format: 'raw', url: `${path}/disk.img` },
              { format: 'gzip', url: `${path}/disk.img.gz` },
            ]
          : [
              { format: 'dir', url: `${path}/dir` },
              { format: 'tar.gz', url: `${path}/disk.tar.gz` },
            ];
        return [{ name: p.metadata.name, formats }];
      }),
      ...(vm
        ? {
            manifests: [
              { type: 'all', url: `${base}/${manifests}/manifests/all` },
              { type: 'auth-header-secret', url: `${base}/${manifests}/manifests/secret` },
            ],
          }
        : {}),
    });
    const external = `${this.proxyUrl}/api/export.kubevirt.io/v1/namespaces/${ns}/virtualmachineexports/${name}`;
    const links = {
      internal: linksFrom(`https://${service}.${ns}.svc`, 'internal'),
      ...(this.proxyUrl ? { external: linksFrom(external, 'external') } : {}),
    };
    client.mutate(
      EXPORTS,
      ns,
      name,
      (o) => {
        const old = (o.status ?? {}) as { conditions?: Condition[] };
        const keep = (c: Condition) => {
          const prev = old.conditions?.find((x) => x.type === c.type);
          return prev && prev.status === c.status && prev.reason === c.reason ? prev : c;
        };
        const status = {
          phase: ready ? 'Ready' : 'Pending',
          tokenSecretRef: tokenName,
          serviceName: service,
          conditions: [
            keep(cond('Ready', ready, ready ? 'podReady' : inUse ? 'inUse' : 'initializing')),
            keep(cond('PVCReady', found, found ? 'pvcBound' : 'pvcNotFound')),
          ],
          ...(ready ? { links } : {}),
        };
        if (JSON.stringify(status) === JSON.stringify(o.status)) return false;
        o.status = status;
      },
      { subresource: 'status' },
    );
  }
}
