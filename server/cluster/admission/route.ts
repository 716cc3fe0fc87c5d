/**
 * OpenShift's validation of route.openshift.io/v1 Routes (openshift/apiserver's route
 * validation) for the fields a console sets: the backend, the port and TLS.
 */
import { isDns1123Subdomain } from '../apimachinery/validation.js';
import type { FieldError } from './status.js';
import { asObj, type Json } from './schema.js';

const TERMINATIONS = ['edge', 'passthrough', 'reencrypt'];
const INSECURE_POLICIES = ['Allow', 'None', 'Redirect'];
const supported = (values: string[]) => `supported values: ${values.map((v) => JSON.stringify(v)).join(', ')}`;

export function validateRoute(obj: Json): FieldError[] {
  const errs: FieldError[] = [];
  const spec = asObj(obj.spec);
  const to = asObj(spec.to);
  if (typeof to.name !== 'string' || to.name === '') errs.push({ type: 'Required', field: 'spec.to.name' });
  if (to.kind !== undefined && to.kind !== 'Service') {
    errs.push({ type: 'Invalid', field: 'spec.to.kind', value: to.kind, detail: 'must reference a Service' });
  }
  if (typeof spec.host === 'string' && spec.host !== '' && isDns1123Subdomain(spec.host).length) {
    errs.push({
      type: 'Invalid',
      field: 'spec.host',
      value: spec.host,
      detail: 'host must conform to DNS 1123 naming conventions',
    });
  }
  if (spec.tls !== undefined && spec.tls !== null) {
    const tls = asObj(spec.tls);
    const termination = tls.termination;
    if (typeof termination !== 'string' || !TERMINATIONS.includes(termination)) {
      errs.push({
        type: 'NotSupported',
        field: 'spec.tls.termination',
        value: termination ?? '',
        detail: supported(TERMINATIONS),
      });
    }
    const policy = tls.insecureEdgeTerminationPolicy;
    if (policy !== undefined && policy !== '') {
      if (typeof policy !== 'string' || !INSECURE_POLICIES.includes(policy)) {
        errs.push({
          type: 'NotSupported',
          field: 'spec.tls.insecureEdgeTerminationPolicy',
          value: policy,
          detail: supported(INSECURE_POLICIES),
        });
      } else if (policy === 'Allow' && termination !== 'edge') {
        errs.push({
          type: 'Invalid',
          field: 'spec.tls.insecureEdgeTerminationPolicy',
          value: policy,
          detail: `InsecureEdgeTerminationPolicy is only allowed for edge-terminated routes`,
        });
      }
    }
  }
  return errs;
}
