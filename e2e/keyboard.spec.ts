import { EMBEDDED, expect, expectNoSeriousA11yViolations, test } from './fixtures/index.js';
import { CommandPalette } from './pages/command-palette.js';
import { ConsolePage } from './pages/console.js';
import { ShellPage } from './pages/shell.js';
import { VmListPage } from './pages/vm-list.js';
import { createCirros, waitForVmStatus } from './vm-manifests.js';

// Keyboard-first (issue 25): the command palette and the shortcuts, driven with the keyboard only;
// keys typed into the serial console go to the guest, not to the shortcuts. Screenshots of the
// palette and the shortcuts' help at 1280x800 in both themes, each checked with axe first.
// @embedded: the serial console's simulated guest echoes what is typed at its login prompt.
test('command palette and keyboard shortcuts', { tag: EMBEDDED }, async ({ page, api, namespace }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await createCirros(api, namespace, 'kb-alpha', { runStrategy: 'Halted' });
  await createCirros(api, namespace, 'kb-beta', { runStrategy: 'Always' });
  await waitForVmStatus(api, namespace, 'kb-beta', 'Running');

  const list = new VmListPage(page);
  const palette = new CommandPalette(page);
  const keys = page.keyboard;
  await list.goto(namespace);
  await expect(list.status(namespace, 'kb-alpha')).toHaveText('Stopped');
  await palette.waitForShortcuts();

  await test.step('/ focuses the filter; Ctrl+K opens the palette from it, Escape gives the focus back', async () => {
    const filter = page.getByRole('textbox', { name: 'Filter by name or label' });
    await keys.press('/');
    await expect(filter).toBeFocused();
    await palette.openWithKeyboard();
    await expect(palette.dialog).toBeVisible();
    await keys.press('Escape');
    await expect(palette.dialog).toBeHidden();
    await expect(filter).toBeFocused();
  });

  await test.step("Ctrl+K, part of a name, Enter: the VM's actions, with the menus' reasons; Start starts it", async () => {
    await palette.openWithKeyboard();
    await keys.type('kb-alp');
    const vm = palette.option('VM kb-alpha');
    await expect(vm).toBeVisible();
    await expect(vm).toContainText(`Namespace ${namespace}`);
    await palette.expectActive(vm);
    await expect(palette.count).toHaveText(/^\d+ results?$/);
    await keys.press('Enter');
    await expect(palette.option('Action Stop')).toContainText('The virtual machine is not running');
    await expect(palette.option('Action Stop')).toHaveAttribute('aria-disabled', 'true');
    await keys.type('start');
    await palette.expectActive(palette.option('Action Start'));
    await keys.press('Enter');
    await expect(palette.dialog).toBeHidden();
    await expect(list.status(namespace, 'kb-alpha')).toHaveText(/Starting|Scheduling|Scheduled|Running/);
    await waitForVmStatus(api, namespace, 'kb-alpha', 'Running');
  });

  await test.step('recent items come first', async () => {
    await palette.openWithKeyboard();
    await expect(palette.listbox.getByRole('option').first()).toContainText('kb-alpha');
    await expect(palette.listbox.getByRole('option').first()).toContainText('Recent');
    await keys.press('Escape');
  });

  await test.step('? lists the shortcuts (typed in the filter, it is text); g o, g v go to Overview and back', async () => {
    // The palette gave the focus back to the filter: there ? is text.
    const filter = page.getByRole('textbox', { name: 'Filter by name or label' });
    await expect(filter).toBeFocused();
    await keys.press('?');
    await expect(filter).toHaveValue('?');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await keys.press('Backspace');
    await keys.press('Tab');
    await expect(filter).not.toBeFocused();
    await keys.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help.getByRole('row', { name: /g then v Go to Virtual machines/ })).toBeVisible();
    await keys.press('Escape');
    await expect(help).toBeHidden();
    await keys.press('g');
    await keys.press('o');
    await expect(page).toHaveURL(new RegExp(`/k8s/ns/${namespace}/overview$`));
    await keys.press('g');
    await keys.press('v');
    await expect(page).toHaveURL(new RegExp(`/k8s/ns/${namespace}/virtualmachines$`));
  });

  await test.step('j and k move through the rows, Enter opens one', async () => {
    const alpha = page.getByRole('link', { name: 'kb-alpha', exact: true });
    const beta = page.getByRole('link', { name: 'kb-beta', exact: true });
    await expect(beta).toBeVisible();
    await keys.press('j');
    await expect(alpha).toBeFocused();
    await keys.press('j');
    await expect(beta).toBeFocused();
    await keys.press('k');
    await expect(alpha).toBeFocused();
    await keys.press('j');
    await keys.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/k8s/ns/${namespace}/virtualmachines/kb-beta`));
  });

  await test.step('keys typed into the serial console reach the guest and trigger no shortcut', async () => {
    const console = new ConsolePage(page);
    await console.openTab(namespace, 'kb-beta', 'serial');
    await console.expectConnected('serial');
    // The shortcuts listen: what follows would trigger them outside the console.
    await palette.waitForShortcuts();
    await console.typeInTerminal('\n');
    await console.expectTerminalText(/kb-beta login:/);
    const url = page.url();
    await keys.press('Control+k');
    await console.typeInTerminal('jk/?gv');
    await console.expectTerminalText(/login: jk\/\?gv/);
    expect(page.url()).toBe(url);
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  const shell = new ShellPage(page);
  for (const theme of ['light', 'dark'] as const) {
    await test.step(`palette and shortcuts in the ${theme} theme: axe, screenshots`, async () => {
      await list.goto(namespace);
      await shell.setDarkTheme(theme === 'dark');
      await palette.waitForShortcuts();
      await palette.masthead.focus();
      await keys.press('Enter');
      await expect(palette.input).toBeFocused();
      await keys.type('kb');
      await expect(palette.option('VM kb-beta')).toBeVisible();
      await expectNoSeriousA11yViolations(page, { label: `command palette, ${theme}` });
      await page.screenshot({ path: `e2e/screenshots/palette-${theme}.png`, animations: 'disabled' });
      // The recent VM (started above) comes first: its Start is disabled, with the menus' reason.
      await keys.press('Enter');
      await expect(palette.dialog).toContainText('What to do with virtual machine kb-alpha');
      await expect(palette.option('Action Start')).toContainText('The virtual machine is already running');
      await expectNoSeriousA11yViolations(page, { label: `command palette, a VM's actions, ${theme}` });
      await page.screenshot({ path: `e2e/screenshots/palette-actions-${theme}.png`, animations: 'disabled' });
      await keys.press('Escape');
      await expect(palette.masthead).toBeFocused();
      await keys.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectNoSeriousA11yViolations(page, { label: `keyboard shortcuts, ${theme}` });
      await page.screenshot({ path: `e2e/screenshots/shortcuts-${theme}.png`, animations: 'disabled' });
      await keys.press('Escape');
    });
  }
});

