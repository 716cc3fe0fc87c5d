import { ConsoleTabSlot } from '../../../components/console-slots';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import type { VMI } from '../../../kubevirt/vmi-selectors';
import { VmiEventsTab } from './events-tab';
import { VmiOverviewTab } from './overview-tab';
import type { VmiDetailsTab } from './tabs';
import { VmiYamlTab } from './yaml-tab';

/** The active tab's content (only that one is mounted, so only its watches run). */
export function VmiTabContent({ tab, vmi }: { tab: VmiDetailsTab; vmi: VMI }) {
  switch (tab) {
    case 'overview':
      return <VmiOverviewTab vmi={vmi} />;
    case 'yaml':
      return <VmiYamlTab vmi={vmi} />;
    case 'events':
      return <VmiEventsTab vmi={vmi} />;
    case 'console':
      // The consoles feature's VNC and serial consoles, through the app's slot.
      return <ConsoleTabSlot namespace={namespaceOf(vmi)} name={nameOf(vmi)} owner="virtualmachineinstances" />;
  }
}
