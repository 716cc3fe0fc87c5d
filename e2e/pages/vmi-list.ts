import { expect, type Locator, type Page } from '@playwright/test';

/** The VirtualMachine instances list. */
export class VmiListPage {
  readonly heading: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name: 'VirtualMachine instances', exact: true });
    this.table = main.getByRole('grid', { name: 'VirtualMachine instances' });
  }

  async goto(namespace?: string): Promise<void> {
    await this.page.goto(namespace ? `/k8s/ns/${namespace}/virtualmachineinstances` : '/k8s/all-namespaces/virtualmachineinstances');
    await expect(this.heading).toBeVisible();
  }

  row(namespace: string, name: string): Locator {
    return this.page.locator(`[id="vmi-${namespace}-${name}"]`);
  }

  cell(namespace: string, name: string, column: 'name' | 'namespace' | 'phase' | 'node' | 'ip' | 'owner' | 'created'): Locator {
    return this.page.locator(`[id="vmi-${namespace}-${name}-${column}"]`);
  }

  /** The owner cell's link to the VirtualMachine. */
  ownerLink(namespace: string, name: string): Locator {
    return this.cell(namespace, name, 'owner').getByRole('link');
  }
}
