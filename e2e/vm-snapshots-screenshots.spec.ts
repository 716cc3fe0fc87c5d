import { EMBEDDED, expect, expectNoSeriousA11yViolations, test } from './fixtures/index.js';
import { ShellPage } from './pages/shell.js';
import { CloneDialog, SnapshotsTab, TakeSnapshotDialog } from './pages/snapshots.js';
import { VmDetailsPage } from './pages/vm-details.js';
import { snapshottableVm, vmsPath, waitForVmStatus } from './vm-manifests.js';

// Screenshots of the Snapshots tab and the snapshot, restore and clone dialogs at 1280x800 in both
// themes, to look at (e2e/screenshots/ is not committed). @embedded: the csi-hostpath storage class.
test(
  'snapshots tab and dialogs in light and dark themes',
  { tag: ['@screenshots', EMBEDDED] },
  async ({ page, api, namespace }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    await api.create(vmsPath(namespace), snapshottableVm(namespace, 'shots', { localDisk: true }));
    await waitForVmStatus(api, namespace, 'shots', 'Running', 120_000);
    const shell = new ShellPage(page);
    const details = new VmDetailsPage(page, namespace, 'shots');
    const tab = new SnapshotsTab(page, namespace, 'shots');
    // Each view is also checked with axe (no serious or critical violations) before its screenshot.
    const shot = async (name: string, theme: string) => {
      await expectNoSeriousA11yViolations(page);
      await page.screenshot({ path: `e2e/screenshots/snapshots-${name}-${theme}.png`, animations: 'disabled' });
    };

    for (const dark of [false, true]) {
      const theme = dark ? 'dark' : 'light';
      await details.goto('Snapshots');
      await shell.setDarkTheme(dark);

      await details.runAction('Take snapshot');
      const take = new TakeSnapshotDialog(page);
      await expect(take.excludedDisks).toContainText('scratch');
      await shot('take-dialog', theme);
      const name = await take.take(`shots-${theme}`);
      await take.expectReady(name);
      await shot('take-ready', theme);
      await take.close();

      await expect(tab.status(name)).toContainText('Ready');
      await shot('tab', theme);

      await tab.restoreButton(name).click();
      await expect(page.getByRole('dialog', { name: 'Restore snapshot' })).toBeVisible();
      await shot('restore-dialog', theme);
      await page
        .getByRole('dialog', { name: 'Restore snapshot' })
        .getByRole('radio', { name: /^A new/ })
        .check();
      await shot('restore-new-dialog', theme);
      await page.keyboard.press('Escape');

      await details.runAction('Clone');
      const clone = new CloneDialog(page);
      await expect(clone.dialog).toBeVisible();
      await shot('clone-dialog', theme);
      await clone.clone(`shots-copy-${theme}`);
      await shot('clone-done', theme);
      await page.keyboard.press('Escape');
    }
    await shell.setDarkTheme(false);
  },
);
