import { Content } from '@patternfly/react-core';
import { useId } from 'react';
import { isPrintableStatus } from '../../../kubevirt/printable-status';
import { stayText, type StatusSighting } from '../../../kubevirt/status-history';
import { StatusIcon } from '../../../components/vm-status/status-icon';

/**
 * A short history under its title (which names the list): each status or phase the console saw,
 * oldest first, with the time it saw it and how long it lasted until the next one.
 */
export function StatusHistoryList({
  title,
  entries,
  icons = false,
}: {
  title: string;
  entries: readonly StatusSighting[];
  /** Draw each printableStatus with its icon (a VM's history; a VMI's phases have none). */
  icons?: boolean;
}) {
  const titleId = useId();
  return (
    <div className="kv-status-history">
      <Content component="h4" id={titleId} className="kv-status-history__title">
        {title}
      </Content>
      {entries.length ? (
        <ol className="kv-status-history__list" aria-labelledby={titleId}>
          {entries.map((e, i) => {
            const next = entries[i + 1];
            const when = new Date(e.at);
            return (
              <li key={`${e.at}-${e.status}`} className="kv-status-history__entry">
                <span className="kv-status-history__status">
                  {icons && isPrintableStatus(e.status) && <StatusIcon status={e.status} />}
                  {e.status}
                </span>{' '}
                <time className="kv-status-history__time" dateTime={when.toISOString()} title={when.toLocaleString()}>
                  {when.toLocaleTimeString()}
                </time>
                {next && <span className="kv-status-history__stay"> for {stayText(next.at - e.at)}</span>}
              </li>
            );
          })}
        </ol>
      ) : (
        <Content component="p" aria-labelledby={titleId}>
          Nothing seen yet.
        </Content>
      )}
    </div>
  );
}
