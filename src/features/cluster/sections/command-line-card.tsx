import {
  Card,
  CardBody,
  CardTitle,
  Divider,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { useMemo, useState } from 'react';
import { VmCommandLineTools } from '../../../components/command-line/vm-command-line-tools';
import { EmptyStateView } from '../../../components/empty-state';
import { VirtualMachineModel } from '../../../k8s/models';
import { useK8sList } from '../../../k8s/watch/use-k8s-list';
import { guestUserOf } from '../../../lib/vm-guest-user';
import { DataState } from './data-state';
import { ToolDownloads } from './tool-downloads';
import { nameOf, namespaceOf } from '../../../k8s/meta';

const keyOf = (ns: string | undefined, name: string | undefined) => `${ns ?? ''}/${name ?? ''}`;

function VmCommands() {
  const { data, error } = useK8sList(VirtualMachineModel);
  const [chosen, setChosen] = useState<string>();
  const vms = useMemo(
    () =>
      [...(data ?? [])].sort((a, b) =>
        keyOf(a.metadata?.namespace, a.metadata?.name).localeCompare(keyOf(b.metadata?.namespace, b.metadata?.name)),
      ),
    [data],
  );
  return (
    <DataState what="virtual machines" data={data ? vms : undefined} error={error}>
      {(list) => {
        if (list.length === 0)
          return <EmptyStateView title="No virtual machines">Create a VM to get its commands here.</EmptyStateView>;
        const vm = list.find((v) => keyOf(v.metadata?.namespace, v.metadata?.name) === chosen) ?? list[0];
        const ns = namespaceOf(vm);
        const name = nameOf(vm);
        return (
          <Stack hasGutter>
            <StackItem>
              <FormGroup label="Virtual machine" fieldId="tools-vm">
                <FormSelect
                  id="tools-vm"
                  value={keyOf(ns, name)}
                  onChange={(_e, v) => setChosen(v)}
                  className="kv-cli-vm"
                >
                  {list.map((v) => {
                    const k = keyOf(v.metadata?.namespace, v.metadata?.name);
                    return <FormSelectOption key={k} value={k} label={k} />;
                  })}
                </FormSelect>
              </FormGroup>
            </StackItem>
            <StackItem>
              <VmCommandLineTools key={keyOf(ns, name)} namespace={ns} name={name} defaultUser={guestUserOf(vm)} />
            </StackItem>
          </Stack>
        );
      }}
    </DataState>
  );
}

/** How to get virtctl and kubectl, and the commands for a chosen VM. */
export function CommandLineCard() {
  return (
    <Card id="command-line-tools" aria-labelledby="command-line-tools-title">
      <CardTitle component="h2" id="command-line-tools-title">
        Command-line tools
      </CardTitle>
      <CardBody>
        <Stack hasGutter>
          <StackItem>
            <ToolDownloads />
          </StackItem>
          <StackItem>
            <Divider />
          </StackItem>
          <StackItem>
            <Title headingLevel="h3" size="md" className="pf-v6-u-mb-sm">
              Commands for a virtual machine
            </Title>
            <VmCommands />
          </StackItem>
        </Stack>
      </CardBody>
    </Card>
  );
}
