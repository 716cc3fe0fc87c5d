import { expect, type Locator, type Page } from '@playwright/test';

/**
 * What the VM and VMI details pages share: the heading, the status, the tabs (each tab a URL),
 * the header's action toolbar, and elements found by id (`<idPrefix>-<namespace>-<name>-<suffix>`).
 */
export abstract class ResourceDetailsPage<Tab extends string, Label extends string> {
  readonly heading: Locator;
  readonly status: Locator;
  readonly tabs: Locator;
  readonly toolbar: Locator;

  constructor(
    readonly page: Page,
    readonly namespace: string,
    readonly name: string,
    private readonly idPrefix: string,
  ) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name, exact: true });
    this.status = this.byId('status');
    this.tabs = main.getByRole('tablist');
    this.toolbar = main.getByRole('toolbar', { name: `Actions for ${name}` });
  }

  /** The URL path of a tab. */
  abstract path(tab?: Tab): string;

  /** Opens the page on a tab and waits for the heading. */
  async goto(tab?: Tab): Promise<void> {
    await this.page.goto(this.path(tab));
    await expect(this.heading).toBeVisible();
  }

  tab(tab: Tab): Locator {
    return this.tabs.getByRole('tab', { name: tab, exact: true });
  }

  /** Clicks a tab and waits for it to be the selected one. */
  async openTab(tab: Tab): Promise<void> {
    await this.tab(tab).click();
    await expect(this.tab(tab)).toHaveAttribute('aria-selected', 'true');
  }

  actionButton(label: Label): Locator {
    return this.toolbar.getByRole('button', { name: label, exact: true });
  }

  /** Clicks an action of the header's toolbar (Delete then waits in its dialog). */
  async runAction(label: Label): Promise<void> {
    await expect(this.actionButton(label)).toBeEnabled();
    await this.actionButton(label).click();
  }

  /** An element of this resource's page by its id suffix ("status", "labels", "yaml-editor"...). */
  protected byId(suffix: string): Locator {
    return this.page.locator(`[id="${this.idPrefix}-${this.namespace}-${this.name}-${suffix}"]`);
  }
}
