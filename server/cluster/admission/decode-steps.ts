/**
 * The admission steps for what kube-apiserver's decoder and a CRD's structural schema do with an
 * HTTP request body (field-validation.ts): strict decoding first (duplicate and unknown fields under
 * `fieldValidation`; unknown fields pruned), and the schema's types and required fields with the
 * other field errors. In-process writes (typed, like client-go's) carry no `decode` and skip both.
 */
import type { AdmissionStep } from './chain.js';
import { decodeFields, schemaErrors } from './field-validation.js';

export const strictDecoding: AdmissionStep = {
  name: 'the body decodes under fieldValidation (duplicate and unknown fields; unknown fields pruned)',
  run: (admission) => {
    const decoded = decodeFields(admission.req, admission.obj);
    if (decoded.status) return { allowed: false, status: decoded.status };
    admission.obj = decoded.object;
    admission.warnings.push(...decoded.warnings);
    return undefined;
  },
};

export const openApiSchemas: AdmissionStep = {
  name: "KubeVirt's and CDI's OpenAPI schemas (types, required fields) for every kind they serve",
  run: ({ req, obj, fieldErrors }) => {
    const reported = new Set(fieldErrors.map((e) => `${e.type} ${e.field}`));
    fieldErrors.push(...schemaErrors(req, obj).filter((e) => !reported.has(`${e.type} ${e.field}`)));
    return undefined;
  },
};
