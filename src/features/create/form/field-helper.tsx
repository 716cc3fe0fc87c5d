import { FormHelperText, HelperText, HelperTextItem } from '@patternfly/react-core';
import type { ReactNode } from 'react';

/** The id of a field's helper text, for aria-describedby. */
export const helperId = (fieldId: string): string => `${fieldId}-helper`;

/** A field's error (or its hint when there is none), announced with the field. */
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
          {error ?? warning ?? hint}
        </HelperTextItem>
      </HelperText>
    </FormHelperText>
  );
}

/** PatternFly's validated state for a field. */
export const validated = (error: string | undefined): 'error' | 'default' => (error ? 'error' : 'default');
