import {
  Card,
  CardBody,
  CardFooter,
  CardTitle,
  Content,
  Flex,
  FlexItem,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  TextInput,
} from '@patternfly/react-core';
import type { V1VirtualMachine } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { useState } from 'react';
import { Link } from 'react-router';
import { guestUserOf } from '../../lib/vm-guest-user';
import {
  consoleCommand,
  exposeCommand,
  sshCommand,
  vncCommand,
  type ServiceType,
  type VmTarget,
} from '../../lib/virtctl-commands';
import { CommandBlock } from './command-block';
import './command-line.css';
import { nameOf, namespaceOf } from '../../k8s/meta';

/** Where the Cluster page explains how to get virtctl. */
export const COMMAND_LINE_TOOLS_PATH = '/cluster#command-line-tools';

const SERVICE_TYPES: ServiceType[] = ['NodePort', 'ClusterIP', 'LoadBalancer'];

interface Props extends VmTarget {
  /** The guest user the ssh command starts with (the image's default user, for example). */
  defaultUser?: string;
}

/** virtctl commands for one VM, filled in: console, vnc, ssh (with a user) and expose (with a port). */
export function VmCommandLineTools({ namespace, name, defaultUser }: Props) {
  const [user, setUser] = useState(defaultUser ?? '');
  const [port, setPort] = useState('22');
  const [type, setType] = useState<ServiceType>('NodePort');
  const target = { namespace, name };
  const base = `vm-cli-${namespace}-${name}`;
  const portNumber = Number(port);
  const portValid = Number.isInteger(portNumber) && portNumber >= 1 && portNumber <= 65535;

  return (
    <Form onSubmit={(e) => e.preventDefault()} aria-label={`Command-line tools for ${name}`}>
      <FormGroup label="Serial console" fieldId={`${base}-console`}>
        <CommandBlock id={`${base}-console`} label="Serial console command" command={consoleCommand(target)} />
      </FormGroup>
      <FormGroup label="VNC" fieldId={`${base}-vnc`}>
        <CommandBlock id={`${base}-vnc`} label="VNC command" command={vncCommand(target)} />
      </FormGroup>
      <FormGroup label="SSH" fieldId={`${base}-ssh`}>
        <Flex direction={{ default: 'column' }} spaceItems={{ default: 'spaceItemsSm' }}>
          <FlexItem>
            <TextInput
              id={`${base}-ssh-user`}
              aria-label="SSH user"
              placeholder="Guest user"
              value={user}
              onChange={(_e, v) => setUser(v)}
              className="kv-cli-short-input"
            />
          </FlexItem>
          <FlexItem>
            <CommandBlock id={`${base}-ssh`} label="SSH command" command={sshCommand(target, { user })} />
          </FlexItem>
        </Flex>
      </FormGroup>
      <FormGroup label="Expose a port" fieldId={`${base}-expose`}>
        <Flex direction={{ default: 'column' }} spaceItems={{ default: 'spaceItemsSm' }}>
          <Flex spaceItems={{ default: 'spaceItemsSm' }}>
            <FlexItem>
              <TextInput
                id={`${base}-expose-port`}
                aria-label="Port to expose"
                type="number"
                min={1}
                max={65535}
                value={port}
                validated={portValid ? 'default' : 'error'}
                onChange={(_e, v) => setPort(v)}
                className="kv-cli-port-input"
              />
            </FlexItem>
            <FlexItem>
              <FormSelect
                id={`${base}-expose-type`}
                aria-label="Service type"
                value={type}
                onChange={(_e, v) => setType(v as ServiceType)}
              >
                {SERVICE_TYPES.map((t) => (
                  <FormSelectOption key={t} value={t} label={t} />
                ))}
              </FormSelect>
            </FlexItem>
          </Flex>
          {portValid ? (
            <CommandBlock
              id={`${base}-expose`}
              label="Expose command"
              command={exposeCommand(target, { port: portNumber, type })}
            />
          ) : (
            <Content component="p" className="pf-v6-u-danger-color-100" role="alert">
              A port is a number from 1 to 65535.
            </Content>
          )}
        </Flex>
      </FormGroup>
    </Form>
  );
}

/** The command-line tools of one VM as a card (for the VM's details); the ssh user comes from its cloud-init or image. */
export function VmCommandLineCard({ vm }: { vm: V1VirtualMachine }) {
  const namespace = namespaceOf(vm);
  const name = nameOf(vm);
  return (
    <Card id={`vm-cli-${namespace}-${name}`} aria-label="Command-line tools">
      <CardTitle component="h2">Command-line tools</CardTitle>
      <CardBody>
        <VmCommandLineTools
          key={`${namespace}/${name}`}
          namespace={namespace}
          name={name}
          defaultUser={guestUserOf(vm)}
        />
      </CardBody>
      <CardFooter>
        <Link to={COMMAND_LINE_TOOLS_PATH}>How to get virtctl and kubectl</Link>
      </CardFooter>
    </Card>
  );
}
