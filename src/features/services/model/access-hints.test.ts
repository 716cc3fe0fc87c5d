import { describe, expect, it } from 'vitest';
import {
  accessHints,
  cloudInitUser,
  clusterDnsName,
  guestUser,
  nodeAddress,
  pickNodeAddress,
  userFromUserData,
} from './access-hints';
import { exampleVm, node, service } from './test-fixtures';
import type { Route, VM } from './types';

const withUserData = (userData: { userData?: string; userDataBase64?: string }): VM => {
  const vm = exampleVm();
  return {
    ...vm,
    spec: {
      ...vm.spec,
      template: {
        ...vm.spec.template,
        spec: { domain: { devices: {} }, volumes: [{ name: 'ci', cloudInitNoCloud: userData }] },
      },
    },
  };
};

describe('cloud-init user', () => {
  it('reads user, user.name, users[] and Ignition passwd.users', () => {
    expect(userFromUserData('#cloud-config\nuser: fedora\npassword: fedora\n')).toBe('fedora');
    expect(userFromUserData('#cloud-config\nuser:\n  name: admin\n')).toBe('admin');
    expect(userFromUserData('#cloud-config\nusers:\n  - default\n  - name: bob\n')).toBe('bob');
    expect(userFromUserData('{"ignition":{"version":"3.2.0"},"passwd":{"users":[{"name":"core"}]}}')).toBe('core');
    expect(userFromUserData('#cloud-config\npassword: fedora\n')).toBeUndefined();
    expect(userFromUserData(': : not yaml [')).toBeUndefined();
  });

  it('finds it in a VM, inline or base64, and not in the cirros example (a shell script)', () => {
    expect(cloudInitUser(exampleVm())).toBeUndefined();
    expect(cloudInitUser(withUserData({ userData: '#cloud-config\nuser: cloud-user\n' }))).toBe('cloud-user');
    expect(cloudInitUser(withUserData({ userDataBase64: btoa('#cloud-config\nuser: b64user\n') }))).toBe('b64user');
  });

  it("falls back on the image's documented user", () => {
    expect(guestUser(exampleVm())).toBe('cirros');
    expect(guestUser(withUserData({ userData: '#cloud-config\nuser: admin\n' }))).toBe('admin');
    expect(guestUser(undefined)).toBeUndefined();
  });
});

describe('node addresses', () => {
  const nodes = [
    node('node01', [
      { type: 'InternalIP', address: '192.168.66.101' },
      { type: 'Hostname', address: 'node01' },
    ]),
    node('node02', [
      { type: 'InternalIP', address: '10.0.0.2' },
      { type: 'ExternalIP', address: '203.0.113.2' },
    ]),
  ];

  it('prefers ExternalIP, then InternalIP, then the hostname', () => {
    expect(nodeAddress(nodes[0])).toBe('192.168.66.101');
    expect(nodeAddress(nodes[1])).toBe('203.0.113.2');
    expect(nodeAddress(node('n', [{ type: 'Hostname', address: 'n.local' }]))).toBe('n.local');
  });

  it("picks the VM's node first, else any", () => {
    expect(pickNodeAddress(nodes, ['node02'])).toBe('203.0.113.2');
    expect(pickNodeAddress(nodes, ['gone'])).toBe('192.168.66.101');
    expect(pickNodeAddress([])).toBeUndefined();
  });
});

describe('accessHints', () => {
  it('gives ssh through the node port and the DNS name for a NodePort on 22', () => {
    const svc = service(
      'vm-ssh',
      { 'vmi.kubevirt.io/id': 'vm' },
      [{ name: 'ssh', port: 22, targetPort: 22, nodePort: 31022 }],
      'demo',
      'NodePort',
    );
    expect(clusterDnsName(svc)).toBe('vm-ssh.demo.svc.cluster.local');
    expect(accessHints({ service: svc, user: 'fedora', nodeAddress: '192.168.66.101' })).toEqual([
      { id: 'ssh-node-ssh', label: 'SSH through a node port', value: 'ssh fedora@192.168.66.101 -p 31022' },
      { id: 'dns', label: 'In-cluster DNS name', value: 'vm-ssh.demo.svc.cluster.local' },
    ]);
  });

  it('uses the load balancer IP with the service port, and in-cluster ssh for ClusterIP', () => {
    const lb = service('lb', {}, [{ port: 2222, targetPort: 22, nodePort: 30001 }], 'demo', 'LoadBalancer');
    lb.status = { loadBalancer: { ingress: [{ ip: '192.168.10.5' }] } };
    expect(accessHints({ service: lb }).map((h) => h.value)).toEqual([
      'ssh 192.168.10.5 -p 2222',
      'lb.demo.svc.cluster.local',
    ]);
    const cip = service('c', {}, [{ port: 22 }], 'demo');
    expect(accessHints({ service: cip, user: 'u' })[0]).toEqual({
      id: 'ssh-cluster-22',
      label: 'SSH from inside the cluster',
      value: 'ssh u@c.demo.svc.cluster.local -p 22',
    });
  });

  it('has no ssh hint for other ports, and lists Route URLs', () => {
    const web = service('web', {}, [{ name: 'http', port: 80 }], 'demo');
    const route: Route = {
      metadata: { name: 'web', namespace: 'demo' },
      spec: { to: { kind: 'Service', name: 'web' }, host: 'web-demo.apps.example', tls: { termination: 'edge' } },
    };
    expect(accessHints({ service: web, routes: [route] })).toEqual([
      { id: 'dns', label: 'In-cluster DNS name', value: 'web.demo.svc.cluster.local' },
      { id: 'route-web', label: 'Route URL', value: 'https://web-demo.apps.example' },
    ]);
  });
});
