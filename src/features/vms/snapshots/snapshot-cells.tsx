import { Label, LabelGroup, List, ListItem } from '@patternfly/react-core';
import { CheckCircleIcon } from '@patternfly/react-icons/dist/esm/icons/check-circle-icon';
import { ExclamationCircleIcon } from '@patternfly/react-icons/dist/esm/icons/exclamation-circle-icon';
import { InProgressIcon } from '@patternfly/react-icons/dist/esm/icons/in-progress-icon';
import { CellTimestamp } from '../../../components/timestamp';
import { nameOf } from '../../../k8s/meta';
import { restoreMessage, restoreState, type VMRestore } from '../../../kubevirt/restore-clone-rules';
import {
  snapshotIndications,
  snapshotMessage,
  snapshotState,
  type SnapshotState,
  type VMSnapshot,
} from '../../../kubevirt/snapshot-rules';

const STATE_TEXT: Record<SnapshotState, string> = {
  ready: 'Ready',
  failed: 'Failed',
  deleting: 'Deleting',
  progressing: 'In progress',
  'not-ready': 'Not ready',
};

function StateIcon({ state }: { state: SnapshotState | 'complete' }) {
  if (state === 'ready' || state === 'complete')
    return <CheckCircleIcon color="var(--pf-t--global--icon--color--status--success--default)" />;
  if (state === 'failed' || state === 'not-ready')
    return <ExclamationCircleIcon color="var(--pf-t--global--icon--color--status--danger--default)" />;
  return <InProgressIcon />;
}

/** The snapshot's phase with an icon, and KubeVirt's message under it while it is not ready. */
export function SnapshotStatusCell({ snapshot, id }: { snapshot: VMSnapshot; id: string }) {
  const state = snapshotState(snapshot);
  const message = state === 'ready' ? undefined : snapshotMessage(snapshot);
  return (
    <div id={id}>
      <span className="kv-snapshot-status">
        <StateIcon state={state} /> {STATE_TEXT[state]}
        {snapshot.status?.phase && state !== 'ready' ? ` (${snapshot.status.phase})` : ''}
      </span>
      {message && <div className="pf-v6-u-font-size-sm pf-v6-u-text-color-subtle">{message}</div>}
    </div>
  );
}

export function IndicationsCell({ snapshot }: { snapshot: VMSnapshot }) {
  const indications = snapshotIndications(snapshot);
  if (!indications.length) return <>-</>;
  return (
    <LabelGroup aria-label={`Indications of ${nameOf(snapshot)}`} numLabels={4}>
      {indications.map((i) => (
        <Label key={i.indication} isCompact title={i.message}>
          {i.indication}
        </Label>
      ))}
    </LabelGroup>
  );
}

export function DisksCell({ snapshot }: { snapshot: VMSnapshot }) {
  const included = snapshot.status?.snapshotVolumes?.includedVolumes ?? [];
  const excluded = snapshot.status?.snapshotVolumes?.excludedVolumes ?? [];
  if (!included.length && !excluded.length) return <>-</>;
  return (
    <>
      {included.length > 0 && <div>{included.join(', ')}</div>}
      {excluded.length > 0 && <div className="pf-v6-u-text-color-subtle">Not included: {excluded.join(', ')}</div>}
    </>
  );
}

export function RestoresCell({ restores }: { restores: VMRestore[] | undefined }) {
  if (!restores?.length) return <>-</>;
  return (
    <List isPlain aria-label="Restores">
      {restores.map((r) => {
        const state = restoreState(r);
        const message = state === 'complete' ? undefined : restoreMessage(r);
        return (
          <ListItem key={nameOf(r)}>
            <StateIcon state={state === 'complete' ? 'complete' : state === 'failed' ? 'failed' : 'progressing'} />{' '}
            {r.spec?.target?.name}:{' '}
            {state === 'complete' ? (
              <>
                restored <CellTimestamp value={r.status?.restoreTime} />
              </>
            ) : state === 'failed' ? (
              `failed${message ? `: ${message}` : ''}`
            ) : (
              `in progress${message ? `: ${message}` : ''}`
            )}
          </ListItem>
        );
      })}
    </List>
  );
}
