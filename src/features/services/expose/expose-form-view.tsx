import {
  ActionGroup,
  Alert,
  Button,
  Checkbox,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Radio,
  TextInput,
} from '@patternfly/react-core';
import { Link } from 'react-router';
import { VM_NAME_LABEL, VMI_ID_LABEL, type ExposeForm, type FieldErrors } from '../model/expose-form';
import type { Protocol, ServiceType } from '../model/types';
import { FieldHelper, fieldProps } from '../../../components/form/field-helper';

export interface ExposeFormViewProps {
  form: ExposeForm;
  errors: FieldErrors;
  general?: string;
  update: (patch: Partial<ExposeForm>) => void;
  onSubmit: () => void;
  submitting: boolean;
  offerRoute: boolean;
  /** Ports the VM's interfaces declare, as a hint. */
  declaredPorts: string[];
  cancelTo: string;
  /** Set when the user may not create Services here: the form says so and cannot be submitted. */
  forbidden?: string;
}

const TYPES: Array<{ value: ServiceType; label: string; description: string }> = [
  { value: 'ClusterIP', label: 'ClusterIP', description: 'Reachable inside the cluster only' },
  { value: 'NodePort', label: 'NodePort', description: "Also on a port (30000-32767) of every node's address" },
  { value: 'LoadBalancer', label: 'LoadBalancer', description: 'Also on an external IP address' },
];

/** The Expose form's fields; every error sits under its field. */
export function ExposeFormView(p: ExposeFormViewProps) {
  const { form, errors, update } = p;
  return (
    <Form
      id="expose-form"
      aria-label="Expose"
      isWidthLimited
      onSubmit={(e) => {
        e.preventDefault();
        p.onSubmit();
      }}
    >
      <FormGroup label="Service name" isRequired fieldId="expose-name">
        <TextInput
          id="expose-name"
          isRequired
          value={form.name}
          onChange={(_e, v) => update({ name: v.trim() })}
          {...fieldProps('expose-name', errors.name)}
        />
        <FieldHelper
          fieldId="expose-name"
          error={errors.name}
          hint="Lower-case letters, digits and -; unique in the namespace"
        />
      </FormGroup>
      <FormGroup label="Port" isRequired fieldId="expose-port">
        <TextInput
          id="expose-port"
          type="number"
          min={1}
          max={65535}
          isRequired
          value={form.port}
          onChange={(_e, v) => update({ port: v })}
          {...fieldProps('expose-port', errors.port)}
        />
        <FieldHelper
          fieldId="expose-port"
          error={errors.port}
          hint={`The port the service listens on (1-65535)${p.declaredPorts.length ? `. The VM declares ${p.declaredPorts.join(', ')}` : ''}`}
        />
      </FormGroup>
      <FormGroup label="Target port" fieldId="expose-target-port">
        <TextInput
          id="expose-target-port"
          type="number"
          min={1}
          max={65535}
          placeholder={form.port || 'Same as the port'}
          value={form.targetPort}
          onChange={(_e, v) => update({ targetPort: v })}
          {...fieldProps('expose-target-port', errors.targetPort)}
        />
        <FieldHelper
          fieldId="expose-target-port"
          error={errors.targetPort}
          hint="The VM's port; empty for the same as the port"
        />
      </FormGroup>
      <FormGroup label="Port name" fieldId="expose-port-name">
        <TextInput
          id="expose-port-name"
          value={form.portName}
          onChange={(_e, v) => update({ portName: v.trim() })}
          {...fieldProps('expose-port-name', errors.portName)}
        />
        <FieldHelper fieldId="expose-port-name" error={errors.portName} hint="Optional, for example ssh or http" />
      </FormGroup>
      <FormGroup label="Protocol" fieldId="expose-protocol">
        <FormSelect
          id="expose-protocol"
          value={form.protocol}
          onChange={(_e, v) => update({ protocol: v as Protocol })}
          aria-label="Protocol"
        >
          <FormSelectOption value="TCP" label="TCP" />
          <FormSelectOption value="UDP" label="UDP" />
        </FormSelect>
        <FieldHelper fieldId="expose-protocol" error={errors.protocol} />
      </FormGroup>
      <FormGroup
        label="Service type"
        role="radiogroup"
        isStack
        fieldId="expose-type"
        aria-describedby="expose-type-helper"
      >
        {TYPES.map((t) => (
          <Radio
            key={t.value}
            id={`expose-type-${t.value}`}
            name="expose-type"
            label={t.label}
            description={t.description}
            isChecked={form.type === t.value}
            onChange={() => update({ type: t.value })}
          />
        ))}
        <FieldHelper fieldId="expose-type" error={errors.type} />
      </FormGroup>
      <FormGroup label="Selector" role="radiogroup" isStack fieldId="expose-selector">
        <Radio
          id="expose-selector-vmi-id"
          name="expose-selector"
          label={`${VMI_ID_LABEL} (virtctl expose)`}
          isChecked={form.selectorLabel === VMI_ID_LABEL}
          onChange={() => update({ selectorLabel: VMI_ID_LABEL })}
        />
        <Radio
          id="expose-selector-vm-name"
          name="expose-selector"
          label={`${VM_NAME_LABEL} (older releases)`}
          isChecked={form.selectorLabel === VM_NAME_LABEL}
          onChange={() => update({ selectorLabel: VM_NAME_LABEL })}
        />
        <FieldHelper fieldId="expose-selector" error={errors.selectorLabel} />
      </FormGroup>
      <Checkbox
        id="expose-owned"
        label="Delete the service with the virtual machine"
        description="Sets the virtual machine as the service's owner"
        isChecked={form.ownedByVm}
        onChange={(_e, v) => update({ ownedByVm: v })}
      />
      {p.offerRoute && (
        <FormGroup label="Route" fieldId="expose-route" isStack>
          <Checkbox
            id="expose-route"
            label="Create a Route for this HTTP port"
            isChecked={form.route}
            onChange={(_e, v) => update({ route: v })}
            aria-describedby="expose-route-helper"
          />
          {form.route && (
            <>
              <Radio
                id="expose-route-edge"
                name="expose-route-termination"
                label="Edge TLS termination (https)"
                description="The router serves https and redirects http"
                isChecked={form.routeTermination === 'edge'}
                onChange={() => update({ routeTermination: 'edge' })}
              />
              <Radio
                id="expose-route-none"
                name="expose-route-termination"
                label="No TLS (http)"
                isChecked={form.routeTermination === 'none'}
                onChange={() => update({ routeTermination: 'none' })}
              />
            </>
          )}
          <FieldHelper fieldId="expose-route" error={errors.route} />
        </FormGroup>
      )}
      {p.forbidden && (
        <Alert variant="warning" isInline title="You cannot create services here" id="expose-forbidden">
          {p.forbidden}
        </Alert>
      )}
      {p.general && (
        <Alert variant="danger" isInline title="Could not expose the virtual machine" id="expose-error">
          {p.general}
        </Alert>
      )}
      <ActionGroup>
        <Button
          type="submit"
          variant="primary"
          isLoading={p.submitting}
          isDisabled={p.submitting || Boolean(p.forbidden)}
        >
          Expose
        </Button>
        <Button variant="link" component={(props: object) => <Link {...props} to={p.cancelTo} />}>
          Cancel
        </Button>
      </ActionGroup>
    </Form>
  );
}
