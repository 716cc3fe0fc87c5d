import type { Locator, Page } from '@playwright/test';
import { ResourceDetailsPage } from './resource-details.js';
import { DeleteVmiDialog, type VmiActionLabel } from './vmi-actions.js';

export type VmiDetailsTabName = 'Overview' | 'YAML' | 'Events' | 'Console';

export const VMI_DETAILS_TABS: readonly VmiDetailsTabName[] = ['Overview', 'YAML', 'Events', 'Console'];

type Field =
  | 'name'
  | 'namespace'
  | 'overview-status'
  | 'created'
  | 'owner'
  | 'node'
  | 'ips'
  | 'guest-os'
  | 'cpu'
  | 'memory'
  | 'migration'
  | 'labels';

/** One VirtualMachineInstance's page (/k8s/ns/<ns>/virtualmachineinstances/<name>/<tab>). */
export class VmiDetailsPage extends ResourceDetailsPage<VmiDetailsTabName, VmiActionLabel> {
  readonly conditions: Locator;
  readonly eventsTable: Locator;
  readonly yamlEditor: Locator;

  constructor(page: Page, namespace: string, name: string) {
    super(page, namespace, name, 'vmi');
    this.conditions = page.getByRole('main').getByRole('grid', { name: `Conditions of ${name}` });
    this.eventsTable = this.byId('events');
    this.yamlEditor = this.byId('yaml-editor');
  }

  path(tab: VmiDetailsTabName = 'Overview'): string {
    const path = tab === 'Overview' ? '' : `/${tab.toLowerCase()}`;
    return `/k8s/ns/${this.namespace}/virtualmachineinstances/${this.name}${path}`;
  }

  field(name: Field): Locator {
    return this.byId(name);
  }

  deleteDialog(): DeleteVmiDialog {
    return new DeleteVmiDialog(this.page);
  }
}
