import { expect, type Locator, type Page } from '@playwright/test';

export type VmActionLabel = 'Start' | 'Stop' | 'Restart' | 'Pause' | 'Unpause' | 'Migrate' | 'Delete';

export const VM_ACTION_LABELS: readonly VmActionLabel[] = [
  'Start',
  'Stop',
  'Restart',
  'Pause',
  'Unpause',
  'Migrate',
  'Delete',
];

/**
 * A VM's actions kebab (list rows; the same component serves other pages) and the dialogs it
 * opens. Disabled actions stay in the menu with their reason as the item's description.
 */
export class VmActionsMenu {
  readonly toggle: Locator;

  constructor(
    readonly page: Page,
    readonly namespace: string,
    readonly name: string,
  ) {
    this.toggle = page.locator(`[id="vm-${namespace}-${name}-actions-toggle"]`);
  }

  /** The open menu's item for an action. */
  item(action: VmActionLabel): Locator {
    return this.page.getByRole('menu').getByRole('menuitem', { name: new RegExp(`^${action}(\\s|$)`) });
  }

  async open(): Promise<void> {
    if ((await this.toggle.getAttribute('aria-expanded')) !== 'true') await this.toggle.click();
    await expect(this.item('Start')).toBeVisible();
  }

  /**
   * How far the open menu is from its toggle, in pixels: the gap between the toggle's bottom and
   * the menu's top (or the menu's bottom and the toggle's top when it opens upwards), and between
   * their right edges.
   */
  async menuOffset(): Promise<{ vertical: number; horizontal: number }> {
    const [toggle, menu] = await Promise.all([this.toggle.boundingBox(), this.page.getByRole('menu').boundingBox()]);
    if (!toggle || !menu) return { vertical: Infinity, horizontal: Infinity };
    const below = Math.abs(menu.y - (toggle.y + toggle.height));
    const above = Math.abs(toggle.y - (menu.y + menu.height));
    return { vertical: Math.min(below, above), horizontal: Math.abs(menu.x + menu.width - (toggle.x + toggle.width)) };
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.item('Start')).toBeHidden();
  }

  /** Opens the kebab and clicks an action (Delete then waits in its dialog). */
  async run(action: VmActionLabel): Promise<void> {
    await this.open();
    await expect(this.item(action)).toBeEnabled();
    await this.item(action).click();
  }

  /** "Expose" (a Service for a port of the VM): opens the Expose page. */
  async expose(): Promise<void> {
    await this.open();
    await this.page
      .getByRole('menu')
      .getByRole('menuitem', { name: /^Expose(\s|$)/ })
      .click();
  }

  /** Why an action is disabled, as the menu shows it now (open the menu first). */
  async disabledReason(action: VmActionLabel): Promise<string> {
    await expect(this.item(action)).toBeDisabled();
    return (await this.item(action).innerText()).replace(action, '').trim();
  }

  /**
   * Waits until an action is disabled for this reason (the reason can change while the user's
   * permissions are being checked).
   */
  async expectDisabledBecause(action: VmActionLabel, reason: string): Promise<void> {
    await expect
      .poll(() => this.disabledReason(action), { message: `${action} is disabled because: ${reason}` })
      .toBe(reason);
  }
}

/** The "Delete virtual machine?" dialog: type the name to confirm. */
export class DeleteVmDialog {
  readonly dialog: Locator;
  readonly nameInput: Locator;
  readonly deleteDataVolumes: Locator;
  readonly gracePeriod: Locator;
  readonly deleteButton: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Delete virtual machine?' });
    this.nameInput = this.dialog.getByRole('textbox', { name: /^Type .* to confirm/ });
    this.deleteDataVolumes = this.dialog.getByRole('checkbox', { name: 'Delete owned DataVolumes' });
    this.gracePeriod = this.dialog.getByRole('spinbutton', { name: 'Grace period (seconds)' });
    this.deleteButton = this.dialog.getByRole('button', { name: 'Delete', exact: true });
    this.error = this.dialog.getByText('The virtual machine was not deleted');
  }

  async cancel(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** Types the name, sets the options and deletes; waits for the dialog to close. */
  async confirm(name: string, o: { deleteDataVolumes?: boolean; gracePeriodSeconds?: number } = {}): Promise<void> {
    await expect(this.dialog).toBeVisible();
    await expect(this.deleteButton).toBeDisabled();
    await this.nameInput.fill(name);
    if (o.deleteDataVolumes !== undefined) await this.deleteDataVolumes.setChecked(o.deleteDataVolumes);
    if (o.gracePeriodSeconds !== undefined) await this.gracePeriod.fill(String(o.gracePeriodSeconds));
    await this.deleteButton.click();
    await expect(this.dialog).toBeHidden();
  }
}

/** The bulk delete dialog of the list: type the number of VMs. */
export class BulkDeleteDialog {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /Delete \d+ virtual machines\?/ });
  }

  async cancel(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }

  get deleteButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Delete', exact: true });
  }

  get gracePeriod(): Locator {
    return this.dialog.getByRole('spinbutton', { name: 'Grace period (seconds)' });
  }

  /** Types the count, sets the options and deletes; waits for the dialog to close. */
  async confirm(count: number, o: { deleteDataVolumes?: boolean; gracePeriodSeconds?: number } = {}): Promise<void> {
    await this.dialog.getByRole('textbox', { name: new RegExp(`^Type ${count} to confirm`) }).fill(String(count));
    if (o.deleteDataVolumes !== undefined)
      await this.dialog.getByRole('checkbox', { name: 'Delete owned DataVolumes' }).setChecked(o.deleteDataVolumes);
    if (o.gracePeriodSeconds !== undefined) await this.gracePeriod.fill(String(o.gracePeriodSeconds));
    await this.deleteButton.click();
    await expect(this.dialog).toBeHidden();
  }
}

/** Failure toasts of VM actions, with the server's message. */
export const actionFailureToasts = (page: Page): Locator =>
  page.getByRole('list', { name: 'Virtual machine action failures' }).getByRole('listitem');
