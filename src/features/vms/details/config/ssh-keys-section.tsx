import { FormGroup, FormSelect, FormSelectOption, Radio, TextArea, TextInput } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useRef, useState } from 'react';
import { ReasonButton } from '../../../../components/disabled-reason';
import { FieldHelper, fieldProps } from '../../../../components/form/field-helper';
import { k8sCreate } from '../../../../k8s/client';
import { nameOf, namespaceOf } from '../../../../k8s/meta';
import { SecretModel } from '../../../../k8s/models';
import { useK8sList } from '../../../../k8s/watch/use-k8s-list';
import {
  addSshKey,
  cloudInitPropagation,
  removeSshKey,
  sshKeyProblem,
  sshKeysOf,
  type Propagation,
} from '../../../../kubevirt/access-credentials';
import type { VM } from '../../../../kubevirt/vm-selectors';
import { validateDnsSubdomain } from '../../../../lib/k8s-names';
import { ConfigSection } from './config-section';
import { EditModal } from './edit-modal';

const PROPAGATION_LABEL: Record<Propagation, string> = {
  noCloud: 'cloud-init (NoCloud)',
  configDrive: 'cloud-init (ConfigDrive)',
  qemuGuestAgent: 'Guest agent',
};

function AddSshKeyModal({ vm, onClose }: { vm: VM; onClose: () => void }) {
  const namespace = namespaceOf(vm);
  const secrets = useK8sList(SecretModel, { namespace });
  const [mode, setMode] = useState<'existing' | 'new'>('new');
  const [secret, setSecret] = useState('');
  const [newName, setNewName] = useState(`${nameOf(vm)}-ssh-key`);
  const [key, setKey] = useState('');
  const [propagation, setPropagation] = useState<Propagation>(() => cloudInitPropagation(vm));
  const [users, setUsers] = useState('cloud-user');
  const created = useRef<string | undefined>(undefined);
  const nameError = mode === 'new' ? validateDnsSubdomain(newName) : undefined;
  const keyError = mode === 'new' && key ? sshKeyProblem(key) : undefined;
  const secretError = mode === 'existing' && !secret ? 'Pick a Secret' : undefined;
  const userList = users.split(/[\s,]+/).filter(Boolean);
  const usersError = propagation === 'qemuGuestAgent' && !userList.length ? 'Name at least one guest user' : undefined;
  const secretName = mode === 'new' ? newName : secret;
  const before = async () => {
    if (mode !== 'new' || created.current === newName) return;
    await k8sCreate(SecretModel, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: newName, namespace },
      type: 'Opaque',
      stringData: { key: key.trim() },
    });
    created.current = newName;
  };
  const build = (base: VM) => {
    if (nameError || secretError || usersError || (mode === 'new' && sshKeyProblem(key))) {
      return 'Correct the marked fields first.';
    }
    return addSshKey(base, { secret: secretName, propagation, users: userList });
  };
  return (
    <EditModal id="ssh-key" title="Add SSH key" vm={vm} build={build} before={before} onClose={onClose}>
      <FormGroup label="Key source" role="radiogroup" fieldId="config-ssh-mode" isInline>
        <Radio
          id="config-ssh-new"
          name="config-ssh-mode"
          label="New Secret from a public key"
          isChecked={mode === 'new'}
          onChange={() => setMode('new')}
        />
        <Radio
          id="config-ssh-existing"
          name="config-ssh-mode"
          label="Existing Secret"
          isChecked={mode === 'existing'}
          onChange={() => setMode('existing')}
        />
      </FormGroup>
      {mode === 'new' ? (
        <>
          <FormGroup label="Secret name" fieldId="config-ssh-secret-name" isRequired>
            <TextInput
              id="config-ssh-secret-name"
              value={newName}
              onChange={(_e, v) => setNewName(v)}
              {...fieldProps('config-ssh-secret-name', nameError)}
            />
            <FieldHelper fieldId="config-ssh-secret-name" error={nameError} />
          </FormGroup>
          <FormGroup label="Public key" fieldId="config-ssh-key" isRequired>
            <TextArea
              id="config-ssh-key"
              className="kv-mono"
              rows={3}
              value={key}
              onChange={(_e, v) => setKey(v)}
              validated={keyError ? 'error' : 'default'}
              aria-describedby="config-ssh-key-helper"
            />
            <FieldHelper
              fieldId="config-ssh-key"
              error={keyError}
              hint="One or more OpenSSH public keys, one per line."
            />
          </FormGroup>
        </>
      ) : (
        <FormGroup label="Secret" fieldId="config-ssh-secret" isRequired>
          <FormSelect
            id="config-ssh-secret"
            value={secret}
            onChange={(_e, v) => setSecret(v)}
            {...fieldProps('config-ssh-secret', secretError)}
          >
            <FormSelectOption value="" label="Pick a Secret" isPlaceholder />
            {(secrets.data ?? []).map((s) => (
              <FormSelectOption key={nameOf(s)} value={nameOf(s)} label={nameOf(s)} />
            ))}
          </FormSelect>
          <FieldHelper
            fieldId="config-ssh-secret"
            error={secretError ?? (secrets.error ? `Cannot list Secrets: ${secrets.error.message}` : undefined)}
          />
        </FormGroup>
      )}
      <FormGroup label="Propagation method" fieldId="config-ssh-propagation">
        <FormSelect
          id="config-ssh-propagation"
          value={propagation}
          onChange={(_e, v) => setPropagation(v as Propagation)}
        >
          {(Object.keys(PROPAGATION_LABEL) as Propagation[]).map((p) => (
            <FormSelectOption key={p} value={p} label={PROPAGATION_LABEL[p]} />
          ))}
        </FormSelect>
        <FieldHelper
          fieldId="config-ssh-propagation"
          hint="cloud-init writes the key at the next boot; the guest agent writes it into the running guest."
        />
      </FormGroup>
      {propagation === 'qemuGuestAgent' && (
        <FormGroup label="Guest users" fieldId="config-ssh-users" isRequired>
          <TextInput
            id="config-ssh-users"
            value={users}
            onChange={(_e, v) => setUsers(v)}
            {...fieldProps('config-ssh-users', usersError)}
          />
          <FieldHelper fieldId="config-ssh-users" error={usersError} hint="Separated by commas or spaces." />
        </FormGroup>
      )}
    </EditModal>
  );
}

