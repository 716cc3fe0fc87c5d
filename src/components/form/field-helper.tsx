import { FormHelperText, HelperText, HelperTextItem } from '@patternfly/react-core';
import type { ReactNode } from 'react';

/** The id of a field's helper text, for aria-describedby. */
export const helperId = (fieldId: string): string => `${fieldId}-helper`;

/** PatternFly's validated state for a field (which also sets its aria-invalid). */
export const validated = (error: string | undefined): 'error' | 'default' => (error ? 'error' : 'default');

/** A form control's validated state, and its description pointing at its FieldHelper. */
export const fieldProps = (fieldId: string, error: string | undefined) => ({
  validated: validated(error),
  'aria-describedby': helperId(fieldId),
});

/**
 * A field's error (id `<fieldId>-error`), else its warning, else its hint, announced with the
 * field; nothing when there is none of them.
 */
export function FieldHelper({
  fieldId,
  error,
  hint,
  warning,
}: {
  fieldId: string;
  error?: string;
  hint?: ReactNode;
  warning?: string;
}) {
  if (!error && !hint && !warning) return null;
  const variant = error ? 'error' : warning ? 'warning' : 'default';
  return (
    <FormHelperText>
      <HelperText id={helperId(fieldId)} isLiveRegion>
        <HelperTextItem variant={variant} id={error ? `${fieldId}-error` : undefined}>
          {error || warning || hint}
        </HelperTextItem>
      </HelperText>
    </FormHelperText>
  );
}
