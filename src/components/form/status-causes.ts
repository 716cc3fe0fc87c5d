/**
 * A Kubernetes Status (a failed create or dry run) put on a form: each of its causes
 * (`details.causes[]`, as a 422 Invalid carries them) goes to the field its path names. What a
 * form does with the rest (a general message, a 409 on the name) is its own choice.
 */
import type { Status } from '../../k8s/types';

/** What placing causes needs of a Status; a K8sError's `status` fits. */
export type StatusLike = Pick<Status, 'code' | 'reason' | 'message' | 'details'>;

/** The object the request named exists already (409 AlreadyExists): its name is taken. */
export const isAlreadyExists = (status: StatusLike): boolean =>
  status.code === 409 && status.reason === 'AlreadyExists';

export interface PlacedCauses<F extends string> {
  /** The causes' messages by field; several on one field are joined with "; ". */
  fields: Partial<Record<F, string>>;
  /** The causes no field owns, as "path: message" (the message alone when a cause has no path). */
  leftover: string[];
}

/** A cause's text; the form shows it under its field, so the message is kept whole. */
const causeText = (cause: { field?: string; message?: string }): string =>
  cause.message || `${cause.field ?? 'value'} is invalid`;

/** Puts each cause on the field `fieldFor` names for its path (undefined: no field owns it). */
export function placeStatusCauses<F extends string>(
  status: StatusLike,
  fieldFor: (path: string) => F | undefined,
): PlacedCauses<F> {
  const fields: Partial<Record<F, string>> = {};
  const leftover: string[] = [];
  for (const cause of status.details?.causes ?? []) {
    const text = causeText(cause);
    const field = cause.field ? fieldFor(cause.field) : undefined;
    if (!field) leftover.push(cause.field ? `${cause.field}: ${text}` : text);
    else fields[field] = fields[field] ? `${fields[field]}; ${text}` : text;
  }
  return { fields, leftover };
}
