import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The Services page: Services that select VMs, one row each (`service-<ns>-<name>`, cells
 * `service-<ns>-<name>-<column>`), expanding into access hints with copy buttons.
 */
export class ServicesPage {
  readonly heading: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Services', exact: true });
    this.table = page.getByRole('grid', { name: 'Services' }).or(page.getByRole('table', { name: 'Services' }));
  }

  async goto(namespace?: string): Promise<void> {
    await this.page.goto(namespace ? `/k8s/ns/${namespace}/services` : '/k8s/all-namespaces/services');
    await expect(this.heading).toBeVisible();
  }

  row(namespace: string, name: string): Locator {
    return this.page.locator(`[id="service-${namespace}-${name}"]`);
  }

  /** Columns: namespace, type, cluster-ip, ports, node-ports, external-ip, vms, endpoints, routes. */
  cell(namespace: string, name: string, column: string): Locator {
    return this.page.locator(`[id="service-${namespace}-${name}-${column}"]`);
  }

  /** Opens the row's access hints. */
  async showAccess(namespace: string, name: string): Promise<Locator> {
    const toggle = this.row(namespace, name).getByRole('button', { name: `Access to ${name}` });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const access = this.page.locator(`[id="service-${namespace}-${name}-access"]`);
    await expect(access.getByRole('term').first()).toBeVisible();
    return access;
  }

  /** The text of one access hint, by its label ("SSH through a node port", "In-cluster DNS name", "Route URL"). */
  hint(access: Locator, label: string): Locator {
    return access.getByRole('textbox', { name: label, exact: true });
  }

  async copyHint(access: Locator, label: string): Promise<void> {
    await access.getByRole('button', { name: `Copy ${label}`, exact: true }).click();
  }

  /** Deletes a Service from its row's kebab, confirming in the dialog. */
  async deleteService(namespace: string, name: string): Promise<void> {
    await this.row(namespace, name).getByRole('button', { name: `Actions for service ${name}` }).click();
    await this.page.getByRole('menuitem', { name: 'Delete service' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Delete service ${name}?` });
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}
