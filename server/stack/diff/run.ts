/** Runs differential cases against a backend: a namespace per case, observations recorded. */
import {
  normalize,
  normalizeMessage,
  send,
  watchEvents,
  type Backend,
  type CaseCtx,
  type Observation,
} from './harness.js';

export interface DiffCase {
  name: string;
  run(c: CaseCtx): Promise<void>;
}

function statusOf(body: unknown): { reason?: string; message?: string } {
  if (body && typeof body === 'object' && (body as { kind?: string }).kind === 'Status') {
    const s = body as { reason?: string; message?: string };
    return { reason: s.reason ?? '', message: normalizeMessage(s.message ?? '') };
  }
  return {};
}

export function caseCtx(b: Backend, ns: string): CaseCtx {
  const observations: Observation[] = [];
  const token = (user: string) => (user === 'nobody' ? 'not-a-valid-token' : b.tokens[user as 'admin']);
  return {
    b,
    ns,
    observations,
    req: (method, path, opts = {}) =>
      send(b, method, path, {
        body: opts.body,
        type: opts.type,
        accept: opts.accept,
        token: token(opts.user ?? 'admin'),
      }),
    see(step, r, shape) {
      const o: Observation = { step, code: r.code, ...statusOf(r.body) };
      if (shape) o.shape = normalize(typeof shape === 'function' ? shape(r.body) : r.body);
      observations.push(o);
    },
    watch: (path, count, timeoutMs = 5000) => watchEvents(b, path, b.tokens.admin, count, timeoutMs),
  };
}

/** A case's namespace (the users file grants alice edit and bob view there on both backends). */
export async function prepareNamespace(b: Backend, ns: string): Promise<void> {
  const r = await send(b, 'POST', '/api/v1/namespaces', {
    token: b.tokens.admin,
    body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
  });
  if (r.code !== 201 && r.code !== 409) throw new Error(`${b.name}: namespace ${ns}: ${r.code} ${r.text}`);
}

export async function runCase(b: Backend, c: DiffCase, ns: string): Promise<Observation[]> {
  await prepareNamespace(b, ns);
  const ctx = caseCtx(b, ns);
  try {
    await c.run(ctx);
  } catch (e) {
    ctx.observations.push({ step: 'case threw', code: -1, message: (e as Error).message });
  }
  return ctx.observations;
}
