/**
 * An admission chain: steps run in order on each create and update (and on patches, after the
 * patch is applied); the first step that answers decides, and a request no step answers is
 * admitted unchanged. Field errors found by validating steps are collected and refused together
 * by a later step, as kube-apiserver reports every invalid field in one 422.
 */
import type { AdmissionRequest, AdmissionResult } from './types.js';
import type { FieldError } from './status.js';
import type { Json } from './schema.js';

/** What a step sees. */
export interface Admission {
  req: AdmissionRequest;
  /** The object being written (present from the second step on). */
  obj: Json;
  /** Field errors found so far (validating steps add to them). */
  fieldErrors: FieldError[];
  /** Warnings for the client (`Warning` headers), e.g. unknown fields dropped while decoding. */
  warnings: string[];
}

export interface AdmissionStep {
  /** What the step checks, as a reader of the chain needs to know it. */
  name: string;
  /** `undefined` lets the request go on; a result ends admission with it (refused, or admitted and maybe mutated). */
  run(admission: Admission): AdmissionResult | undefined;
}

export type Admit = (req: AdmissionRequest) => AdmissionResult;

/** An admitted request carries the object as the steps left it (e.g. pruned) and their warnings. */
function withChanges(admission: Admission, result: AdmissionResult): AdmissionResult {
  const changed = admission.obj !== admission.req.object;
  if (!result.allowed || (!changed && !admission.warnings.length)) return result;
  return {
    ...result,
    warnings: [...admission.warnings, ...(result.warnings ?? [])],
    object: result.object ?? (changed ? admission.obj : undefined),
  };
}

/** `before` answers requests that are not admitted at all (deletes, reviews); the steps see the rest. */
export function admissionChain(
  before: (req: AdmissionRequest) => AdmissionResult | undefined,
  steps: readonly AdmissionStep[],
): Admit {
  return (req) => {
    const early = before(req);
    if (early || !req.object) return early ?? { allowed: true };
    const admission: Admission = { req, obj: req.object, fieldErrors: [], warnings: [] };
    for (const step of steps) {
      const result = step.run(admission);
      if (result) return withChanges(admission, result);
    }
    return withChanges(admission, { allowed: true });
  };
}
