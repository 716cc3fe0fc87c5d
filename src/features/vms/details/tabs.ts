import { tabFromRest } from '../../../lib/details-tabs';
import { namespacedPath } from '../../../lib/routes';

export const VM_DETAILS_TABS = [
  { id: 'overview', title: 'Overview' },
  { id: 'configuration', title: 'Configuration' },
  { id: 'yaml', title: 'YAML' },
  { id: 'events', title: 'Events' },
  { id: 'disks', title: 'Disks' },
  { id: 'network-interfaces', title: 'Network interfaces' },
  { id: 'services', title: 'Services' },
  { id: 'snapshots', title: 'Snapshots' },
  { id: 'console', title: 'Console' },
] as const;

export type VmDetailsTab = (typeof VM_DETAILS_TABS)[number]['id'];

/** The tab a URL's rest (after the VM's name) names; '' is the overview, anything unknown is null. */
export const tabFromPath = (rest: string | undefined): VmDetailsTab | null => tabFromRest(VM_DETAILS_TABS, rest);

/** /k8s/ns/<ns>/virtualmachines/<name>/<tab> */
export const vmDetailsPath = (namespace: string, name: string, tab: VmDetailsTab = 'overview'): string =>
  namespacedPath('virtualmachines', namespace, name, tab);
