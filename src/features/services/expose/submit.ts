/**
 * Creating what the Expose form describes: a dry run of the Service (and Route) first, so a
 * rejected Route does not leave a Service behind, then the Service, then the Route owned by it.
 */
import type { ExposeForm } from '../model/expose-form';
import { buildRoute } from '../model/route-builder';
import { buildService, type VmRef } from '../model/service-builder';
import type { ExposedKind } from '../model/server-errors';
import type { Route, Service } from '../model/types';

export interface ExposeDeps {
  createService(svc: Service, dryRun: boolean): Promise<Service>;
  createRoute(route: Route, dryRun: boolean): Promise<Route>;
}

export interface ExposeResult {
  service: Service;
  route?: Route;
}

/** A failed step: which kind failed, whether anything was stored before it, and the server's error. */
export class ExposeError extends Error {
  constructor(
    readonly kind: ExposedKind,
    readonly cause: unknown,
    /** The Service, when it was created and only the Route failed. */
    readonly created?: Service,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'ExposeError';
  }
}

async function step<T>(kind: ExposedKind, run: () => Promise<T>, created?: Service): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw new ExposeError(kind, e, created);
  }
}

export async function exposeVm(
  form: ExposeForm,
  vm: VmRef,
  deps: ExposeDeps,
  withRoute: boolean,
): Promise<ExposeResult> {
  const svc = buildService(form, vm);
  await step('Service', () => deps.createService(svc, true));
  if (withRoute) await step('Route', () => deps.createRoute(buildRoute(form, svc), true));
  const service = await step('Service', () => deps.createService(svc, false));
  if (!withRoute) return { service };
  const route = await step('Route', () => deps.createRoute(buildRoute(form, service), false), service);
  return { service, route };
}
