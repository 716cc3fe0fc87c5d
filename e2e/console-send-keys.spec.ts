// The VNC console's "Send key" menu has 22 items (about 800 px): it must stay inside the window
// on common laptop screens, where the Console tab's toolbar sits a third of the way down.
import { expect, test } from './fixtures/index.js';
import { ConsolePage, createCirrosVm, waitForVmStatus } from './pages/console.js';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
];

test.describe('Send key menu', () => {
  test('fits in the window at 1280x800 and 1440x900, every key reachable by scrolling the menu', async ({
    page,
    api,
    namespace,
  }) => {
    await createCirrosVm(api, namespace, 'keys', 'Always');
    await waitForVmStatus(api, namespace, 'keys', 'Running');
    const console = new ConsolePage(page);
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      for (const [where, open] of [
        ['tab', () => console.openTab(namespace, 'keys', 'vnc')],
        ['standalone', () => console.openStandalone(namespace, 'keys', 'vnc')],
      ] as const) {
        await open();
        await console.expectConnected('vnc');
        const menu = await console.openSendKeys();
        const items = menu.getByRole('menuitem');
        await expect(items).toHaveCount(22);
        const box = await console.sendKeysMenuBox();
        expect(box.top, `menu top at ${viewport.width}x${viewport.height}`).toBeGreaterThanOrEqual(0);
        expect(box.bottom, `menu bottom at ${viewport.width}x${viewport.height}`).toBeLessThanOrEqual(viewport.height);
        // The last key scrolls into view inside the menu, and so inside the window.
        const last = items.last();
        await last.scrollIntoViewIfNeeded();
        await expect(last).toBeInViewport();
        await page.screenshot({
          path: `e2e/screenshots/console-send-keys-${where}-${viewport.width}x${viewport.height}.png`,
          animations: 'disabled',
        });
        const lastBox = await last.boundingBox();
        expect((lastBox?.y ?? Infinity) + (lastBox?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
        await page.keyboard.press('Escape');
        await expect(menu).toBeHidden();
      }
    }
  });
});
