import { expect, type Locator, type Page } from '@playwright/test';

/**
 * A VM's status popover (from its status in the list, the details header or the overview): what the
 * status means, the statuses the console saw the VM pass through, and its VMI's phases.
 */
export class VmStatusPopover {
  readonly dialog: Locator;
  /** "Status history of <name>": one item per status, oldest first. */
  readonly history: Locator;
  /** "Phases of VMI <name>" (only while the VM has a VMI). */
  readonly phases: Locator;

  constructor(
    readonly page: Page,
    readonly name: string,
  ) {
    // Named by its header (the status itself), it is told apart by the history it holds.
    this.history = page.getByRole('list', { name: `Status history of ${name}`, exact: true });
    this.dialog = page.getByRole('dialog').filter({ has: this.history });
    this.phases = this.dialog.getByRole('list', { name: `Phases of VMI ${name}`, exact: true });
  }

  /** Opens it with a click on its trigger (the status), and waits for it. */
  async open(trigger: Locator): Promise<void> {
    await trigger.click();
    await expect(this.dialog).toBeVisible();
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toBeHidden();
  }

  /** The statuses (or phases) of a history list, oldest first: each item starts with one, then its time. */
  static async statuses(list: Locator): Promise<string[]> {
    const items = await list.getByRole('listitem').allInnerTexts();
    return items.map((text) => text.trim().split(/\s/)[0]);
  }

  /** Waits until a history list holds exactly these statuses, in this order. */
  static async expectStatuses(list: Locator, statuses: readonly string[]): Promise<void> {
    await expect(list.getByRole('listitem')).toHaveText(statuses.map((s) => new RegExp(`^${s}\\s`)));
  }
}
