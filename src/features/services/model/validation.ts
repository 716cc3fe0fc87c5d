/** Checks of the Expose form as the user types, against the live list of Services and Routes. */
import { effectiveTargetPort, parsePort, type ExposeForm, type FieldErrors } from './expose-form';
import type { ExposedPort } from './selector-match';

export interface ExposeContext {
  vmName: string;
  namespace: string;
  /** Names of the Services in the namespace (live). */
  serviceNames: ReadonlySet<string>;
  /** Names of the Routes in the namespace (live); empty where Routes are not served. */
  routeNames: ReadonlySet<string>;
  /** Ports that existing Services already forward to this VM. */
  exposed: readonly ExposedPort[];
  /** Whether the cluster serves route.openshift.io. */
  routesServed: boolean;
}

const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** IANA_SVC_NAME as Kubernetes validates port names. */
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

export function validateName(name: string, ctx: ExposeContext): string | undefined {
  if (!name) return 'Enter a name for the service';
  if (name.length > 63) return 'A service name is at most 63 characters';
  if (!DNS1035.test(name)) {
    return 'Use lower-case letters, digits and "-"; start with a letter and end with a letter or digit';
  }
  if (ctx.serviceNames.has(name)) return `A service named "${name}" already exists in namespace ${ctx.namespace}`;
  return undefined;
}

export function validatePortText(text: string, label: string): string | undefined {
  if (!text.trim()) return `Enter a ${label}`;
  const n = parsePort(text);
  if (n === undefined) return `The ${label} must be a whole number`;
  if (n < 1 || n > 65535) return `The ${label} must be between 1 and 65535`;
  return undefined;
}

export function validatePortName(name: string): string | undefined {
  if (!name) return undefined;
  if (name.length > 15) return 'A port name is at most 15 characters';
  if (!IANA_SVC_NAME.test(name) || name.includes('--')) {
    return 'Use lower-case letters, digits and single "-" between them';
  }
  if (!/[a-z]/.test(name)) return 'A port name needs at least one letter';
  return undefined;
}

/** The Service that already forwards this port and protocol to the VM, if any. */
export function alreadyExposedBy(form: ExposeForm, exposed: readonly ExposedPort[]): ExposedPort | undefined {
  const target = effectiveTargetPort(form);
  if (target === undefined) return undefined;
  return exposed.find(
    (e) => e.protocol === form.protocol && (e.targetPort === target || String(e.targetPort) === String(target)),
  );
}

/** Every problem with the form, by field; empty when it can be submitted. */
export function validateExposeForm(form: ExposeForm, ctx: ExposeContext): FieldErrors {
  const errors: FieldErrors = {};
  const name = validateName(form.name, ctx);
  if (name) errors.name = name;
  const port = validatePortText(form.port, 'port');
  if (port) errors.port = port;
  if (form.targetPort.trim()) {
    const target = validatePortText(form.targetPort, 'target port');
    if (target) errors.targetPort = target;
  }
  const portName = validatePortName(form.portName);
  if (portName) errors.portName = portName;
  if (!errors.port && !errors.targetPort) {
    const by = alreadyExposedBy(form, ctx.exposed);
    if (by) {
      const field = form.targetPort.trim() ? 'targetPort' : 'port';
      errors[field] =
        `Port ${effectiveTargetPort(form)}/${form.protocol} of ${ctx.vmName} is already exposed by service ${by.service}`;
    }
  }
  if (form.route) {
    if (!ctx.routesServed) errors.route = 'This cluster does not serve Routes (route.openshift.io)';
    else if (form.protocol !== 'TCP') errors.route = 'A Route carries HTTP: choose TCP';
    else if (!errors.name && ctx.routeNames.has(form.name)) {
      errors.route = `A route named "${form.name}" already exists in namespace ${ctx.namespace}`;
    }
  }
  return errors;
}

export const hasErrors = (e: FieldErrors): boolean => Object.values(e).some(Boolean);
