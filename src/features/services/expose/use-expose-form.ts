import { useMemo, useState } from 'react';
import { isK8sError } from '../../../k8s/k8s-error';
import { k8sCreate } from '../../../k8s/client';
import {
  initialExposeForm,
  looksHttp,
  parsePort,
  suggestServiceName,
  wellKnownPortName,
  type ExposeForm,
  type FieldErrors,
} from '../model/expose-form';
import { RouteModel, ServiceModel } from '../model/models';
import { exposedPorts } from '../model/selector-match';
import { mapServerError } from '../model/server-errors';
import { vmRefOf } from '../model/service-builder';
import type { Route, Service, VM, VMI } from '../model/types';
import { hasErrors, validateExposeForm, type ExposeContext } from '../model/validation';
import { ExposeError, exposeVm, type ExposeResult } from './submit';
import { nameOf, namespaceOf } from '../../../k8s/meta';

export interface ExposeFormInput {
  vm: VM;
  vmi?: VMI;
  /** Live Services and Routes of the VM's namespace. */
  services: Service[];
  routes: Route[];
  routesServed: boolean;
}

const deps = {
  createService: (svc: Service, dryRun: boolean) => k8sCreate(ServiceModel, svc, { dryRun }),
  createRoute: (route: Route, dryRun: boolean) => k8sCreate(RouteModel, route, { dryRun }),
};

/**
 * The Expose form: state, live validation (against the live Services and Routes), and submit
 * with the server's errors placed on the fields. The name and port name follow the port until
 * the user edits them.
 */
export function useExposeForm({ vm, vmi, services, routes, routesServed }: ExposeFormInput) {
  const vmName = nameOf(vm);
  const namespace = namespaceOf(vm);
  const serviceNames = useMemo(() => new Set(services.map((s) => nameOf(s))), [services]);
  const [form, setForm] = useState<ExposeForm>(() => initialExposeForm(vmName, serviceNames));
  const [edited, setEdited] = useState({ name: false, portName: false });
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const [result, setResult] = useState<ExposeResult>();

  const ctx: ExposeContext = useMemo(
    () => ({
      vmName,
      namespace,
      serviceNames,
      routeNames: new Set(routes.map((r) => nameOf(r))),
      exposed: exposedPorts(services, vm, vmi),
      routesServed,
    }),
    [vmName, namespace, serviceNames, routes, services, vm, vmi, routesServed],
  );
  const offerRoute = routesServed && (looksHttp(form) || form.route);
  const errors: FieldErrors = { ...validateExposeForm(form, ctx), ...serverErrors };

  const update = (patch: Partial<ExposeForm>) => {
    const nowEdited = { name: edited.name || 'name' in patch, portName: edited.portName || 'portName' in patch };
    setEdited(nowEdited);
    setServerErrors((prev) => {
      const next = { ...prev };
      for (const k of Object.keys(patch)) delete next[k as keyof FieldErrors];
      if ('name' in patch) delete next.route;
      return next;
    });
    setGeneral(undefined);
    setForm((prev) => {
      const next = { ...prev, ...patch };
      if ('port' in patch || 'targetPort' in patch) {
        const port = parsePort(next.port);
        if (!nowEdited.name) next.name = suggestServiceName(vmName, port, serviceNames);
        if (!nowEdited.portName) next.portName = wellKnownPortName(parsePort(next.targetPort) ?? port) ?? '';
      }
      return next;
    });
  };

  const submit = async (): Promise<boolean> => {
    if (hasErrors(validateExposeForm(form, ctx))) return false;
    setSubmitting(true);
    setGeneral(undefined);
    try {
      setResult(await exposeVm(form, vmRefOf(vm), deps, offerRoute && form.route));
      return true;
    } catch (e) {
      const err = e instanceof ExposeError ? e : new ExposeError('Service', e);
      if (err.created) setResult({ service: err.created });
      const status = isK8sError(err.cause) ? err.cause.status : { message: err.message };
      const mapped = mapServerError(err.kind, status, form.name, namespace);
      setServerErrors(mapped.fields);
      setGeneral(
        err.created
          ? `The service was created, but its route was not: ${mapped.fields.route ?? mapped.general ?? err.message}`
          : mapped.general,
      );
      return false;
    } finally {
      setSubmitting(false);
    }
  };

  const reset = () => {
    setResult(undefined);
    setServerErrors({});
    setGeneral(undefined);
    setEdited({ name: false, portName: false });
    setForm(initialExposeForm(vmName, serviceNames));
  };

  return { form, update, errors, general, submitting, submit, result, reset, offerRoute, invalid: hasErrors(errors) };
}
