import { Breadcrumb, BreadcrumbItem, Content, PageSection } from '@patternfly/react-core';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { PageHeading } from '../../../components/page-heading';
import { VirtualMachineModel } from '../../../k8s/models';
import { useAccessReview } from '../../../k8s/access-review';
import { useK8sGet } from '../../../k8s/watch/use-k8s-get';
import { namespacedPath } from '../../../lib/routes';
import { useExposureData, type ExposureData } from '../hooks/use-exposure-data';
import { serviceRows } from '../model/service-rows';
import { nameOf, namespaceOf, objectKeyOf } from '../../../k8s/meta';
import { type VM } from '../model/types';
import { ExposeFormView } from './expose-form-view';
import { ExposeResultView } from './expose-result';
import { useExposeForm } from './use-expose-form';

/** Ports the VM's interfaces declare ("22/TCP"). */
const declaredPorts = (vm: VM): string[] =>
  (vm.spec?.template?.spec?.domain?.devices?.interfaces ?? []).flatMap((i) =>
    (i.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`),
  );

function ExposeVm({ vm, data }: { vm: VM; data: ExposureData & { services: NonNullable<ExposureData['services']> } }) {
  const vmi = data.vmis?.find((v) => objectKeyOf(v) === objectKeyOf(vm));
  const state = useExposeForm({
    vm,
    vmi,
    services: data.services,
    routes: data.routes,
    routesServed: data.routesServed,
  });
  const vmPath = namespacedPath('virtualmachines', vm.metadata?.namespace, nameOf(vm));
  const access = useAccessReview({ resource: 'services', verb: 'create', namespace: vm.metadata?.namespace });
  const forbidden =
    access.isLoading || access.allowed
      ? undefined
      : access.reason || `You may not create services in namespace ${namespaceOf(vm)}.`;
  const created = state.result?.service;
  const row = useMemo(() => {
    if (!created) return undefined;
    const live = data.services.filter((s) => objectKeyOf(s) === objectKeyOf(created));
    return serviceRows({
      ...data,
      services: live,
      vms: data.vms ?? [vm],
      vmis: data.vmis ?? [],
      slices: data.slices,
    })[0];
  }, [created, data, vm]);

  if (created) {
    return (
      <ExposeResultView
        created={created}
        row={row}
        route={state.result?.route}
        warning={state.general}
        vmPath={vmPath}
        onAgain={state.reset}
      />
    );
  }
  return (
    <ExposeFormView
      form={state.form}
      errors={state.errors}
      general={state.general}
      update={state.update}
      submitting={state.submitting}
      offerRoute={state.offerRoute}
      declaredPorts={declaredPorts(vm)}
      cancelTo={vmPath}
      forbidden={forbidden}
      onSubmit={() => {
        void state.submit().then((ok) => {
          if (!ok) document.querySelector<HTMLElement>('#expose-form [aria-invalid="true"]')?.focus();
        });
      }}
    />
  );
}

/** /k8s/ns/:ns/virtualmachines/:name/expose: a Service (and Route) for one port of a VM, as `virtctl expose` makes. */
export function ExposeVmPage() {
  const { ns = '', name = '' } = useParams();
  const vm = useK8sGet(VirtualMachineModel, name, ns);
  const data = useExposureData(ns);
  const services = data.services;

  let body;
  if (vm.error) body = <ErrorState title={`Cannot load virtual machine ${name}`} error={vm.error} />;
  else if (data.error) body = <ErrorState title="Cannot load services" error={data.error} reload />;
  else if (!vm.data || !services) body = <LoadingState label="Loading the virtual machine and its services" />;
  else body = <ExposeVm key={objectKeyOf(vm.data)} vm={vm.data} data={{ ...data, services }} />;

  return (
    <>
      <PageSection>
        <Breadcrumb>
          <BreadcrumbItem render={() => <Link to={namespacedPath('virtualmachines', ns)}>Virtual machines</Link>} />
          <BreadcrumbItem render={() => <Link to={namespacedPath('virtualmachines', ns, name)}>{name}</Link>} />
          <BreadcrumbItem isActive>Expose</BreadcrumbItem>
        </Breadcrumb>
      </PageSection>
      <PageHeading title={`Expose ${name}`}>
        <Content component="p">
          Create a service for a port of the virtual machine, as <code>virtctl expose</code> does.
        </Content>
      </PageHeading>
      <PageSection isFilled>{body}</PageSection>
    </>
  );
}
