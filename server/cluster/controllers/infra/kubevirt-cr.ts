/**
 * What virt-operator does with the KubeVirt CR (pkg/virt-operator/kubevirt.go, abridged): a new CR
 * goes Deploying (Progressing) then Deployed (Available) once its components are "up"; every spec
 * change bumps metadata.generation and the operator answers with status.observedGeneration; the
 * status names the deployed install strategy (observedDeploymentConfig and its hash,
 * observedDeploymentID). Configuration such as developerConfiguration.useEmulation is read by the
 * other components from the CR itself (see virt-handler's emulation switch).
 */
import { createHash } from 'node:crypto';
import { ResourceKey, type ClusterClient, type KObject } from '../../runtime/client.js';
import { upsertCondition } from '../../kubevirt/conditions.js';
import { nowIso, type ControllerContext } from '../context.js';
import { KUBEVIRT_VERSION } from '../../kubevirt/versions.js';
import { Informer } from '../../runtime/informer.js';
import type { Condition } from '../../kubevirt/types.js';
import { errorFields } from '../../log.js';

const COMPONENT = 'virt-operator';

/**
 * The KubeVirt CR's spec.configuration.developerConfiguration.useEmulation: guests run on QEMU's
 * software emulation, and launcher pods ask for no /dev/kvm.
 */
export function usesEmulation(client: Pick<ClusterClient, 'tryGet'>): boolean {
  const kv = client.tryGet(ResourceKey.kubevirts, 'kubevirt', 'kubevirt');
  return !!(kv?.spec as { configuration?: { developerConfiguration?: { useEmulation?: boolean } } } | undefined)
    ?.configuration?.developerConfiguration?.useEmulation;
}
/** The KubeVirt CR's spec.configuration.virtualMachineOptions.disableSerialConsoleLog (IsSerialConsoleLogDisabled). */
export function serialConsoleLogDisabled(client: Pick<ClusterClient, 'tryGet'>): boolean {
  const kv = client.tryGet(ResourceKey.kubevirts, 'kubevirt', 'kubevirt');
  const options = (kv?.spec as { configuration?: { virtualMachineOptions?: { disableSerialConsoleLog?: unknown } } })
    ?.configuration?.virtualMachineOptions;
  return options?.disableSerialConsoleLog !== undefined && options.disableSerialConsoleLog !== null;
}
const REGISTRY = 'quay.io/kubevirt';
/** Cluster seconds between a new CR and its components being ready. */
const DEPLOY_SECONDS = 20;

interface KubeVirtStatus {
  phase?: string;
  conditions?: Condition[];
  observedGeneration?: number;
  observedDeploymentConfig?: string;
  observedDeploymentID?: string;
  [key: string]: unknown;
}

export interface DeploymentConfig {
  id: string;
  namespace: string;
  registry: string;
  imagePrefix: string;
  kubeVirtVersion: string;
  virtOperatorImage: string;
  additionalProperties: Record<string, string>;
}

/** The install strategy's config, as virt-operator serialises it, and its id (a hash of it). */
export function deploymentConfig(kv: KObject): DeploymentConfig {
  const spec = (kv.spec ?? {}) as {
    imagePullPolicy?: string;
    imageRegistry?: string;
    imageTag?: string;
    productName?: string;
    productVersion?: string;
  };
  const namespace = kv.metadata.namespace ?? '';
  const registry = spec.imageRegistry || REGISTRY;
  const version = spec.imageTag || KUBEVIRT_VERSION;
  const additionalProperties: Record<string, string> = {
    ImagePullPolicy: spec.imagePullPolicy ?? 'IfNotPresent',
    ...(spec.productName ? { ProductName: spec.productName } : {}),
    ...(spec.productVersion ? { ProductVersion: spec.productVersion } : {}),
  };
  const basis = JSON.stringify({ namespace, registry, version, additionalProperties });
  const id = createHash('sha1').update(basis).digest('hex');
  return {
    id,
    namespace,
    registry,
    imagePrefix: '',
    kubeVirtVersion: version,
    virtOperatorImage: `${registry}/virt-operator:${version}`,
    additionalProperties,
  };
}

