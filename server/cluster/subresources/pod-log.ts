/**
 * GET /api/v1/namespaces/{ns}/pods/{name}/log, as kube-apiserver (pkg/registry/core/pod/rest/log.go:
 * options validated, the container chosen, then the kubelet asked) and the kubelet answer it
 * (pkg/kubelet/kubelet_pods.go validateContainerLogStatus, the CRI log reader): `container`,
 * `follow` (until the container exits), `previous`, `timestamps` (RFC 3339 with nanoseconds before
 * each line), `tailLines`, `sinceSeconds` / `sinceTime` and `limitBytes`. The lines are the
 * kubelets' container logs (runtime/container-logs.ts).
 */
import { Readable } from 'node:stream';
import type { ClusterApi, SubresourceContext, SubresourceResponse } from '../api/subresources.js';
import { ResourceKey } from '../runtime/client.js';
import type { ContainerLogs, LogLine } from '../runtime/container-logs.js';
import type { Pod } from '../kubevirt/types.js';
import { errors, type StatusCause } from '../store/index.js';

interface LogOptions {
  container: string;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  sinceTime?: number;
  limitBytes?: number;
}

const isTrue = (v: string | null) => v !== null && v !== 'false' && v !== '0';

function integer(q: URLSearchParams, name: string, causes: StatusCause[]): number | undefined {
  const raw = q.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d{1,15}$/.test(raw))
    throw errors.badRequest(`unable to parse ${name}: strconv.ParseInt: parsing "${raw}": invalid syntax`);
  const n = Number(raw);
  const min = name === 'tailLines' ? 0 : 1;
  if (n < min)
    causes.push({
      reason: 'FieldValueInvalid',
      field: name,
      message: `Invalid value: ${n}: must be greater than ${min === 0 ? 'or equal to 0' : '0'}`,
    });
  return n;
}

/** PodLogOptions from the query, validated as ValidatePodLogOptions does. */
function parseOptions(q: URLSearchParams, pod: string): LogOptions {
  const causes: StatusCause[] = [];
  const tailLines = integer(q, 'tailLines', causes);
  const sinceSeconds = integer(q, 'sinceSeconds', causes);
  const limitBytes = integer(q, 'limitBytes', causes);
  const rawSince = q.get('sinceTime');
  let sinceTime: number | undefined;
  if (rawSince) {
    sinceTime = Date.parse(rawSince);
    if (Number.isNaN(sinceTime)) throw errors.badRequest(`unable to parse sinceTime: ${JSON.stringify(rawSince)}`);
  }
  if (sinceSeconds !== undefined && sinceTime !== undefined)
    causes.push({
      reason: 'FieldValueForbidden',
      field: '',
      message: 'at most one of `sinceTime` or `sinceSeconds` may be specified',
    });
  if (causes.length) throw errors.invalid('', 'PodLogOptions', pod, causes);
  return {
    container: q.get('container') ?? '',
    follow: isTrue(q.get('follow')),
    previous: isTrue(q.get('previous')),
    timestamps: isTrue(q.get('timestamps')),
    tailLines,
    sinceSeconds,
    sinceTime,
    limitBytes,
  };
}

interface ContainerState {
  waiting?: { reason?: string };
  running?: unknown;
  terminated?: unknown;
}
interface ContainerStatus {
  name?: string;
  state?: ContainerState;
  lastState?: { terminated?: { containerID?: string } };
}

/** log.go's podLogLocation: the named container, or the only one. */
function chooseContainer(pod: Pod, asked: string): string {
  const name = pod.metadata.name ?? '';
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  const inits = ((pod.spec as { initContainers?: { name: string }[] } | undefined)?.initContainers ?? []).map(
    (c) => c.name,
  );
  if (!asked) {
    if (names.length === 1) return names[0];
    if (names.length === 0) throw errors.badRequest(`a container name must be specified for pod ${name}`);
    let message = `a container name must be specified for pod ${name}, choose one of: [${names.join(' ')}]`;
    if (inits.length) message += ` or one of the init containers: [${inits.join(' ')}]`;
    throw errors.badRequest(message);
  }
  if (!names.includes(asked) && !inits.includes(asked))
    throw errors.badRequest(`container ${asked} is not valid for pod ${name}`);
  return asked;
}

