import { Link } from 'react-router';
import type { VmThumbnailProps } from '../../components/console-slots';
import { VirtualMachineInstanceModel } from '../../k8s/models';
import { useK8sGet } from '../../k8s/watch/use-k8s-get';
import { namespacedPath } from '../../lib/routes';
import { isVmiRunning } from './diagnose';
import { ScreenThumbnail } from './screen-thumbnail';

/** A VM's screen on its details overview; a link to its Console tab. */
export function VmThumbnail({ namespace, name }: VmThumbnailProps) {
  const { data: vmi } = useK8sGet(VirtualMachineInstanceModel, name, namespace);
  const running = isVmiRunning(vmi);
  return (
    // The link's name comes from its content (no aria-label), so it always contains what is seen.
    <Link
      className="kv-vm-thumbnail-link"
      to={`${namespacedPath('virtualmachines', namespace, name, 'console')}?type=vnc`}
    >
      <span className="pf-v6-screen-reader">Open the console of {name}</span>
      <ScreenThumbnail namespace={namespace} name={name} running={running} />
    </Link>
  );
}
