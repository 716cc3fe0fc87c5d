import { describe, expect, it } from 'vitest';
import { initialExposeForm, type ExposeForm } from './expose-form';
import { buildRoute, routeAdmitted, routesOfService, routeUrl } from './route-builder';
import { buildService, EXPOSED_BY_LABEL, vmRefOf } from './service-builder';
import { exampleVm, service } from './test-fixtures';
import type { Route } from './types';

const vm = vmRefOf(exampleVm('demo'));
const form = (over: Partial<ExposeForm> = {}): ExposeForm => ({
  ...initialExposeForm('vm-cirros', new Set()),
  ...over,
});

describe('buildService', () => {
  it('builds what virtctl expose builds: a vmi.kubevirt.io/id selector and one port, owned by the VM', () => {
    expect(buildService(form(), vm)).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'vm-cirros-ssh',
        namespace: 'demo',
        labels: { [EXPOSED_BY_LABEL]: 'vm-cirros' },
        ownerReferences: [
          { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name: 'vm-cirros', uid: 'uid-vm-cirros' },
        ],
      },
      spec: {
        type: 'NodePort',
        selector: { 'vmi.kubevirt.io/id': 'vm-cirros' },
        ports: [{ name: 'ssh', protocol: 'TCP', port: 22, targetPort: 22 }],
      },
    });
  });

  it('uses the target port, the older selector label, the type and protocol chosen; no owner when not asked', () => {
    const svc = buildService(
      form({
        name: 'dns',
        port: '53',
        targetPort: '5353',
        portName: '',
        protocol: 'UDP',
        type: 'LoadBalancer',
        selectorLabel: 'vm.kubevirt.io/name',
        ownedByVm: false,
      }),
      vm,
    );
    expect(svc.metadata?.ownerReferences).toBeUndefined();
    expect(svc.spec).toEqual({
      type: 'LoadBalancer',
      selector: { 'vm.kubevirt.io/name': 'vm-cirros' },
      ports: [{ protocol: 'UDP', port: 53, targetPort: 5353 }],
    });
  });

  it('sets no owner without the VM uid, and refuses ports that are not numbers', () => {
    expect(buildService(form(), { ...vm, uid: undefined }).metadata?.ownerReferences).toBeUndefined();
    expect(() => buildService(form({ port: 'x' }), vm)).toThrow(/validate/);
  });
});

describe('buildRoute', () => {
  const svc = buildService(form({ name: 'web', port: '80', portName: 'http', type: 'ClusterIP' }), vm);

  it('makes an edge-terminated Route to the Service port name, owned by the created Service', () => {
    const created = { ...svc, metadata: { ...svc.metadata, uid: 'svc-uid' } };
    expect(buildRoute({ routeTermination: 'edge' }, created)).toEqual({
      apiVersion: 'route.openshift.io/v1',
      kind: 'Route',
      metadata: {
        name: 'web',
        namespace: 'demo',
        labels: { [EXPOSED_BY_LABEL]: 'vm-cirros' },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'svc-uid' }],
      },
      spec: {
        to: { kind: 'Service', name: 'web', weight: 100 },
        port: { targetPort: 'http' },
        tls: { termination: 'edge', insecureEdgeTerminationPolicy: 'Redirect' },
        wildcardPolicy: 'None',
      },
    });
  });

  it('targets the pod port number without a port name, and has no TLS with termination none', () => {
    const unnamed = buildService(form({ name: 'web', port: '8080', targetPort: '80', portName: '' }), vm);
    const route = buildRoute({ routeTermination: 'none' }, unnamed);
    expect(route.spec?.port).toEqual({ targetPort: 80 });
    expect(route.spec?.tls).toBeUndefined();
    expect(route.metadata?.ownerReferences).toBeUndefined();
  });
});

describe('routeUrl', () => {
  const route = (over: Partial<Route> = {}): Route => ({
    metadata: { name: 'web', namespace: 'demo' },
    spec: { to: { kind: 'Service', name: 'web' }, tls: { termination: 'edge' } },
    ...over,
  });

  it('is https with TLS, http without, from the admitted host first', () => {
    expect(routeUrl(route())).toBeUndefined();
    expect(routeUrl(route({ spec: { to: { kind: 'Service', name: 'web' }, host: 'a.example', path: '/app' } }))).toBe(
      'http://a.example/app',
    );
    const admitted = route({
      status: { ingress: [{ host: 'web-demo.apps.example', conditions: [{ type: 'Admitted', status: 'True' }] }] },
    });
    expect(routeUrl(admitted)).toBe('https://web-demo.apps.example');
    expect(routeAdmitted(admitted)).toBe(true);
    expect(routeAdmitted(route())).toBe(false);
  });

  it('finds the Routes of a Service', () => {
    const other = route({ metadata: { name: 'x', namespace: 'demo' }, spec: { to: { kind: 'Service', name: 'x' } } });
    expect(routesOfService([route(), other], service('web', {}, [], 'demo'))).toEqual([route()]);
  });
});
