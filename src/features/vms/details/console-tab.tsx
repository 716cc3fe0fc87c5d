import { Card, CardBody, CardTitle } from '@patternfly/react-core';
import { ConsoleTabSlot, VmThumbnailSlot } from '../../../components/console-slots';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { type VM } from '../../../kubevirt/vm-selectors';

/** The VM's consoles (VNC and serial), provided by the consoles feature through the app's slots. */
export function ConsoleTab({ vm }: { vm: VM }) {
  return <ConsoleTabSlot namespace={namespaceOf(vm)} name={nameOf(vm)} owner="virtualmachines" />;
}

/** The Overview's small console area: the VM's screen while it runs, a link to the Console tab. */
export function ConsoleThumbnail({ vm }: { vm: VM }) {
  return (
    <Card isFullHeight id={`vm-${namespaceOf(vm)}-${nameOf(vm)}-console-thumbnail`}>
      <CardTitle component="h2">Console</CardTitle>
      <CardBody>
        <VmThumbnailSlot namespace={namespaceOf(vm)} name={nameOf(vm)} />
      </CardBody>
    </Card>
  );
}
