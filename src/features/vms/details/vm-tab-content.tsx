import type { VM } from '../../../kubevirt/vm-selectors';
import { ConfigurationTab } from './config/configuration-tab';
import { ConsoleTab } from './console-tab';
import { DisksTab } from './disks-tab';
import { EventsTab } from './events-tab';
import { NetworkTab } from './network-tab';
import { OverviewTab } from './overview-tab';
import { ServicesTab } from './services-tab';
import { SnapshotsTab } from '../snapshots/snapshots-tab';
import type { VmDetailsTab } from './tabs';
import { YamlTab } from './yaml-tab';

/** The active tab's content (only that one is mounted, so only its watches run). */
export function VmTabContent({ tab, vm }: { tab: VmDetailsTab; vm: VM }) {
  switch (tab) {
    case 'overview':
      return <OverviewTab vm={vm} />;
    case 'configuration':
      return <ConfigurationTab vm={vm} />;
    case 'yaml':
      return <YamlTab vm={vm} />;
    case 'events':
      return <EventsTab vm={vm} />;
    case 'disks':
      return <DisksTab vm={vm} />;
    case 'network-interfaces':
      return <NetworkTab vm={vm} />;
    case 'services':
      return <ServicesTab vm={vm} />;
    case 'snapshots':
      return <SnapshotsTab vm={vm} />;
    case 'console':
      return <ConsoleTab vm={vm} />;
  }
}
