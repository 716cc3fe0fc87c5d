import { describe, expect, it } from 'vitest';
import { initialExposeForm } from '../model/expose-form';
import type { Route, Service } from '../model/types';
import { ExposeError, exposeVm, type ExposeDeps } from './submit';

const vm = { name: 'fedora', namespace: 'demo', uid: 'vm-uid' };
const form = { ...initialExposeForm('fedora', new Set(), 80), route: true };

function fakeDeps(fail?: { kind: 'Service' | 'Route'; dryRun: boolean }) {
  const calls: string[] = [];
  const deps: ExposeDeps = {
    async createService(svc: Service, dryRun: boolean) {
      calls.push(`service ${dryRun ? 'dry-run' : 'create'}`);
      if (fail?.kind === 'Service' && fail.dryRun === dryRun) throw new Error('service rejected');
      return { ...svc, metadata: { ...svc.metadata, uid: dryRun ? undefined : 'svc-uid' } };
    },
    async createRoute(route: Route, dryRun: boolean) {
      calls.push(`route ${dryRun ? 'dry-run' : 'create'} owner=${route.metadata?.ownerReferences?.[0]?.uid ?? 'none'}`);
      if (fail?.kind === 'Route' && fail.dryRun === dryRun) throw new Error('route rejected');
      return route;
    },
  };
  return { deps, calls };
}

describe('exposeVm', () => {
  it('dry-runs both, then creates the Service and a Route owned by it', async () => {
    const { deps, calls } = fakeDeps();
    const result = await exposeVm(form, vm, deps, true);
    expect(calls).toEqual([
      'service dry-run',
      'route dry-run owner=none',
      'service create',
      'route create owner=svc-uid',
    ]);
    expect(result.service.metadata?.uid).toBe('svc-uid');
    expect(result.route?.spec?.to.name).toBe('fedora-http');
  });

  it('stores nothing when the Route dry run fails', async () => {
    const { deps, calls } = fakeDeps({ kind: 'Route', dryRun: true });
    const err = await exposeVm(form, vm, deps, true).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExposeError);
    expect((err as ExposeError).kind).toBe('Route');
    expect((err as ExposeError).created).toBeUndefined();
    expect(calls).toEqual(['service dry-run', 'route dry-run owner=none']);
  });

  it('reports the created Service when only the Route create fails', async () => {
    const { deps } = fakeDeps({ kind: 'Route', dryRun: false });
    const err = (await exposeVm(form, vm, deps, true).catch((e: unknown) => e)) as ExposeError;
    expect(err.kind).toBe('Route');
    expect(err.created?.metadata?.name).toBe('fedora-http');
  });

  it('skips the Route when not asked, and stops at a failing Service dry run', async () => {
    const ok = fakeDeps();
    expect((await exposeVm(form, vm, ok.deps, false)).route).toBeUndefined();
    expect(ok.calls).toEqual(['service dry-run', 'service create']);
    const bad = fakeDeps({ kind: 'Service', dryRun: true });
    const err = (await exposeVm(form, vm, bad.deps, true).catch((e: unknown) => e)) as ExposeError;
    expect(err.kind).toBe('Service');
    expect(err.message).toBe('service rejected');
    expect(bad.calls).toEqual(['service dry-run']);
  });
});
