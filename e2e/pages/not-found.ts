import { expect, type Locator, type Page } from '@playwright/test';

/** The page the console shows for a path it does not know. */
export class NotFoundPage {
  readonly heading: Locator;
  readonly homeLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { name: 'Page not found' });
    this.homeLink = page.getByRole('main').getByRole('link', { name: 'Go to the console home' });
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(path);
    await expect(this.heading).toBeVisible();
  }

  /** "Go to the console home": the VM list. */
  async goHome(): Promise<void> {
    await this.homeLink.click();
    await expect(this.page).toHaveURL(/\/virtualmachines$/);
  }
}
