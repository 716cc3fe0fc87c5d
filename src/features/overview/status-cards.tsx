import { Card, CardBody, CardTitle, Gallery } from '@patternfly/react-core';
import { Link } from 'react-router';
import type { PrintableStatus } from '../../kubevirt/printable-status';
import { StatusIcon } from '../../components/vm-status/status-icon';
import { namespacedPath } from '../../lib/routes';

/** The VM list filtered by one status (the list reads `?status=`). */
export const vmListByStatus = (namespace: string | undefined, status: PrintableStatus): string =>
  `${namespacedPath('virtualmachines', namespace)}?status=${encodeURIComponent(status)}`;

/** One small card per status that occurs, each linking to the filtered VM list. */
export function StatusCards({
  counts,
  namespace,
}: {
  counts: Array<[PrintableStatus, number]>;
  namespace: string | undefined;
}) {
  return (
    <Gallery hasGutter minWidths={{ default: '180px' }} aria-label="Virtual machines by status" role="list">
      {counts.map(([status, n]) => (
        <Card
          key={status}
          id={`overview-status-${status}`}
          isCompact
          role="listitem"
          aria-labelledby={`overview-status-${status}-title`}
        >
          <CardTitle id={`overview-status-${status}-title`}>
            <StatusIcon status={status} /> <Link to={vmListByStatus(namespace, status)}>{status}</Link>
          </CardTitle>
          <CardBody>
            <span className="kv-overview-count" id={`overview-status-${status}-count`}>
              {n}
            </span>
          </CardBody>
        </Card>
      ))}
    </Gallery>
  );
}