export function kubevirtConditions(ready: boolean, prev: Condition[] | undefined, now: string): Condition[] {
  const reason = ready ? 'AllComponentsReady' : 'DeploymentInProgress';
  const message = ready
    ? 'All components are ready.'
    : 'Deploying version ' + KUBEVIRT_VERSION + ' with registry ' + REGISTRY;
  let out = upsertCondition(
    prev,
    { type: 'Available', status: ready ? 'True' : 'False', reason, message, lastProbeTime: now },
    now,
  );
  out = upsertCondition(
    out,
    { type: 'Progressing', status: ready ? 'False' : 'True', reason, message, lastProbeTime: now },
    now,
  );
  out = upsertCondition(out, { type: 'Degraded', status: 'False', reason, message, lastProbeTime: now }, now);
  return out;
}

/** virt-operator's loop over KubeVirt CRs. */
export class KubeVirtOperator {
  private readonly informer: Informer<typeof ResourceKey.kubevirts>;
  private readonly pending = new Map<string, () => void>();

  constructor(private readonly ctx: ControllerContext) {
    this.informer = new Informer(ctx.client, ResourceKey.kubevirts);
  }

  start(): void {
    this.informer.on({
      onChange: (kv) => this.reconcile(kv),
      onDelete: (kv) => {
        const key = `${kv.metadata.namespace}/${kv.metadata.name}`;
        this.pending.get(key)?.();
        this.pending.delete(key);
      },
    });
    this.informer.start();
  }

  stop(): void {
    this.informer.stop();
    for (const cancel of this.pending.values()) cancel();
    this.pending.clear();
  }

  reconcile(kv: KObject): void {
    if (kv.metadata.deletionTimestamp) return;
    const { client } = this.ctx;
    const ns = kv.metadata.namespace;
    const name = kv.metadata.name ?? '';
    const key = `${ns}/${name}`;
    const status = (kv.status ?? {}) as KubeVirtStatus;
    const generation = kv.metadata.generation ?? 1;
    const config = deploymentConfig(kv);
    const now = nowIso(this.ctx);
    const fresh = !status.phase;
    const upToDate =
      status.observedGeneration === generation && status.observedDeploymentID === config.id && !!status.phase;
    if (upToDate) return;
    try {
      client.mutate(
        ResourceKey.kubevirts,
        ns,
        name,
        (o) => {
          const s = { ...((o.status ?? {}) as KubeVirtStatus) };
          if (!s.phase) {
            s.phase = 'Deploying';
            s.conditions = kubevirtConditions(false, s.conditions, now);
            s.targetKubeVirtVersion = config.kubeVirtVersion;
            s.targetKubeVirtRegistry = config.registry;
            s.targetDeploymentID = config.id;
            s.operatorVersion = KUBEVIRT_VERSION;
            s.defaultArchitecture = s.defaultArchitecture ?? 'amd64';
          }
          s.observedGeneration = o.metadata.generation ?? 1;
          s.observedDeploymentConfig = JSON.stringify(config);
          s.observedDeploymentID = config.id;
          s.targetDeploymentConfig = s.observedDeploymentConfig;
          s.targetDeploymentID = config.id;
          o.status = s;
        },
        { subresource: 'status', fieldManager: COMPONENT },
      );
    } catch (err) {
      this.ctx.log(`${COMPONENT} ${key}`, errorFields(err));
      return;
    }
    if (fresh) {
      this.ctx.record(kv, 'Normal', 'Deploying', `Deploying KubeVirt ${config.kubeVirtVersion}`, COMPONENT);
      this.pending.get(key)?.();
      this.pending.set(
        key,
        this.ctx.clock.after(DEPLOY_SECONDS, () => this.markDeployed(ns, name)),
      );
    }
  }

  private markDeployed(ns: string | undefined, name: string): void {
    this.pending.delete(`${ns}/${name}`);
    const cur = this.ctx.client.tryGet(ResourceKey.kubevirts, ns, name);
    if (!cur || cur.metadata.deletionTimestamp) return;
    const now = nowIso(this.ctx);
    try {
      this.ctx.client.mutate(
        ResourceKey.kubevirts,
        ns,
        name,
        (o) => {
          const s = { ...((o.status ?? {}) as KubeVirtStatus) };
          s.phase = 'Deployed';
          s.conditions = kubevirtConditions(true, s.conditions, now);
          s.observedKubeVirtVersion = s.targetKubeVirtVersion;
          s.observedKubeVirtRegistry = s.targetKubeVirtRegistry;
          o.status = s;
        },
        { subresource: 'status', fieldManager: COMPONENT },
      );
      this.ctx.record(cur, 'Normal', 'Deployed', 'All KubeVirt components are ready', COMPONENT);
    } catch (err) {
      this.ctx.log(`${COMPONENT} ${ns}/${name}`, errorFields(err));
    }
  }
}
