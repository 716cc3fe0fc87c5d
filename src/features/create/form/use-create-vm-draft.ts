import { useCallback, useState } from 'react';
import { initialForm, type CreateVmForm, type FieldErrors, type FieldId } from '../model/form-state';
import { useSessionDraft } from './session-draft';

export interface CreateVmDraft {
  form: CreateVmForm;
  mode: 'form' | 'yaml';
  /** The editor's text in YAML mode. */
  yaml: string;
  /** What the editor was seeded with: edits are what differs. */
  yamlSeed: string;
  /** Fields the user changed: their errors show as they type. */
  touched: FieldId[];
  /** A Create was attempted: every error shows. */
  submitted: boolean;
}

const fresh = (namespace: string): CreateVmDraft => ({
  form: initialForm(namespace),
  mode: 'form',
  yaml: '',
  yamlSeed: '',
  touched: [],
  submitted: false,
});

/** Drafts from sessionStorage are merged field by field over a fresh form (older drafts still load). */
function restore(base: CreateVmDraft, stored: unknown): CreateVmDraft {
  const s = (stored ?? {}) as Partial<CreateVmDraft>;
  return {
    ...base,
    ...s,
    form: { ...base.form, ...(s.form ?? {}) },
    touched: Array.isArray(s.touched) ? s.touched : [],
  };
}

/**
 * The create form's state, kept in sessionStorage per namespace route, with the server's field
 * errors of the last attempt (cleared field by field as the user edits).
 */
export function useCreateVmDraft(draftKey: string, namespace: string) {
  const [draft, setDraft, discard] = useSessionDraft<CreateVmDraft>(draftKey, () => fresh(namespace), restore);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});

  const update = useCallback(
    (patch: Partial<CreateVmForm>) => {
      const keys = Object.keys(patch) as FieldId[];
      setDraft((d) => ({ ...d, form: { ...d.form, ...patch }, touched: [...new Set([...d.touched, ...keys])] }));
      setServerErrors((e) => {
        if (!keys.some((k) => k in e)) return e;
        const next = { ...e };
        for (const k of keys) delete next[k];
        return next;
      });
    },
    [setDraft],
  );

  const reset = useCallback(() => {
    discard();
    setDraft(fresh(namespace));
    setServerErrors({});
  }, [discard, namespace, setDraft]);

  return { draft, setDraft, update, serverErrors, setServerErrors, discard, reset };
}

/** The errors to show: the server's, then the form's own for touched fields (all after a Create). */
export function visibleErrors(draft: CreateVmDraft, clientErrors: FieldErrors, serverErrors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(clientErrors) as Array<[FieldId, string]>) {
    if (draft.submitted || draft.touched.includes(k)) out[k] = v;
  }
  return { ...out, ...serverErrors };
}
