import { FormGroup, TextArea } from '@patternfly/react-core';
import { FieldHelper } from './field-helper';

export interface LinesFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint: string;
  /** What is wrong with the lines, joined into the field's error. */
  problems?: readonly string[];
  rows?: number;
  /** Monospaced (key=value lists). */
  mono?: boolean;
  resizeOrientation?: 'vertical' | 'horizontal' | 'both';
}

/** A text area of one entry per line (labels, tolerations, filters) with its hint or its problems. */
export function LinesField({
  id,
  label,
  value,
  onChange,
  hint,
  problems = [],
  rows,
  mono,
  resizeOrientation,
}: LinesFieldProps) {
  const error = problems.join('; ') || undefined;
  return (
    <FormGroup label={label} fieldId={id}>
      <TextArea
        id={id}
        className={mono ? 'kv-mono' : undefined}
        rows={rows}
        value={value}
        onChange={(_e, v) => onChange(v)}
        resizeOrientation={resizeOrientation}
        validated={error ? 'error' : 'default'}
        aria-describedby={`${id}-helper`}
      />
      <FieldHelper fieldId={id} error={error} hint={hint} />
    </FormGroup>
  );
}
