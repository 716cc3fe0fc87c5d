// "Open in new tab" on a connected console moves the console to the new tab: the new tab connects
// without asking to take over (the session it finds is the user's own, given up by the opener), and
// the opener says where the console went. Another session that is not the user's still gets the
// take-over prompt (console-vnc.spec.ts).
import { expect, test } from './fixtures/index.js';
import { ConsolePage, createCirrosVm, waitForVmStatus } from './pages/console.js';

test.describe('Open in new tab', () => {
  for (const type of ['vnc', 'serial'] as const) {
    test(`hands a connected ${type} console over to the new tab without a take-over prompt`, async ({
      page,
      api,
      namespace,
    }) => {
      await createCirrosVm(api, namespace, 'moving', 'Always');
      await waitForVmStatus(api, namespace, 'moving', 'Running');
      const opener = new ConsolePage(page);
      await opener.openTab(namespace, 'moving', type);
      await opener.expectConnected(type);

      const tab = new ConsolePage(await opener.openInNewTab());
      await expect(tab.frame(type)).toBeVisible();
      await tab.expectConnected(type);
      await expect(tab.button(type, 'Take over')).toHaveCount(0);
      await expect(opener.status(type)).toHaveText('Disconnected: The console moved to another tab.');
      // The hand-over is used once: a reload of the new tab connects as any other page would.
      await expect(tab.page).not.toHaveURL(/handover=/);

      // The opener can take its console back by hand; the new tab is then told another session took it.
      await opener.connect(type);
      await expect(opener.status(type)).toHaveText('Another session has this console open.');
      await opener.takeOver(type);
      await opener.expectConnected(type);
      await expect(tab.status(type)).toHaveText('Disconnected: Another session took over this console.');
    });
  }
});
