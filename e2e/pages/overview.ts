import { expect, type Locator, type Page } from '@playwright/test';

/** The overview page: totals, VMs by status, nodes and their VMs, recent warnings. */
export class OverviewPage {
  readonly heading: Locator;
  readonly byStatus: Locator;
  readonly nodesTable: Locator;
  readonly warnings: Locator;
  /** The gallery of running VMs' screens. */
  readonly screens: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name: 'Overview', exact: true });
    this.byStatus = main.getByRole('list', { name: 'Virtual machines by status' });
    this.nodesTable = main.getByRole('grid', { name: 'Nodes' });
    this.warnings = main.getByRole('list', { name: 'Recent warning events' });
    this.screens = main.getByRole('list', { name: 'Screens of running VMs' });
  }

  async goto(namespace?: string): Promise<void> {
    await this.page.goto(namespace ? `/k8s/ns/${namespace}/overview` : '/k8s/all-namespaces/overview');
    await expect(this.heading).toBeVisible();
  }

  /** The number of VMs with a status (the card is absent when there are none). */
  statusCount(status: string): Locator {
    return this.page.locator(`[id="overview-status-${status}-count"]`);
  }

  /** Follows a status card to the filtered VM list. */
  async openStatus(status: string): Promise<void> {
    await this.page.locator(`[id="overview-status-${status}"]`).getByRole('link', { name: status }).click();
  }

  total(card: 'vms' | 'vmis' | 'nodes'): Locator {
    return this.page.locator(`[id="overview-${card}-count"]`);
  }

  /** A warning about an object (its name appears in the item). */
  warning(text: string): Locator {
    return this.warnings.getByRole('listitem').filter({ hasText: text }).first();
  }

  /** The screen thumbnail of a running VM in the gallery. */
  screen(name: string): Locator {
    return this.screens.getByRole('img', { name: `Screen of ${name}`, exact: true });
  }

  /** The VMs cell of a node's row. */
  nodeVms(node: string): Locator {
    return this.page.locator(`[id="node-${node}-vms"]`);
  }
}