/** SSH public keys from Secrets (KubeVirt accessCredentials) and how they reach the guest. */
export function SshKeysSection({ vm, readOnly }: { vm: VM; readOnly?: string }) {
  const [open, setOpen] = useState<{ kind: 'add' } | { kind: 'remove'; secret: string }>();
  const close = () => setOpen(undefined);
  const keys = sshKeysOf(vm);
  const add = (
    <ReasonButton
      key="add"
      id="config-ssh-add"
      variant="secondary"
      onClick={readOnly ? undefined : () => setOpen({ kind: 'add' })}
      disabledReason={readOnly}
    >
      Add SSH key
    </ReasonButton>
  );
  return (
    <ConfigSection id="ssh" title="SSH keys" actions={add}>
      {keys.length ? (
        <Table aria-label="SSH keys" variant="compact">
          <Thead>
            <Tr>
              <Th>Secret</Th>
              <Th>Propagation</Th>
              <Th screenReaderText="Actions" />
            </Tr>
          </Thead>
          <Tbody>
            {keys.map((k) => (
              <Tr key={k.secret} id={`config-ssh-${k.secret}`}>
                <Td dataLabel="Secret">{k.secret}</Td>
                <Td dataLabel="Propagation">
                  {PROPAGATION_LABEL[k.propagation]}
                  {k.users.length ? ` (${k.users.join(', ')})` : ''}
                </Td>
                <Td isActionCell modifier="nowrap">
                  <ReasonButton
                    variant="link"
                    isInline
                    isDanger
                    aria-label={`Remove SSH key ${k.secret}`}
                    onClick={readOnly ? undefined : () => setOpen({ kind: 'remove', secret: k.secret })}
                    disabledReason={readOnly}
                  >
                    Remove
                  </ReasonButton>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      ) : (
        <p id="config-ssh-none">No SSH keys.</p>
      )}
      {open?.kind === 'add' && <AddSshKeyModal vm={vm} onClose={close} />}
      {open?.kind === 'remove' && (
        <EditModal
          id="remove-ssh"
          title={`Remove SSH key ${open.secret}?`}
          vm={vm}
          variant="small"
          build={(base) => removeSshKey(base, open.secret)}
          saveLabel="Remove SSH key"
          onClose={close}
        >
          <p>The VM stops using the Secret {open.secret}; the Secret is kept.</p>
        </EditModal>
      )}
    </ConfigSection>
  );
}
