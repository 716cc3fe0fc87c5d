import { expect, type Locator, type Page } from '@playwright/test';

/**
 * A resource's actions kebab (list rows; the same component serves other pages). Disabled actions
 * stay in the menu with their reason as the item's description. `probe`: an action every menu
 * shows, to know it is open.
 */
export class ActionsMenu<Label extends string> {
  readonly toggle: Locator;

  constructor(
    readonly page: Page,
    readonly namespace: string,
    readonly name: string,
    idPrefix: string,
    private readonly probe: Label,
  ) {
    this.toggle = page.locator(`[id="${idPrefix}-${namespace}-${name}-actions-toggle"]`);
  }

  /** The open menu's item for an action. */
  item(action: Label): Locator {
    return this.page.getByRole('menu').getByRole('menuitem', { name: new RegExp(`^${action}(\\s|$)`) });
  }

  async open(): Promise<void> {
    if ((await this.toggle.getAttribute('aria-expanded')) !== 'true') await this.toggle.click();
    await expect(this.item(this.probe)).toBeVisible();
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.item(this.probe)).toBeHidden();
  }

  /** Opens the kebab and clicks an action (Delete then waits in its dialog). */
  async run(action: Label): Promise<void> {
    await this.open();
    await expect(this.item(action)).toBeEnabled();
    await this.item(action).click();
  }

  /** Why an action is disabled, as the menu shows it now (open the menu first). */
  async disabledReason(action: Label): Promise<string> {
    await expect(this.item(action)).toBeDisabled();
    return (await this.item(action).innerText()).replace(action, '').trim();
  }

  /**
   * Waits until an action is disabled for this reason (the reason can change while the user's
   * permissions are being checked).
   */
  async expectDisabledBecause(action: Label, reason: string): Promise<void> {
    await expect
      .poll(() => this.disabledReason(action), { message: `${action} is disabled because: ${reason}` })
      .toBe(reason);
  }
}

/** A confirmation dialog with Cancel and Delete buttons. */
export class DeleteDialog {
  readonly dialog: Locator;
  readonly deleteButton: Locator;

  constructor(
    readonly page: Page,
    name: string | RegExp,
  ) {
    this.dialog = page.getByRole('dialog', { name });
    this.deleteButton = this.dialog.getByRole('button', { name: 'Delete', exact: true });
  }

  async cancel(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }
}
