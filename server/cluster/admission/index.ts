/**
 * Admission for the embedded API server, as one chain: `startCluster` makes `admit` the store's
 * admission hook, so it runs for HTTP and in-process writes alike (store/store.ts, runAdmission).
 * The Service registry's cluster IP and node port allocation runs after it (store/index.ts), as
 * kube-apiserver's Service storage does after admission.
 */
import { admissionChain, type AdmissionStep } from './chain.js';
import {
  builtinKindsDecode,
  builtinValidation,
  cdiWebhooks,
  crdSchemas,
  kubevirtWebhooks,
  metadataDecodes,
  namespaceMatchesTheUrl,
  notAdmitted,
  objectMetaIsValid,
  refuseInvalidFields,
  typeMetaMatchesTheUrl,
} from './steps.js';
import { openApiSchemas, strictDecoding } from './decode-steps.js';

export type { AdmissionRequest, AdmissionResult, V1Status } from './types.js';
export type { Admission, AdmissionStep } from './chain.js';
export { KUBEVIRT_SERVICE_ACCOUNTS, RUNNING_DEPRECATED } from './kubevirt.js';

/**
 * The steps, in order. Strict decoding of an HTTP body comes first (as in kube-apiserver's decoder);
 * the next four refuse an object that does not decode at once (400, 422);
 * the field errors found up to `refuseInvalidFields` are refused together; the webhooks come last.
 */
export const ADMISSION_STEPS: readonly AdmissionStep[] = [
  strictDecoding,
  typeMetaMatchesTheUrl,
  namespaceMatchesTheUrl,
  metadataDecodes,
  builtinKindsDecode,
  objectMetaIsValid,
  crdSchemas,
  openApiSchemas,
  builtinValidation,
  refuseInvalidFields,
  kubevirtWebhooks,
  cdiWebhooks,
];

/** Admits a create or update (deletes, reviews and subresource actions pass: `notAdmitted`). */
export const admit = admissionChain(notAdmitted, ADMISSION_STEPS);
