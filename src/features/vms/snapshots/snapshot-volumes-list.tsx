import { Alert, Content, List, ListItem } from '@patternfly/react-core';
import type { SnapshotVolume } from '../../../kubevirt/snapshot-rules';

/**
 * Which disks a snapshot (or a clone, which goes through one) takes, and which it leaves out with
 * KubeVirt's reason, before the user submits.
 */
export function SnapshotVolumesList({ id, volumes }: { id: string; volumes: SnapshotVolume[] }) {
  const included = volumes.filter((v) => v.included === true);
  const excluded = volumes.filter((v) => v.included === false);
  const unknown = volumes.filter((v) => v.included === undefined);
  return (
    <>
      <Content component="h3" id={`${id}-included-title`}>
        Disks included
      </Content>
      {included.length ? (
        <List aria-labelledby={`${id}-included-title`} id={`${id}-included`}>
          {included.map((v) => (
            <ListItem key={v.name}>
              <strong>{v.name}</strong> ({v.source})
            </ListItem>
          ))}
        </List>
      ) : (
        <Content component="p" id={`${id}-included`}>
          None: the snapshot holds the virtual machine&apos;s definition only.
        </Content>
      )}
      {excluded.length > 0 && (
        <Alert
          variant="warning"
          isInline
          title={`${excluded.length} ${excluded.length === 1 ? 'disk is' : 'disks are'} not included`}
          id={`${id}-excluded`}
        >
          <List aria-label="Disks not included">
            {excluded.map((v) => (
              <ListItem key={v.name}>
                <strong>{v.name}</strong> ({v.source}): {v.reason ?? 'KubeVirt cannot snapshot it'}
              </ListItem>
            ))}
          </List>
        </Alert>
      )}
      {unknown.length > 0 && (
        <Alert variant="info" isInline title="Not yet checked by KubeVirt" id={`${id}-unknown`}>
          KubeVirt has not yet said whether it can snapshot {unknown.map((v) => v.name).join(', ')}: the snapshot
          includes them if their storage class has a VolumeSnapshotClass.
        </Alert>
      )}
    </>
  );
}
