import { tabFromRest } from '../../../lib/details-tabs';
import { namespacedPath } from '../../../lib/routes';

export const VMI_DETAILS_TABS = [
  { id: 'overview', title: 'Overview' },
  { id: 'yaml', title: 'YAML' },
  { id: 'events', title: 'Events' },
  { id: 'console', title: 'Console' },
] as const;

export type VmiDetailsTab = (typeof VMI_DETAILS_TABS)[number]['id'];

/** The tab a URL's rest (after the VMI's name) names; '' is the overview, anything unknown is null. */
export const vmiTabFromPath = (rest: string | undefined): VmiDetailsTab | null => tabFromRest(VMI_DETAILS_TABS, rest);

/** /k8s/ns/<ns>/virtualmachineinstances/<name>/<tab> */
export const vmiDetailsPath = (namespace: string, name: string, tab: VmiDetailsTab = 'overview'): string =>
  namespacedPath('virtualmachineinstances', namespace, name, tab);