/** The kubelet's validateContainerLogStatus: whether this container has logs to give, and whether it still runs. */
function containerRuns(pod: Pod, container: string, previous: boolean): boolean {
  const name = pod.metadata.name ?? '';
  const status = pod.status as
    { containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[] } | undefined;
  const cs = [...(status?.containerStatuses ?? []), ...(status?.initContainerStatuses ?? [])].find(
    (c) => c.name === container,
  );
  const fail = (why: string) => errors.badRequest(`container "${container}" in pod "${name}" ${why}`);
  if (!cs) throw fail('is not available');
  if (previous) {
    if (!cs.lastState?.terminated?.containerID)
      throw errors.badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
    return false;
  }
  const state = cs.state ?? {};
  if (state.running) return true;
  if (state.terminated) return false;
  if (state.waiting) {
    const reason = state.waiting.reason ?? '';
    if (reason === 'ErrImagePull') throw fail("is waiting to start: image can't be pulled");
    if (reason === 'ImagePullBackOff') throw fail('is waiting to start: trying and failing to pull image');
    throw fail(`is waiting to start: ${reason}`);
  }
  throw fail('is waiting to start - no logs yet');
}

function rfc3339Nano(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

export function registerPodLog(api: ClusterApi, logs: ContainerLogs): void {
  api.addSubresource({
    group: '',
    versions: ['v1'],
    resource: 'pods',
    subresource: 'log',
    verbs: ['get'],
    kind: 'Pod',
    handle: (c) => podLog(c, logs),
  });
}

function podLog(c: SubresourceContext, logs: ContainerLogs): SubresourceResponse {
  if (c.method !== 'GET') throw errors.methodNotAllowed();
  const pod = c.store.tryGet(ResourceKey.pods, c.namespace, c.name) as Pod | undefined;
  if (!pod) throw errors.notFound('', 'pods', c.name);
  const opts = parseOptions(c.query, c.name);
  const container = chooseContainer(pod, opts.container);
  const text = { status: 200, contentType: 'text/plain', body: '' };
  // A pod not yet on a node has no kubelet to ask: an empty answer (log.go returns no location).
  if (!pod.spec?.nodeName) return text;
  const runs = containerRuns(pod, container, opts.previous);
  const uid = pod.metadata.uid ?? '';
  const since = opts.sinceTime ?? (opts.sinceSeconds !== undefined ? Date.now() - opts.sinceSeconds * 1000 : undefined);
  let lines: readonly LogLine[] = logs.lines(uid, container).filter((l) => since === undefined || l.time >= since);
  if (opts.tailLines !== undefined) lines = opts.tailLines === 0 ? [] : lines.slice(-opts.tailLines);
  const format = (l: LogLine) => `${opts.timestamps ? `${rfc3339Nano(l.time)} ` : ''}${l.text}\n`;
  let budget = opts.limitBytes ?? Infinity;
  const take = (s: string): string => {
    const buf = Buffer.from(s);
    const out = buf.length <= budget ? s : buf.subarray(0, budget).toString();
    budget -= Math.min(buf.length, budget);
    return out;
  };
  const head = take(lines.map(format).join(''));
  if (!opts.follow || !runs || budget <= 0) return { ...text, body: head };
  const stream = new Readable({ read() {} });
  if (head) stream.push(head);
  const stop = logs.follow(uid, container, (line) => {
    if (line === null) return void stream.push(null);
    stream.push(take(format(line)));
    if (budget <= 0) {
      stop();
      stream.push(null);
    }
  });
  stream.on('close', () => stop());
  return { status: 200, contentType: 'text/plain', body: stream };
}
