/**
 * KubeVirt's and CDI's admission webhooks for the real stack: the embedded cluster's webhook steps
 * (admission/steps.ts: kubevirtWebhooks, cdiWebhooks, with KubeVirt's and CDI's wording) answering
 * kube-apiserver's AdmissionReviews, registered under the webhook names KubeVirt and CDI use, so a
 * denial reads `admission webhook "virtualmachine-validator.kubevirt.io" denied the request: ...`
 * on both backends. The mutating webhooks return their defaults as a JSON patch.
 */
import { admissionChain } from '../../cluster/admission/chain.js';
import { VM_WEBHOOK, VMI_CREATE_WEBHOOK, VMI_UPDATE_WEBHOOK } from '../../cluster/admission/kubevirt.js';
import { DV_WEBHOOK } from '../../cluster/admission/cdi.js';
import { cdiWebhooks, kubevirtWebhooks, notAdmitted } from '../../cluster/admission/steps.js';
import { Worker } from 'node:worker_threads';
import type { AdmissionRequest } from '../../cluster/store/hooks.js';

const admit = admissionChain(notAdmitted, [kubevirtWebhooks, cdiWebhooks]);

interface Rule {
  apiGroups: string[];
  apiVersions: string[];
  operations: string[];
  resources: string[];
}

const rule = (group: string, versions: string[], ops: string[], resource: string): Rule => ({
  apiGroups: [group],
  apiVersions: versions,
  operations: ops,
  resources: [resource],
});

/** The validating webhooks: KubeVirt's and CDI's names, each with the requests it sees. */
const VALIDATING: Array<[string, Rule]> = [
  [VM_WEBHOOK, rule('kubevirt.io', ['v1'], ['CREATE', 'UPDATE'], 'virtualmachines')],
  [VMI_CREATE_WEBHOOK, rule('kubevirt.io', ['v1'], ['CREATE'], 'virtualmachineinstances')],
  [VMI_UPDATE_WEBHOOK, rule('kubevirt.io', ['v1'], ['UPDATE'], 'virtualmachineinstances')],
  [DV_WEBHOOK, rule('cdi.kubevirt.io', ['v1beta1'], ['CREATE', 'UPDATE'], 'datavolumes')],
];
const MUTATING: Array<[string, Rule]> = [
  ['virtualmachines-mutator.kubevirt.io', rule('kubevirt.io', ['v1'], ['CREATE', 'UPDATE'], 'virtualmachines')],
  ['virtualmachineinstances-mutator.kubevirt.io', rule('kubevirt.io', ['v1'], ['CREATE'], 'virtualmachineinstances')],
];

interface ReviewRequest {
  uid: string;
  kind: { group: string; version: string; kind: string };
  resource: { group: string; version: string; resource: string };
  subResource?: string;
  name?: string;
  namespace?: string;
  operation: 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';
  userInfo?: { username?: string };
  object?: Record<string, unknown>;
  oldObject?: Record<string, unknown>;
  dryRun?: boolean;
}

const DENIED = /^admission webhook "([^"]+)" denied the request: /;

/** The AdmissionReview answer of the webhook at `path` (/validate/<name> or /mutate/<name>). */
export function review(path: string, body: unknown): Record<string, unknown> {
  const req = (body as { request?: ReviewRequest } | undefined)?.request;
  if (!req || typeof req.uid !== 'string') throw new Error('not an AdmissionReview request');
  const answer = (response: Record<string, unknown>) => ({
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    response: { uid: req.uid, ...response },
  });
  if (req.operation === 'CONNECT') return answer({ allowed: true });
  const input: AdmissionRequest = {
    operation: req.operation,
    group: req.resource.group,
    version: req.resource.version,
    resource: req.resource.resource,
    subresource: req.subResource || undefined,
    kind: req.kind.kind,
    namespace: req.namespace || undefined,
    name: req.name || undefined,
    object: req.object,
    oldObject: req.oldObject,
    dryRun: req.dryRun ?? false,
    userName: req.userInfo?.username ?? '',
  };
  const result = admit(input);
  const [kind, name] = path.split('/').filter(Boolean);
  if (!result.allowed) {
    const status = { ...result.status };
    const denier = DENIED.exec(status.message ?? '');
    // the other webhooks deny what is theirs; kube-apiserver prefixes the denial with this webhook's name
    if (kind !== 'validate' || denier?.[1] !== name) return answer({ allowed: true });
    status.message = (status.message ?? '').slice(denier[0].length);
    return answer({ allowed: false, status });
  }
  const warnings = kind === 'validate' ? result.warnings : undefined;
  if (kind !== 'mutate' || !result.object || !req.object)
    return answer({ allowed: true, ...(warnings ? { warnings } : {}) });
  const patch = Object.keys(result.object)
    .filter((k) => JSON.stringify(result.object?.[k]) !== JSON.stringify(req.object?.[k]))
    .map((k) => ({ op: k in (req.object ?? {}) ? 'replace' : 'add', path: `/${k}`, value: result.object?.[k] }));
  if (!patch.length) return answer({ allowed: true });
  return answer({
    allowed: true,
    patchType: 'JSONPatch',
    patch: Buffer.from(JSON.stringify(patch)).toString('base64'),
  });
}

/** The Validating- and MutatingWebhookConfigurations, calling the webhook server through `service`. */
export function webhookConfigurations(
  service: { namespace: string; name: string; port: number },
  caBundle: string,
): Array<{ collection: string; object: Record<string, unknown> }> {
  const hook =
    (kind: 'validate' | 'mutate') =>
    ([name, r]: [string, Rule]) => ({
      name,
      admissionReviewVersions: ['v1'],
      sideEffects: 'None',
      failurePolicy: 'Fail',
      timeoutSeconds: 10,
      rules: [{ ...r, scope: '*' }],
      clientConfig: { service: { ...service, path: `/${kind}/${name}` }, caBundle },
    });
  const meta = (name: string) => ({ name, labels: { 'kubevirt.io': 'virt-api' } });
  return [
    {
      collection: '/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations',
      object: {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'ValidatingWebhookConfiguration',
        metadata: meta('virt-api-validator'),
        webhooks: VALIDATING.map(hook('validate')),
      },
    },
    {
      collection: '/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations',
      object: {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'MutatingWebhookConfiguration',
        metadata: meta('virt-api-mutator'),
        webhooks: MUTATING.map(hook('mutate')),
      },
    },
  ];
}

/** Starts webhook-worker.ts (under tsx when running from the TypeScript sources) and resolves with its port. */
export async function startWebhookServer(tls: {
  cert: string;
  key: string;
}): Promise<{ port: number; close(): Promise<void> }> {
  const fromSources = import.meta.url.endsWith('.ts');
  const file = new URL(`./webhook-worker.${fromSources ? 'ts' : 'js'}`, import.meta.url);
  // from the TypeScript sources (tests): tsx's loader first, in the worker's own thread
  const worker = fromSources
    ? new Worker(
        // (resolved from the working folder, the project's root, as tsx itself is when tests run)
        `import('tsx/esm/api')` + `.then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); })`,
        { eval: true, workerData: tls },
      )
    : new Worker(file, { workerData: tls });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (m: { port: number }) => resolve(m.port));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the webhook worker exited (${code})`)));
  });
  worker.unref();
  return {
    port,
    async close() {
      worker.postMessage('close');
      await worker.terminate();
    },
  };
}
