/**
 * Checks on rendered deploy manifests (kustomize build output): what has to resolve for the pods to
 * start and be reached. Each check returns the problems it found, one readable line each.
 */

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

interface Probe {
  httpGet?: { path?: string; port: string | number; scheme?: string };
  tcpSocket?: { port: string | number };
}
interface Container {
  name: string;
  image?: string;
  args?: string[];
  command?: string[];
  ports?: Array<{ name?: string; containerPort: number }>;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  volumeMounts?: Array<{ name: string; mountPath: string }>;
  envFrom?: Array<{ secretRef?: { name: string }; configMapRef?: { name: string } }>;
  env?: Array<{
    name: string;
    valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string } };
  }>;
}
interface Volume {
  name: string;
  secret?: { secretName: string };
  configMap?: { name: string };
  emptyDir?: unknown;
}
interface PodSpec {
  serviceAccountName?: string;
  containers: Container[];
  initContainers?: Container[];
  volumes?: Volume[];
}
export interface Workload {
  name: string;
  labels: Record<string, string>;
  pod: PodSpec;
}

/** Secrets the cluster makes from an annotation: OpenShift's service CA (serving certificates). */
export function generatedSecrets(objects: K8sObject[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const o of objects) {
    const name =
      o.kind === 'Service' ? o.metadata.annotations?.['service.beta.openshift.io/serving-cert-secret-name'] : undefined;
    if (name) out.set(name, ['tls.crt', 'tls.key']);
  }
  return out;
}

/** `oc|kubectl ... create secret generic <name> --from-literal=<key>=...` in a text (shell continuations joined). */
export function documentedSecrets(text: string): Map<string, { namespace?: string; keys: string[] }> {
  const joined = text.replace(/\\\n\s*/g, ' ');
  const out = new Map<string, { namespace?: string; keys: string[] }>();
  for (const m of joined.matchAll(
    /\b(?:oc|kubectl)\s+(?:-n\s+(\S+)\s+)?create\s+secret\s+generic\s+(\S+)((?:\s+--from-literal=[^=\s]+=\S+)+)/g,
  )) {
    out.set(m[2], { namespace: m[1], keys: [...m[3].matchAll(/--from-literal=([^=\s]+)=/g)].map((k) => k[1]) });
  }
  return out;
}

export function workloads(objects: K8sObject[]): Workload[] {
  return objects
    .filter((o) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(o.kind))
    .map((o) => {
      const template = (o.spec as { template: { metadata?: { labels?: Record<string, string> }; spec: PodSpec } })
        .template;
      return { name: `${o.kind}/${o.metadata.name}`, labels: template.metadata?.labels ?? {}, pod: template.spec };
    });
}

const allContainers = (pod: PodSpec) => [...(pod.initContainers ?? []), ...pod.containers];
const PULLABLE = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?\/[a-z0-9._/-]+(:[\w.-]+|@sha256:[0-9a-f]{64})$/;

/** Every image names its registry and a tag or digest (a bare name is one no transformer reached). */
export function checkImages(objects: K8sObject[]): string[] {
  return workloads(objects).flatMap((w) =>
    allContainers(w.pod)
      .filter((c) => !PULLABLE.test(c.image ?? ''))
      .map((c) => `${w.name} container ${c.name}: image "${c.image ?? ''}" is not a registry/repository:tag reference`),
  );
}

function hasPort(c: Container, port: string | number): boolean {
  return (c.ports ?? []).some((p) => (typeof port === 'number' ? p.containerPort === port : p.name === port));
}

/**
 * Probes hit a declared port of their container on a path its image answers; the ports a container
 * is told to listen on are the ones it declares; an `--upstream` is a port of another container.
 */
