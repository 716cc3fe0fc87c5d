import { describe, expect, it } from 'vitest';
import { consoleUrl, vncScreenshotUrl } from './console';

describe('console subresource URLs', () => {
  const t = { namespace: 'demo', name: 'cirros' };

  it('puts vnc and console in subresources.kubevirt.io under the proxy', () => {
    expect(consoleUrl(t, 'vnc')).toBe(
      '/api/kubernetes/apis/subresources.kubevirt.io/v1/namespaces/demo/virtualmachineinstances/cirros/vnc',
    );
    expect(consoleUrl(t, 'console')).toBe(
      '/api/kubernetes/apis/subresources.kubevirt.io/v1/namespaces/demo/virtualmachineinstances/cirros/console',
    );
  });

  it('asks to preserve a live session only when told to', () => {
    expect(consoleUrl(t, 'vnc', { preserveSession: true })).toMatch(/\/vnc\?preserveSession=true$/);
    expect(consoleUrl(t, 'vnc', { preserveSession: false })).toMatch(/\/vnc$/);
  });

  it('keeps the slash of vnc/screenshot', () => {
    expect(vncScreenshotUrl(t)).toBe(
      '/api/kubernetes/apis/subresources.kubevirt.io/v1/namespaces/demo/virtualmachineinstances/cirros/vnc/screenshot',
    );
  });
});
