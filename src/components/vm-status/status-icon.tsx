import { Icon } from '@patternfly/react-core';
import type { PrintableStatus } from '../../kubevirt/printable-status';
import { statusInfo } from './status-map';

/** The icon of a printableStatus, coloured by its severity; decorative (the label says it). */
export function StatusIcon({ status }: { status: PrintableStatus }) {
  const info = statusInfo(status);
  const IconComponent = info.icon;
  return (
    <Icon status={info.severity === 'none' ? undefined : info.severity} isInline>
      <IconComponent aria-hidden="true" />
    </Icon>
  );
}
