import { EMBEDDED, expect, test } from './fixtures/index.js';
import { CloneDialog } from './pages/snapshots.js';
import { VmDetailsPage } from './pages/vm-details.js';
import { createCirros, vmsPath } from './vm-manifests.js';

// @embedded: the seed-independent cirros example with labels, booted by the simulated guests.
test.describe('clone', { tag: EMBEDDED }, () => {
  test('clone a VM and boot the clone', async ({ page, api, namespace }) => {
    test.setTimeout(240_000);
    await createCirros(api, namespace, 'golden', {
      labels: { tier: 'gold', team: 'qa' },
      templateLabels: { app: 'web', owner: 'alice' },
    });
    const details = new VmDetailsPage(page, namespace, 'golden');
    await details.goto();
    await details.runAction('Clone');
    const clone = new CloneDialog(page);
    await clone.clone('golden-copy', { labelFilters: '*\n!team', templateLabelFilters: '*\n!owner' });
    await clone.targetLink.click();

    const copy = new VmDetailsPage(page, namespace, 'golden-copy');
    await expect(copy.heading).toBeVisible();
    await expect(copy.overviewField('labels')).toContainText('tier=gold');
    await expect(copy.overviewField('labels')).not.toContainText('team=qa');
    const copied = (await api.get(`${vmsPath(namespace)}/golden-copy`)) as {
      spec: { template: { metadata?: { labels?: Record<string, string> } } };
    };
    expect(copied.spec.template.metadata?.labels).toMatchObject({ app: 'web' });
    expect(copied.spec.template.metadata?.labels).not.toHaveProperty('owner');
    await copy.runAction('Start');
    await expect(copy.status).toHaveText('Running', { timeout: 120_000 });
  });
});
