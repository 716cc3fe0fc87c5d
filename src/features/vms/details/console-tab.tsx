import { Card, CardBody, CardTitle } from '@patternfly/react-core';
import { DesktopIcon } from '@patternfly/react-icons/dist/esm/icons/desktop-icon';
import { EmptyStateView } from '../../../components/empty-state';
import { nameOf, namespaceOf, type VM } from '../selectors';

/**
 * Mount point for the VM's consoles (VNC and serial). The consoles issue replaces this
 * placeholder with the real tab; it receives the VM like every other tab.
 */
export function ConsoleTab({ vm }: { vm: VM }) {
  return (
    <EmptyStateView title="Consoles are coming" icon={DesktopIcon}>
      The VNC and serial consoles of {nameOf(vm)} will open here.
    </EmptyStateView>
  );
}

/** The Overview's small console area; a placeholder until the consoles issue fills it. */
export function ConsoleThumbnail({ vm }: { vm: VM }) {
  return (
    <Card isFullHeight id={`vm-${namespaceOf(vm)}-${nameOf(vm)}-console-thumbnail`}>
      <CardTitle component="h2">Console</CardTitle>
      <CardBody>
        <div className="kv-console-thumbnail" role="img" aria-label="Console preview (not available yet)">
          <DesktopIcon aria-hidden />
          <span>Console preview comes with the consoles</span>
        </div>
      </CardBody>
    </Card>
  );
}