export function checkProbesAndPorts(
  objects: K8sObject[],
  healthPaths: Array<{ image: RegExp; paths: string[] }>,
): string[] {
  const problems: string[] = [];
  for (const w of workloads(objects)) {
    for (const c of allContainers(w.pod)) {
      const at = `${w.name} container ${c.name}`;
      for (const [kind, probe] of Object.entries({
        readinessProbe: c.readinessProbe,
        livenessProbe: c.livenessProbe,
        startupProbe: c.startupProbe,
      })) {
        if (!probe) continue;
        const port = probe.httpGet?.port ?? probe.tcpSocket?.port;
        if (port === undefined || !hasPort(c, port))
          problems.push(`${at}: ${kind} port ${String(port)} is not a port of the container`);
        const path = probe.httpGet?.path;
        const known = healthPaths.find((h) => h.image.test(c.image ?? ''));
        if (probe.httpGet && (!known || !known.paths.includes(path ?? '')))
          problems.push(`${at}: ${kind} path ${String(path)} is not a health endpoint of ${c.image}`);
      }
      const args = [...(c.command ?? []), ...(c.args ?? [])];
      args.forEach((arg, i) => {
        const listen =
          /^--(?:https?-address)=[^=]*:(\d+)$/.exec(arg)?.[1] ?? (arg === '--port' ? args[i + 1] : undefined);
        if (listen && !hasPort(c, Number(listen)))
          problems.push(`${at}: listens on ${listen} (${arg}) but declares no such port`);
        const upstream = /^--upstream=https?:\/\/(?:localhost|127\.0\.0\.1):(\d+)/.exec(arg)?.[1];
        if (upstream && !w.pod.containers.some((o) => o !== c && hasPort(o, Number(upstream))))
          problems.push(`${at}: ${arg} is no port of another container`);
      });
    }
  }
  return problems;
}

/** Services select pods and name their ports; Routes and Ingresses name a Service and its port. */
export function checkTraffic(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  const services = new Map(
    objects
      .filter((o) => o.kind === 'Service')
      .map((o) => [
        o.metadata.name,
        o.spec as {
          selector?: Record<string, string>;
          ports?: Array<{ name?: string; port: number; targetPort?: string | number }>;
        },
      ]),
  );
  for (const [name, spec] of services) {
    const selected = workloads(objects).filter((w) =>
      Object.entries(spec.selector ?? {}).every(([k, v]) => w.labels[k] === v),
    );
    if (!selected.length) problems.push(`Service ${name}: its selector matches no pod template`);
    for (const p of spec.ports ?? []) {
      const target = p.targetPort ?? p.port;
      if (selected.length && !selected.every((w) => w.pod.containers.some((c) => hasPort(c, target))))
        problems.push(`Service ${name}: targetPort ${String(target)} is no container port`);
    }
  }
  const servicePort = (svc: string, port: string | number | undefined, what: string) => {
    const spec = services.get(svc);
    if (!spec) return problems.push(`${what}: Service ${svc} does not exist`);
    if (port !== undefined && !(spec.ports ?? []).some((p) => p.name === port || p.port === port))
      problems.push(`${what}: Service ${svc} has no port ${String(port)}`);
  };
  for (const o of objects) {
    if (o.kind === 'Route') {
      const spec = o.spec as { to: { kind: string; name: string }; port?: { targetPort: string | number } };
      servicePort(spec.to.name, spec.port?.targetPort, `Route ${o.metadata.name}`);
    }
    if (o.kind === 'Ingress') {
      const rules =
        (
          o.spec as {
            rules?: Array<{
              http?: {
                paths?: Array<{ backend: { service: { name: string; port: { name?: string; number?: number } } } }>;
              };
            }>;
          }
        ).rules ?? [];
      for (const path of rules.flatMap((r) => r.http?.paths ?? [])) {
        servicePort(
          path.backend.service.name,
          path.backend.service.port.name ?? path.backend.service.port.number,
          `Ingress ${o.metadata.name}`,
        );
      }
    }
  }
  return problems;
}

/**
 * Every Secret and ConfigMap a pod uses exists in the manifests, is made by the cluster, or is one
 * `documented` says how to create; every file a container is pointed at (`--x=/path`) is a key of
 * a Secret or ConfigMap it mounts; service accounts exist.
 */
