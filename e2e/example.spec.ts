/**
 * An example spec to copy when you write your own: it creates a VM from the form in a namespace
 * of its own, starts it, waits for Running, opens its console and deletes it.
 *
 *   npm run e2e -- e2e/example.spec.ts                    # against the embedded cluster
 *   E2E_TOKEN=<token> npm run e2e -- --base-url https://console.example.com e2e/example.spec.ts
 *
 * 1. Import `test` and `expect` from ./fixtures (never from @playwright/test): they add
 *    - `namespace`: a namespace made for this test alone (e2e-<title>-<random>), deleted with
 *      everything in it when the test ends, passed or failed. Put everything you create in it.
 *    - `api`: the Kubernetes API through the console's own proxy (CSRF handled), to set up and
 *      check what the UI did: api.get/create/mergePatch/delete(path).
 *    - the token: every request of `page` and `api` carries E2E_TOKEN against a deployed console,
 *      the admin's of e2e/users.yaml against the embedded cluster. To act as another user, set the
 *      page's header: test.use({ extraHTTPHeaders: { authorization: `Bearer ${token}` } }) (the
 *      `api` fixture stays the default user, so set-up and clean-up keep working).
 * 2. Drive the UI through the page objects of e2e/pages/ (one class per page or dialog, one
 *    method per user action, locators by role and accessible name). Missing an action? Add a
 *    method there rather than a raw locator here.
 * 3. Tags: `{ tag: SMOKE }` puts a test in `--grep @smoke`; `{ tag: EMBEDDED }` marks a test that
 *    needs a cluster this config starts (the simulated guest's shell, fault-injection conventions,
 *    the tokens of e2e/users.yaml, the seed data): the embedded cluster or the real kube-apiserver
 *    tier with the same simulation attached; it is skipped against a deployed console. What cannot
 *    run on the real stack calls `skipOnRealStack` with the reason (npm test runs that spec on the embedded
 *    cluster too).
 * 4. Accessibility: `expectNoSeriousA11yViolations(page)` runs axe-core on the page as it is
 *    and fails on serious or critical violations. Call it on every new page or dialog you reach.
 * 5. Clean-up: the namespace fixture deletes what is in the namespace. Anything outside it (a
 *    cluster-scoped object, a setting of the KubeVirt CR) is put back in a `finally`, see
 *    e2e/cluster-emulation.spec.ts. Never rely on another test or on the order of tests: they
 *    run in parallel (2 workers by default).
 * 6. Never assert on time: wait for what the user would see (expect(...).toHaveText, toBeVisible).
 */
import { expect, expectNoSeriousA11yViolations, SMOKE, test } from './fixtures/index.js';
import { ConsolePage } from './pages/console.js';
import { CreateVmPage } from './pages/create-vm.js';
import { VmDetailsPage } from './pages/vm-details.js';
import { VmListPage } from './pages/vm-list.js';

test.describe('example: a VM from creation to deletion', () => {
  test(
    'creates a VM, starts it, opens its console and deletes it',
    { tag: SMOKE },
    async ({ page, api, namespace }) => {
      const name = 'example-vm';

      // Create it from the form, stopped (the CirrOS preset boots a small public container disk).
      const form = new CreateVmPage(page);
      await form.goto(namespace);
      await form.fillName(name);
      await form.chooseOs('CirrOS');
      await form.setStartAfterCreate(false);
      await expectNoSeriousA11yViolations(page);
      await form.create();
      await form.expectDetails(namespace, name);

      // The details page shows it; the API agrees (use `api` to check what the UI did).
      const details = new VmDetailsPage(page, namespace, name);
      await expect(details.heading).toBeVisible();
      await expect(details.status).toHaveText('Stopped');
      const vm = await api.get(`/apis/kubevirt.io/v1/namespaces/${namespace}/virtualmachines/${name}`);
      expect((vm.spec as { runStrategy?: string }).runStrategy).toBe('Halted');

      // Start it from the UI and wait for Running (a generous timeout: a real cluster pulls the image).
      await details.runAction('Start');
      await expect(details.status).toHaveText('Running', { timeout: 120_000 });

      // Its console: the Console tab connects to the VNC console of the running VM.
      await details.openTab('Console');
      const console = new ConsolePage(page);
      await console.expectConnected('vnc');
      await expectNoSeriousA11yViolations(page);

      // Delete it: the dialog asks for the name; the page goes back to the list, now empty.
      await details.runAction('Delete');
      const dialog = details.deleteDialog();
      await expect(dialog.dialog).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await dialog.confirm(name, { gracePeriodSeconds: 0 });
      const list = new VmListPage(page);
      await expect(list.heading).toBeVisible();
      await expect(list.row(namespace, name)).toBeHidden();
      await expect(list.emptyState).toBeVisible();
      // Nothing else to clean up: the namespace fixture deletes the namespace after the test.
    },
  );
});
