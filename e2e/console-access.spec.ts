// A read-only (view) user may see a VM but not open its consoles: KubeVirt requires `get` on
// virtualmachineinstances/vnc or /console in subresources.kubevirt.io, and the API server answers
// the upgrade with 403. The console checks that up front (SelfSubjectAccessReview), says which
// permission is missing, and offers nothing that cannot work: no Connect, no Take over.
import { E2E_VIEWER_TOKEN, EMBEDDED, expect, test } from './fixtures/index.js';
import { ConsolePage, createCirrosVm, waitForVmStatus } from './pages/console.js';

test.describe('consoles for a viewer', { tag: EMBEDDED }, () => {
  test.use({ extraHTTPHeaders: { authorization: `Bearer ${E2E_VIEWER_TOKEN}` } });

  test('say the user may not open them and why, instead of "another session", and never try', async ({
    page,
    api,
    namespace,
  }) => {
    await createCirrosVm(api, namespace, 'watched', 'Always');
    await waitForVmStatus(api, namespace, 'watched', 'Running');
    const sockets: string[] = [];
    page.on('websocket', (ws) => {
      if (/\/(vnc|console)(\?|$)/.test(ws.url())) sockets.push(ws.url());
    });

    const console = new ConsolePage(page);
    await console.openTab(namespace, 'watched', 'vnc');
    await expect(console.status('vnc')).toHaveText(
      'You may not open this virtual machine\'s VNC console: it needs permission "get" on virtualmachineinstances/vnc in API group subresources.kubevirt.io.',
    );
    await expect(console.button('vnc', 'Take over')).toHaveCount(0);
    await expect(console.button('vnc', 'Start')).toHaveCount(0);
    await expect(console.button('vnc', 'Connect')).toBeDisabled();
    await expect(console.button('vnc', 'Connect')).toHaveAccessibleDescription(
      /may not open this virtual machine's VNC console/,
    );
    // A new tab could not open it either.
    await expect(page.getByRole('link', { name: 'Open in new tab' })).toHaveCount(0);

    await console.switchType('serial');
    await expect(console.status('serial')).toHaveText(
      'You may not open this virtual machine\'s serial console: it needs permission "get" on virtualmachineinstances/console in API group subresources.kubevirt.io.',
    );
    await expect(console.button('serial', 'Take over')).toHaveCount(0);
    await expect(console.button('serial', 'Connect')).toBeDisabled();

    await console.openStandalone(namespace, 'watched', 'vnc');
    await expect(console.status('vnc')).toHaveText(/^You may not open this virtual machine's VNC console/);
    expect(sockets, 'no console websocket is opened for a user who may not use it').toEqual([]);
  });
});
