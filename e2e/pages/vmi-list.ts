import type { Locator, Page } from '@playwright/test';
import { ResourceListPage } from './resource-list.js';
import { DeleteVmiDialog, VmiActionsMenu } from './vmi-actions.js';

export type VmiColumn = 'Name' | 'Namespace' | 'Phase' | 'Node' | 'IP address' | 'Owner' | 'Created';
type CellId = 'name' | 'namespace' | 'phase' | 'node' | 'ip' | 'owner' | 'created';

/** The VirtualMachine instances list. */
export class VmiListPage extends ResourceListPage<VmiColumn, CellId> {
  readonly phaseFilter: Locator;

  constructor(page: Page) {
    super(page, {
      title: 'VirtualMachine instances',
      plural: 'virtualmachineinstances',
      rowIdPrefix: 'vmi',
      noMatch: 'No VirtualMachine instances match the filters',
    });
    this.phaseFilter = page.locator('#vmi-phase-filter');
  }

  /** The name cell's link to the VMI's details page. */
  nameLink(namespace: string, name: string): Locator {
    return this.cell(namespace, name, 'name').getByRole('link', { name, exact: true });
  }

  /** The owner cell's link to the VirtualMachine. */
  ownerLink(namespace: string, name: string): Locator {
    return this.cell(namespace, name, 'owner').getByRole('link');
  }

  /** Ticks or unticks a phase in the phase filter. */
  async togglePhase(phase: string): Promise<void> {
    await this.toggleFilterItem(this.phaseFilter, phase);
  }

  actions(namespace: string, name: string): VmiActionsMenu {
    return new VmiActionsMenu(this.page, namespace, name);
  }

  deleteDialog(): DeleteVmiDialog {
    return new DeleteVmiDialog(this.page);
  }
}
