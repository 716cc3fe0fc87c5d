// The status popover's short history (issue 25, item 2): a state the list passes by too quickly to
// draw (Starting) is still there to read, oldest first, with the VMI's phases; histories follow the
// object (metadata.uid), so a VM made again with the same name starts with a fresh one.
import { expect, expectNoSeriousA11yViolations, KubeApiError, test } from './fixtures/index.js';
import { ShellPage } from './pages/shell.js';
import { VmStatusPopover } from './pages/status-popover.js';
import { VmDetailsPage } from './pages/vm-details.js';
import { VmListPage } from './pages/vm-list.js';
import { cirrosVm, createCirros, vmsPath, waitForVmStatus } from './vm-manifests.js';

test.use({ viewport: { width: 1280, height: 800 } });

test.describe('VM status history', () => {
  test('the status popover lists each status the VM passed through and its VMI phases, in order, on the list and the details page', async ({
    page,
    api,
    namespace,
  }) => {
    await createCirros(api, namespace, 'hist');
    await waitForVmStatus(api, namespace, 'hist', 'Stopped');
    const list = new VmListPage(page);
    await list.goto(namespace);
    await expect(list.status(namespace, 'hist')).toHaveText('Stopped');

    let popover = await list.statusPopover(namespace, 'hist');
    await VmStatusPopover.expectStatuses(popover.history, ['Stopped']);
    await expect(popover.phases).toHaveCount(0);
    await popover.close();

    await list.actions(namespace, 'hist').run('Start');
    await expect(list.status(namespace, 'hist')).toHaveText('Running');
    popover = await list.statusPopover(namespace, 'hist');
    await VmStatusPopover.expectStatuses(popover.history, ['Stopped', 'Starting', 'Running']);
    // KubeVirt's VMI phases from creation to a running guest (the controller sets each in turn).
    await VmStatusPopover.expectStatuses(popover.phases, ['Pending', 'Scheduling', 'Scheduled', 'Running']);
    // Each entry: the status, then when the console saw it (a <time> with the exact date and time).
    await expect(popover.history.getByRole('listitem').first().locator('time')).toHaveAttribute('datetime', /^\d{4}-/);
    await expectNoSeriousA11yViolations(page, { label: 'VM list with the status popover open' });

    const shell = new ShellPage(page);
    await shell.setDarkTheme(false);
    await page.screenshot({ path: 'e2e/screenshots/vm-status-history-light.png', animations: 'disabled' });
    // The theme switch is outside the popover: a click there closes it.
    await shell.setDarkTheme(true);
    await expect(popover.dialog).toBeHidden();
    await popover.open(list.status(namespace, 'hist').getByRole('button'));
    await expectNoSeriousA11yViolations(page, { label: 'VM list with the status popover open, dark theme' });
    await page.screenshot({ path: 'e2e/screenshots/vm-status-history-dark.png', animations: 'disabled' });
    await shell.setDarkTheme(false);
    await popover.close();

    // The history belongs to the session, not the page: the details page (reached in the app) has it too.
    await list.row(namespace, 'hist').getByRole('link', { name: 'hist', exact: true }).click();
    const details = new VmDetailsPage(page, namespace, 'hist');
    await expect(details.heading).toBeVisible();
    const onDetails = new VmStatusPopover(page, 'hist');
    await onDetails.open(details.status);
    await VmStatusPopover.expectStatuses(onDetails.history, ['Stopped', 'Starting', 'Running']);
    await VmStatusPopover.expectStatuses(onDetails.phases, ['Pending', 'Scheduling', 'Scheduled', 'Running']);
    await onDetails.close();

    await details.runAction('Stop');
    await expect(details.status).toHaveText('Stopped');
    await onDetails.open(details.status);
    await VmStatusPopover.expectStatuses(onDetails.history, ['Stopped', 'Starting', 'Running', 'Stopping', 'Stopped']);
    await expect(onDetails.phases).toHaveCount(0);
  });

  test('a VM deleted and made again with the same name starts with a fresh history', async ({
    page,
    api,
    namespace,
  }) => {
    await createCirros(api, namespace, 'again', { runStrategy: 'Always' });
    const list = new VmListPage(page);
    await list.goto(namespace);
    await expect(list.status(namespace, 'again')).toHaveText('Running');
    const popover = await list.statusPopover(namespace, 'again');
    expect(await VmStatusPopover.statuses(popover.history)).toContain('Running');
    await popover.close();

    // Deleted and made again at once: the old VM's VMI goes after it, its deletion reaching the page
    // after the new VM (which waits only for the old VM to be gone).
    await api.delete(`${vmsPath(namespace)}/again`);
    await expect
      .poll(
        async () => {
          try {
            await api.create(vmsPath(namespace), cirrosVm(namespace, 'again'));
            return 'created';
          } catch (err) {
            if (err instanceof KubeApiError && err.code === 409) return 'old VM still there';
            throw err;
          }
        },
        { timeout: 30_000 },
      )
      .toBe('created');
    await expect(list.status(namespace, 'again')).toHaveText('Stopped');
    // Let the old VMI's deletion arrive, whenever it does.
    await expect
      .poll(async () => (await api.get(`/apis/kubevirt.io/v1/namespaces/${namespace}/virtualmachineinstances`)).items)
      .toEqual([]);

    const fresh = await list.statusPopover(namespace, 'again');
    // A VM the console sees before KubeVirt's controller has given it a status shows Unknown first.
    await expect.poll(() => VmStatusPopover.statuses(fresh.history)).toEqual(expect.arrayContaining(['Stopped']));
    expect([['Stopped'], ['Unknown', 'Stopped']]).toContainEqual(await VmStatusPopover.statuses(fresh.history));
    await expect(fresh.phases).toHaveCount(0);
  });
});
