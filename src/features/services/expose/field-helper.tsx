import { FormHelperText, HelperText, HelperTextItem } from '@patternfly/react-core';
import type { ReactNode } from 'react';

/** A field's error (announced, linked by id) or its hint. */
export function FieldHelper({ id, error, hint }: { id: string; error?: string; hint?: ReactNode }) {
  if (!error && !hint) return null;
  return (
    <FormHelperText>
      <HelperText id={`${id}-helper`} aria-live="polite">
        {error ? (
          <HelperTextItem variant="error" id={`${id}-error`}>
            {error}
          </HelperTextItem>
        ) : (
          <HelperTextItem>{hint}</HelperTextItem>
        )}
      </HelperText>
    </FormHelperText>
  );
}

/** Props that mark a text input invalid and point it at its helper text. */
export const invalidProps = (id: string, error: string | undefined, hasHelper = true) => ({
  validated: error ? ('error' as const) : ('default' as const),
  'aria-invalid': Boolean(error),
  'aria-describedby': error || hasHelper ? `${id}-helper` : undefined,
});
