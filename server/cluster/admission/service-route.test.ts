import { describe, expect, it } from 'vitest';
import { admit, type AdmissionRequest } from './index.js';

function service(spec: Record<string, unknown>): AdmissionRequest {
  return {
    operation: 'CREATE',
    group: '',
    version: 'v1',
    resource: 'services',
    kind: 'Service',
    namespace: 'default',
    name: 's',
    object: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec },
    dryRun: false,
    userName: 'u',
  };
}
function route(spec: Record<string, unknown>): AdmissionRequest {
  return {
    operation: 'CREATE',
    group: 'route.openshift.io',
    version: 'v1',
    resource: 'routes',
    kind: 'Route',
    namespace: 'default',
    name: 'r',
    object: { apiVersion: 'route.openshift.io/v1', kind: 'Route', metadata: { name: 'r', namespace: 'default' }, spec },
    dryRun: false,
    userName: 'u',
  };
}
const message = (r: ReturnType<typeof admit>) => (r.allowed ? '' : r.status.message);

describe('Service validation, as kube-apiserver words it', () => {
  it('accepts what virtctl expose creates', () => {
    expect(
      admit(
        service({
          type: 'NodePort',
          selector: { 'vmi.kubevirt.io/id': 'vm' },
          ports: [{ port: 22, targetPort: 22, protocol: 'TCP' }],
        }),
      ).allowed,
    ).toBe(true);
  });
  it('refuses ports out of range, unknown protocols and types, with one cause per field', () => {
    const r = admit(service({ type: 'Bogus', ports: [{ port: 70000, protocol: 'FOO', targetPort: 0 }] }));
    expect(r.allowed).toBe(false);
    if (r.allowed) return;
    expect(r.status.code).toBe(422);
    expect(r.status.message).toBe(
      'Service "s" is invalid: [spec.type: Unsupported value: "Bogus": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort", ' +
        'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive, ' +
        'spec.ports[0].protocol: Unsupported value: "FOO": supported values: "SCTP", "TCP", "UDP", ' +
        'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive]',
    );
    expect(r.status.details?.causes?.map((c) => c.field)).toEqual([
      'spec.type',
      'spec.ports[0].port',
      'spec.ports[0].protocol',
      'spec.ports[0].targetPort',
    ]);
  });
  it('refuses duplicate ports and names, unnamed ports among several, and node ports outside the range', () => {
    expect(
      message(
        admit(
          service({
            type: 'NodePort',
            ports: [
              { name: 'a', port: 22 },
              { name: 'a', port: 22 },
            ],
          }),
        ),
      ),
    ).toContain('spec.ports[1].name: Duplicate value: "a", spec.ports[1]: Duplicate value: "22/TCP"');
    expect(message(admit(service({ ports: [{ port: 22 }, { port: 80 }] })))).toContain(
      'spec.ports[0].name: Required value',
    );
    expect(message(admit(service({ type: 'NodePort', ports: [{ port: 22, nodePort: 80 }] })))).toContain(
      'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    expect(message(admit(service({ type: 'ClusterIP', ports: [{ port: 22, nodePort: 30001 }] })))).toContain(
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    );
  });
});

describe('Route validation, as OpenShift words it', () => {
  it('accepts an edge route to a service', () => {
    expect(
      admit(
        route({
          to: { kind: 'Service', name: 'web' },
          port: { targetPort: 80 },
          tls: { termination: 'edge', insecureEdgeTerminationPolicy: 'Redirect' },
        }),
      ).allowed,
    ).toBe(true);
  });
  it('refuses a route without a backend and an unknown termination', () => {
    const r = admit(route({ tls: { termination: 'bogus' } }));
    expect(message(r)).toBe(
      'Route.route.openshift.io "r" is invalid: [spec.to.name: Required value, spec.tls.termination: Unsupported value: "bogus": supported values: "edge", "passthrough", "reencrypt"]',
    );
  });
});
