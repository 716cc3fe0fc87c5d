import { expect, type Locator, type Page } from '@playwright/test';

export type VmiActionLabel = 'Pause' | 'Unpause' | 'Migrate' | 'Delete';

export const VMI_ACTION_LABELS: readonly VmiActionLabel[] = ['Pause', 'Unpause', 'Migrate', 'Delete'];

/** A VMI's actions kebab in the list. Disabled actions stay in the menu with their reason as the item's description. */
export class VmiActionsMenu {
  readonly toggle: Locator;

  constructor(
    readonly page: Page,
    readonly namespace: string,
    readonly name: string,
  ) {
    this.toggle = page.locator(`[id="vmi-${namespace}-${name}-actions-toggle"]`);
  }

  item(action: VmiActionLabel): Locator {
    return this.page.getByRole('menu').getByRole('menuitem', { name: new RegExp(`^${action}(\\s|$)`) });
  }

  async open(): Promise<void> {
    if ((await this.toggle.getAttribute('aria-expanded')) !== 'true') await this.toggle.click();
    await expect(this.item('Pause')).toBeVisible();
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.item('Pause')).toBeHidden();
  }

  /** Opens the kebab and runs an action (Delete then waits in its dialog). */
  async run(action: VmiActionLabel): Promise<void> {
    await this.open();
    await expect(this.item(action)).toBeEnabled();
    await this.item(action).click();
  }

  /** Waits until an action is disabled for this reason (the reason can change while permissions load). */
  async expectDisabledBecause(action: VmiActionLabel, reason: string): Promise<void> {
    await expect(this.item(action)).toBeDisabled();
    await expect
      .poll(async () => (await this.item(action).innerText()).replace(action, '').trim(), {
        message: `${action}: ${reason}`,
      })
      .toBe(reason);
  }
}

/** The "Delete VirtualMachine instance?" dialog: type the name to confirm. */
export class DeleteVmiDialog {
  readonly dialog: Locator;
  readonly nameInput: Locator;
  readonly deleteButton: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Delete VirtualMachine instance?' });
    this.nameInput = this.dialog.getByRole('textbox', { name: /^Type .* to confirm/ });
    this.deleteButton = this.dialog.getByRole('button', { name: 'Delete', exact: true });
  }

  async cancel(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** Types the name and deletes (the button stays disabled until the name is right); waits for the dialog to close. */
  async confirm(name: string): Promise<void> {
    await expect(this.dialog).toBeVisible();
    await this.nameInput.fill(`${name}x`);
    await expect(this.deleteButton).toBeDisabled();
    await this.nameInput.fill(name);
    await this.deleteButton.click();
    await expect(this.dialog).toBeHidden();
  }
}
