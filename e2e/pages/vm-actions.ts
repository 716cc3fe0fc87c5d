import { expect, type Locator, type Page } from '@playwright/test';
import { ActionsMenu, DeleteDialog } from './actions-menu.js';

export type VmActionLabel =
  'Start' | 'Stop' | 'Restart' | 'Pause' | 'Unpause' | 'Migrate' | 'Take snapshot' | 'Clone' | 'Delete';

export const VM_ACTION_LABELS: readonly VmActionLabel[] = [
  'Start',
  'Stop',
  'Restart',
  'Pause',
  'Unpause',
  'Migrate',
  'Take snapshot',
  'Clone',
  'Delete',
];

/**
 * A VM's actions kebab (list rows; the same component serves other pages) and the dialogs it
 * opens. Disabled actions stay in the menu with their reason as the item's description.
 */
export class VmActionsMenu extends ActionsMenu<VmActionLabel> {
  constructor(page: Page, namespace: string, name: string) {
    super(page, namespace, name, 'vm', 'Start');
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

  /** "Expose" (a Service for a port of the VM): opens the Expose page. */
  async expose(): Promise<void> {
    await this.open();
    await this.page
      .getByRole('menu')
      .getByRole('menuitem', { name: /^Expose(\s|$)/ })
      .click();
  }
}

/** The "Delete virtual machine?" dialog: type the name to confirm. */
export class DeleteVmDialog extends DeleteDialog {
  readonly nameInput: Locator;
  readonly deleteDataVolumes: Locator;
  readonly gracePeriod: Locator;
  readonly error: Locator;

  constructor(page: Page) {
    super(page, 'Delete virtual machine?');
    this.nameInput = this.dialog.getByRole('textbox', { name: /^Type .* to confirm/ });
    this.deleteDataVolumes = this.dialog.getByRole('checkbox', { name: 'Delete owned DataVolumes' });
    this.gracePeriod = this.dialog.getByRole('spinbutton', { name: 'Grace period (seconds)' });
    this.error = this.dialog.getByText('The virtual machine was not deleted');
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
export class BulkDeleteDialog extends DeleteDialog {
  constructor(page: Page) {
    super(page, /Delete \d+ virtual machines\?/);
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
