import type { CreateVmForm, FieldErrors } from '../model/form-state';

/** What every form section gets: the state, a partial update, and the errors to show. */
export interface SectionProps {
  form: CreateVmForm;
  update: (patch: Partial<CreateVmForm>) => void;
  errors: FieldErrors;
}

/** Stable DOM ids of the form's fields: `create-vm-<field>`. */
export const fieldDomId = (field: keyof CreateVmForm): string => `create-vm-${field}`;