export function checkReferences(
  objects: K8sObject[],
  documented: Map<string, { namespace?: string; keys: string[] }>,
  namespace: string,
): string[] {
  const problems: string[] = [];
  const named = (kind: string) =>
    new Map(
      objects.filter((o) => o.kind === kind).map((o) => [o.metadata.name, Object.keys({ ...o.data, ...o.stringData })]),
    );
  const configMaps = named('ConfigMap');
  const secrets = new Map([...named('Secret'), ...generatedSecrets(objects)]);
  for (const [name, doc] of documented)
    if (!secrets.has(name) && (doc.namespace ?? namespace) === namespace) secrets.set(name, doc.keys);
  const accounts = named('ServiceAccount');
  for (const w of workloads(objects)) {
    if (w.pod.serviceAccountName && !accounts.has(w.pod.serviceAccountName))
      problems.push(`${w.name}: service account ${w.pod.serviceAccountName} does not exist`);
    const volumes = new Map((w.pod.volumes ?? []).map((v) => [v.name, v]));
    for (const v of volumes.values()) {
      if (v.secret && !secrets.has(v.secret.secretName))
        problems.push(`${w.name} volume ${v.name}: Secret ${v.secret.secretName} is neither made here nor documented`);
      if (v.configMap && !configMaps.has(v.configMap.name))
        problems.push(`${w.name} volume ${v.name}: ConfigMap ${v.configMap.name} does not exist`);
    }
    for (const c of allContainers(w.pod)) {
      const at = `${w.name} container ${c.name}`;
      for (const e of c.envFrom ?? []) {
        if (e.secretRef && !secrets.has(e.secretRef.name))
          problems.push(`${at}: envFrom Secret ${e.secretRef.name} is neither made here nor documented`);
        if (e.configMapRef && !configMaps.has(e.configMapRef.name))
          problems.push(`${at}: envFrom ConfigMap ${e.configMapRef.name} does not exist`);
      }
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef ?? e.valueFrom?.configMapKeyRef;
        const keys = e.valueFrom?.secretKeyRef ? secrets.get(ref?.name ?? '') : configMaps.get(ref?.name ?? '');
        if (ref && !keys?.includes(ref.key))
          problems.push(`${at}: env ${e.name} names ${ref.name}/${ref.key}, which does not resolve`);
      }
      const mounts = (c.volumeMounts ?? []).map((m) => ({ ...m, volume: volumes.get(m.name) }));
      for (const m of mounts)
        if (!m.volume) problems.push(`${at}: mounts volume ${m.name}, which the pod does not have`);
      for (const arg of [...(c.command ?? []), ...(c.args ?? [])]) {
        const account = /^--openshift-service-account=(\S+)$/.exec(arg)?.[1];
        if (account && !accounts.has(account)) problems.push(`${at}: ${arg}: no such service account`);
        const file = /^--[\w-]+=(\/\S+)$/.exec(arg)?.[1];
        if (!file) continue;
        const mount = mounts.find((m) => file.startsWith(`${m.mountPath.replace(/\/$/, '')}/`));
        const source = mount?.volume?.secret
          ? secrets.get(mount.volume.secret.secretName)
          : mount?.volume?.configMap
            ? configMaps.get(mount.volume.configMap.name)
            : undefined;
        const key = mount ? file.slice(mount.mountPath.replace(/\/$/, '').length + 1) : '';
        if (!source) problems.push(`${at}: ${arg} is not in a mounted Secret or ConfigMap`);
        else if (source.length && !source.includes(key))
          problems.push(
            `${at}: ${arg}: the mounted ${mount?.volume?.secret ? 'Secret' : 'ConfigMap'} has no key ${key}`,
          );
      }
    }
  }
  for (const o of objects) {
    for (const [key, value] of Object.entries(o.metadata.annotations ?? {})) {
      if (!key.startsWith('serviceaccounts.openshift.io/oauth-redirectreference.')) continue;
      const ref = (JSON.parse(value) as { reference?: { kind?: string; name?: string } }).reference;
      if (!objects.some((r) => r.kind === ref?.kind && r.metadata.name === ref?.name))
        problems.push(`${o.kind} ${o.metadata.name}: ${key} names a missing ${String(ref?.kind)} ${String(ref?.name)}`);
    }
    const ns = o.metadata.namespace;
    if (ns !== undefined && ns !== namespace)
      problems.push(`${o.kind} ${o.metadata.name}: namespace ${ns}, not ${namespace}`);
  }
  return problems;
}
