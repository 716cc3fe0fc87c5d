import { expect, type Locator, type Page } from '@playwright/test';
import { ActionsMenu, DeleteDialog } from './actions-menu.js';

export type VmiActionLabel = 'Pause' | 'Unpause' | 'Migrate' | 'Delete';

export const VMI_ACTION_LABELS: readonly VmiActionLabel[] = ['Pause', 'Unpause', 'Migrate', 'Delete'];

/** A VMI's actions kebab in the list. Disabled actions stay in the menu with their reason as the item's description. */
export class VmiActionsMenu extends ActionsMenu<VmiActionLabel> {
  constructor(page: Page, namespace: string, name: string) {
    super(page, namespace, name, 'vmi', 'Pause');
  }
}

/** The "Delete VirtualMachine instance?" dialog: type the name to confirm. */
export class DeleteVmiDialog extends DeleteDialog {
  readonly nameInput: Locator;

  constructor(page: Page) {
    super(page, 'Delete VirtualMachine instance?');
    this.nameInput = this.dialog.getByRole('textbox', { name: /^Type .* to confirm/ });
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
