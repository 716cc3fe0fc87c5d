import { expect, type Locator, type Page } from '@playwright/test';

/** The command palette (Ctrl+K): a dialog holding a combobox and its listbox. */
export class CommandPalette {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly listbox: Locator;
  /** The live region that announces how many results or actions are listed. */
  readonly count: Locator;
  readonly masthead: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.locator('#command-palette');
    this.input = page.getByRole('combobox');
    this.listbox = page.getByRole('listbox');
    this.count = this.dialog.getByRole('status');
    this.masthead = page.getByRole('button', { name: /command palette/ });
  }

  /** An option by its start: its kind or "Action", then its name ("VM web", "Action Start"). */
  option(start: string): Locator {
    return this.listbox.getByRole('option', {
      name: new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`),
    });
  }

  /** Waits for the shortcuts to listen: the masthead is drawn, its button announcing Ctrl+K. */
  async waitForShortcuts(): Promise<void> {
    await expect(this.masthead).toHaveAttribute('aria-keyshortcuts', /Control\+K/);
  }

  /** Opens the palette with the keyboard and waits for its combobox to have the focus. */
  async openWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.input).toBeFocused();
  }

  /** The option aria-activedescendant points at (what Enter picks). */
  async expectActive(option: Locator): Promise<void> {
    const id = await option.getAttribute('id');
    await expect(this.input).toHaveAttribute('aria-activedescendant', id ?? '');
  }
}
