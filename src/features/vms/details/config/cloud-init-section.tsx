import { CodeBlock, CodeBlockCode, FormGroup, TextArea } from '@patternfly/react-core';
import { useState } from 'react';
import { FieldHelper } from '../../../../components/form/field-helper';
import { cloudInitOf, setCloudInit } from '../../../../kubevirt/cloud-init';
import type { VM } from '../../../../kubevirt/vm-selectors';
import { ConfigItem, ConfigList, ConfigSection } from './config-section';
import { EditModal } from './edit-modal';

const MAX = 32 * 1024; // KubeVirt refuses user data over 32 KiB in a NoCloud/ConfigDrive source.

function CloudInitModal({ vm, onClose }: { vm: VM; onClose: () => void }) {
  const current = cloudInitOf(vm);
  const [userData, setUserData] = useState(current.userData);
  const [networkData, setNetworkData] = useState(current.networkData);
  const tooBig = (s: string) => (new TextEncoder().encode(s).length > MAX ? 'At most 32 KiB' : undefined);
  const userError = tooBig(userData);
  const networkError = tooBig(networkData);
  return (
    <EditModal
      id="cloud-init"
      title="Edit cloud-init"
      vm={vm}
      variant="large"
      build={(base) =>
        userError || networkError ? 'Correct the marked fields first.' : setCloudInit(base, userData, networkData)
      }
      onClose={onClose}
    >
      <FormGroup label="User data" fieldId="config-cloud-init-user-data">
        <TextArea
          id="config-cloud-init-user-data"
          className="kv-mono"
          rows={10}
          resizeOrientation="vertical"
          value={userData}
          onChange={(_e, v) => setUserData(v)}
          validated={userError ? 'error' : 'default'}
          aria-describedby="config-cloud-init-user-data-helper"
        />
        <FieldHelper
          fieldId="config-cloud-init-user-data"
          error={userError}
          hint="#cloud-config YAML or a script; the guest reads it at its next boot."
        />
      </FormGroup>
      <FormGroup label="Network data" fieldId="config-cloud-init-network-data">
        <TextArea
          id="config-cloud-init-network-data"
          className="kv-mono"
          rows={6}
          resizeOrientation="vertical"
          value={networkData}
          onChange={(_e, v) => setNetworkData(v)}
          validated={networkError ? 'error' : 'default'}
          aria-describedby="config-cloud-init-network-data-helper"
        />
        <FieldHelper
          fieldId="config-cloud-init-network-data"
          error={networkError}
          hint="Network config version 1 or 2; empty for none."
        />
      </FormGroup>
    </EditModal>
  );
}

/** cloud-init user data and network data (NoCloud or ConfigDrive). */
export function CloudInitSection({ vm, readOnly }: { vm: VM; readOnly?: string }) {
  const [open, setOpen] = useState(false);
  const ci = cloudInitOf(vm);
  const reason = readOnly ?? (ci.secret ? `The data is in the Secret ${ci.secret}: edit it there` : undefined);
  return (
    <ConfigSection id="cloud-init" title="Cloud-init" onEdit={() => setOpen(true)} editDisabledReason={reason}>
      <ConfigList label="Cloud-init">
        <ConfigItem term="Source" id="config-cloud-init-source">
          {ci.volume ? `${ci.kind === 'cloudInitNoCloud' ? 'NoCloud' : 'ConfigDrive'} volume ${ci.volume}` : 'None'}
          {ci.secret ? ` (Secret ${ci.secret})` : ''}
        </ConfigItem>
        <ConfigItem term="User data" id="config-cloud-init-user-data-value">
          {ci.userData ? (
            <CodeBlock>
              <CodeBlockCode>{ci.userData}</CodeBlockCode>
            </CodeBlock>
          ) : (
            '-'
          )}
        </ConfigItem>
        <ConfigItem term="Network data" id="config-cloud-init-network-data-value">
          {ci.networkData ? (
            <CodeBlock>
              <CodeBlockCode>{ci.networkData}</CodeBlockCode>
            </CodeBlock>
          ) : (
            '-'
          )}
        </ConfigItem>
      </ConfigList>
      {open && <CloudInitModal vm={vm} onClose={() => setOpen(false)} />}
    </ConfigSection>
  );
}