// The shortcuts' code loads with the first shortcut (out of the first page's JavaScript): the keys
// pressed while it loads are recognised at once and run, in order, when it is there.
test('shortcuts pressed while the keyboard layer loads are not lost', async ({ page, namespace }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let requested = false;
  await page.route(/\/assets\/keyboard-layer-[^/]+\.js$/, async (route) => {
    requested = true;
    await held;
    await route.continue();
  });
  const list = new VmListPage(page);
  const palette = new CommandPalette(page);
  await list.goto(namespace);
  await palette.waitForShortcuts();
  expect(requested, 'the layer is not loaded before a shortcut').toBe(false);

  await page.keyboard.press('g');
  await page.keyboard.press('o');
  await page.keyboard.press('?');
  await expect.poll(() => requested).toBe(true);
  // Held: nothing has run yet.
  await expect(page).toHaveURL(new RegExp(`/k8s/ns/${namespace}/virtualmachines$`));
  await expect(page.getByRole('dialog')).toHaveCount(0);

  release();
  await expect(page).toHaveURL(new RegExp(`/k8s/ns/${namespace}/overview$`));
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  // Loaded: the next ones run at once.
  await page.keyboard.press('g');
  await page.keyboard.press('v');
  await expect(page).toHaveURL(new RegExp(`/k8s/ns/${namespace}/virtualmachines$`));
});
