// Issue 17 items 9, 15 and 17: the details header has one layout whatever the VM's name and
// status; the command-line copy buttons are named as words are written ("Copy VNC command"); the
// operating system has one form for every VM (the guest agent's name, else a display name).
import { expect, test } from './fixtures/index.js';
import { LAYOUT_SIZES, expectInsideViewport } from './layout.js';
import { VmDetailsPage } from './pages/vm-details.js';
import { createCirros } from './vm-manifests.js';

const LONG = 'fedora-server-with-a-long-name-for-the-web-tier-01';

test('the details header keeps its actions in one place for short and long names', async ({ page, api, namespace }) => {
  await createCirros(api, namespace, 'db');
  await createCirros(api, namespace, LONG, { runStrategy: 'Always' });
  const short = new VmDetailsPage(page, namespace, 'db');
  const long = new VmDetailsPage(page, namespace, LONG);
  /** Where the actions toolbar sits, relative to the heading's section (the page's top). */
  const toolbarOffset = async (details: VmDetailsPage) => {
    const toolbar = page.getByRole('toolbar', { name: `Actions for ${details.name}` });
    await expect(toolbar.getByRole('button', { name: 'Delete' })).toBeVisible();
    const section = page.getByRole('region', { name: `VirtualMachine ${details.name} heading` });
    const [t, s] = await Promise.all([toolbar.boundingBox(), section.boundingBox()]);
    return { x: (t?.x ?? 0) - (s?.x ?? 0), y: (t?.y ?? 0) - (s?.y ?? 0) };
  };
  for (const size of LAYOUT_SIZES) {
    await page.setViewportSize(size);
    await short.goto();
    await expect(short.status).toHaveText('Stopped');
    const shortOffset = await toolbarOffset(short);
    await expectInsideViewport(
      page.getByRole('toolbar', { name: 'Actions for db' }),
      `the actions of db at ${size.width}px`,
    );
    await long.goto();
    await expect(long.status).toHaveText('Running');
    // A long name takes the same single line of heading here; what matters is that the actions do not move.
    expect(await toolbarOffset(long), `the actions do not jump at ${size.width}px`).toEqual(shortOffset);
    await expectInsideViewport(
      page.getByRole('toolbar', { name: `Actions for ${LONG}` }),
      `the actions of the long name at ${size.width}px`,
    );
  }
});

test('copy buttons and the operating system read as written', async ({ page, api, namespace }) => {
  await createCirros(api, namespace, 'cirros-os', { labels: { 'vm.kubevirt.io/os': 'cirros' } });
  const details = new VmDetailsPage(page, namespace, 'cirros-os');
  await details.goto();
  const card = page
    .getByRole('region', { name: 'Command-line tools' })
    .or(page.locator(`[id="vm-cli-${namespace}-cirros-os"]`));
  await expect(card.getByRole('button', { name: 'Copy VNC command', exact: true })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Copy SSH command', exact: true })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Copy serial console command', exact: true })).toBeVisible();
  // CirrOS has no guest agent: the label's id, as the OS's display name.
  await expect(page.locator(`[id="vm-${namespace}-cirros-os-os"]`)).toHaveText('CirrOS');
});
