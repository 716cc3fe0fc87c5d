import { E2E_VIEWER_TOKEN, EMBEDDED, expect, realStack, test } from './fixtures/index.js';
import { ClusterPage, KUBEVIRT_PATH } from './pages/cluster.js';
import { ShellPage } from './pages/shell.js';

// The KubeVirt CR is cluster-wide state shared with specs running in parallel: the test that
// turns emulation on puts the setting back as it found it whatever happens, and no other spec
// depends on it. @embedded: a QA run must not flip a real cluster's KubeVirt configuration.
const emulationPatch = (on: boolean | null) => ({
  spec: { configuration: { developerConfiguration: { useEmulation: on } } },
});

type KubeVirtCr = { spec?: { configuration?: { developerConfiguration?: { useEmulation?: boolean } } } };

test.describe('software emulation', { tag: EMBEDDED }, () => {
  test('an admin turns it on, sees the banner on every page, and turns it off', async ({ page, api }) => {
    const cluster = new ClusterPage(page);
    const banner = ClusterPage.emulationBanner(page);
    const before = ((await api.get(KUBEVIRT_PATH)) as KubeVirtCr).spec?.configuration?.developerConfiguration
      ?.useEmulation;
    try {
      await cluster.goto();
      await expect(cluster.emulationSwitch).not.toBeChecked();
      await expect(banner).toBeHidden();

      await cluster.setEmulation(true);
      await expect(banner).toBeVisible();
      await expect(banner).toContainText('Software emulation is on');
      const kv = (await api.get(KUBEVIRT_PATH)) as KubeVirtCr;
      expect(kv.spec?.configuration?.developerConfiguration?.useEmulation).toBe(true);

      // Another page: the banner is part of the shell.
      await new ShellPage(page).openSection('Virtual machines');
      await expect(banner).toBeVisible();
      await page.screenshot({ path: 'e2e/screenshots/emulation-banner-light.png', animations: 'disabled' });

      // Its link leads back to the switch.
      await cluster.openFromEmulationBanner();
      await cluster.setEmulation(false);
      await expect(banner).toBeHidden();
    } finally {
      // As it was: unset (null removes the field in a merge patch) or its former value.
      await api.mergePatch(KUBEVIRT_PATH, emulationPatch(before ?? null));
    }
  });
});

test.describe('software emulation as a viewer', { tag: EMBEDDED }, () => {
  test.use({ extraHTTPHeaders: { authorization: `Bearer ${E2E_VIEWER_TOKEN}` } });

  test('sees the setting read-only with the reason, and what a viewer may not read as errors', async ({ page }) => {
    const cluster = new ClusterPage(page);
    await cluster.goto();
    await expect(cluster.readOnlyReason).toContainText('You cannot patch KubeVirt "kubevirt" in namespace "kubevirt"');
    await expect(cluster.emulationSwitch).toBeDisabled();
    await expect(cluster.kubevirtCard.locator('#kubevirt-phase')).toHaveText('Deployed');
    // Nodes and the CDI CR are cluster-scoped: a cluster-wide view role does not cover them.
    await expect(cluster.nodesCard.getByRole('heading', { name: 'Cannot load nodes' })).toBeVisible();
    await expect(cluster.nodesCard.getByRole('alert')).toContainText('forbidden');
    await expect(cluster.cdiCard.getByRole('heading', { name: 'Cannot load CDI' })).toBeVisible();
    if (realStack) {
      // Kubernetes (the real stack) has no role that lets every user read StorageClasses; the
      // embedded cluster has OpenShift's basic-user, which does.
      await expect(cluster.storageCard.getByRole('heading', { name: 'Cannot load storage classes' })).toBeVisible();
    } else await expect(cluster.storageClassRow('local')).toContainText('Default');
    await page.screenshot({ path: 'e2e/screenshots/cluster-viewer-light.png', fullPage: true, animations: 'disabled' });
  });
});
