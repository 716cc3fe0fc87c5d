import { describe, expect, it } from 'vitest';
import { initialExposeForm, looksHttp, suggestServiceName, type ExposeForm } from './expose-form';
import { validateExposeForm, validatePortName, type ExposeContext } from './validation';

const ctx = (over: Partial<ExposeContext> = {}): ExposeContext => ({
  vmName: 'fedora',
  namespace: 'demo',
  serviceNames: new Set(['taken']),
  routeNames: new Set(['web-route']),
  exposed: [{ service: 'fedora-ssh-old', targetPort: 22, protocol: 'TCP' }],
  routesServed: true,
  ...over,
});
const form = (over: Partial<ExposeForm> = {}): ExposeForm => ({
  ...initialExposeForm('fedora', new Set()),
  port: '2222',
  targetPort: '',
  ...over,
});

describe('validateExposeForm', () => {
  it('accepts a good form', () => {
    expect(validateExposeForm(form({ name: 'ok' }), ctx())).toEqual({});
  });

  it('rejects ports out of range or not numbers, on their field', () => {
    expect(validateExposeForm(form({ port: '0' }), ctx()).port).toBe('The port must be between 1 and 65535');
    expect(validateExposeForm(form({ port: '65536' }), ctx()).port).toBe('The port must be between 1 and 65535');
    expect(validateExposeForm(form({ port: '22.5' }), ctx()).port).toBe('The port must be a whole number');
    expect(validateExposeForm(form({ port: '' }), ctx()).port).toBe('Enter a port');
    expect(validateExposeForm(form({ targetPort: '70000' }), ctx()).targetPort).toBe(
      'The target port must be between 1 and 65535',
    );
    expect(validateExposeForm(form({ port: '65535', targetPort: '1' }), ctx())).toEqual({});
  });

  it('rejects a name that is taken or not a DNS-1035 label', () => {
    expect(validateExposeForm(form({ name: 'taken' }), ctx()).name).toBe(
      'A service named "taken" already exists in namespace demo',
    );
    expect(validateExposeForm(form({ name: 'Bad_Name' }), ctx()).name).toMatch(/lower-case letters/);
    expect(validateExposeForm(form({ name: '1abc' }), ctx()).name).toMatch(/start with a letter/);
    expect(validateExposeForm(form({ name: 'a'.repeat(64) }), ctx()).name).toBe(
      'A service name is at most 63 characters',
    );
    expect(validateExposeForm(form({ name: '' }), ctx()).name).toBe('Enter a name for the service');
  });

  it('rejects a port that a Service already forwards to the VM, on the field that sets it', () => {
    const message = 'Port 22/TCP of fedora is already exposed by service fedora-ssh-old';
    expect(validateExposeForm(form({ port: '22' }), ctx()).port).toBe(message);
    expect(validateExposeForm(form({ port: '2200', targetPort: '22' }), ctx()).targetPort).toBe(message);
    // Another protocol is another port.
    expect(validateExposeForm(form({ port: '22', protocol: 'UDP' }), ctx())).toEqual({});
  });

  it('checks the Route: served, TCP, and its name free', () => {
    expect(validateExposeForm(form({ route: true }), ctx({ routesServed: false })).route).toMatch(
      /does not serve Routes/,
    );
    expect(validateExposeForm(form({ route: true, protocol: 'UDP' }), ctx()).route).toMatch(/choose TCP/);
    expect(validateExposeForm(form({ route: true, name: 'web-route' }), ctx()).route).toBe(
      'A route named "web-route" already exists in namespace demo',
    );
    expect(validateExposeForm(form({ route: true, name: 'fresh' }), ctx())).toEqual({});
  });

  it('checks port names as Kubernetes does (IANA service names)', () => {
    expect(validatePortName('')).toBeUndefined();
    expect(validatePortName('http-alt')).toBeUndefined();
    expect(validatePortName('a-very-long-port-name')).toMatch(/15/);
    expect(validatePortName('Http')).toMatch(/lower-case/);
    expect(validatePortName('a--b')).toMatch(/single/);
    expect(validatePortName('8080')).toMatch(/letter/);
  });
});

describe('form defaults', () => {
  it('proposes a free name from the port', () => {
    expect(suggestServiceName('fedora', 22, new Set())).toBe('fedora-ssh');
    expect(suggestServiceName('fedora', 22, new Set(['fedora-ssh', 'fedora-ssh-2']))).toBe('fedora-ssh-3');
    expect(suggestServiceName('fedora', 9000, new Set())).toBe('fedora-9000');
    expect(suggestServiceName('a'.repeat(70), 80, new Set()).length).toBeLessThanOrEqual(63);
  });

  it('starts as a NodePort for ssh with the virtctl selector, owned by the VM', () => {
    expect(initialExposeForm('fedora', new Set())).toMatchObject({
      name: 'fedora-ssh',
      port: '22',
      portName: 'ssh',
      type: 'NodePort',
      selectorLabel: 'vmi.kubevirt.io/id',
      ownedByVm: true,
      route: false,
      routeTermination: 'edge',
    });
    expect(initialExposeForm('fedora', new Set(), 80)).toMatchObject({ portName: 'http', type: 'ClusterIP' });
  });

  it('offers a Route for HTTP ports over TCP only', () => {
    expect(looksHttp({ port: '80', targetPort: '', portName: '', protocol: 'TCP' })).toBe(true);
    expect(looksHttp({ port: '8000', targetPort: '8080', portName: '', protocol: 'TCP' })).toBe(true);
    expect(looksHttp({ port: '9999', targetPort: '', portName: 'http-api', protocol: 'TCP' })).toBe(true);
    expect(looksHttp({ port: '22', targetPort: '', portName: 'ssh', protocol: 'TCP' })).toBe(false);
    expect(looksHttp({ port: '80', targetPort: '', portName: '', protocol: 'UDP' })).toBe(false);
  });
});
