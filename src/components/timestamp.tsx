import { Tooltip } from '@patternfly/react-core';
import { absoluteTime, relativeTime } from '../lib/time';

/** Relative time ("3 minutes ago") with the exact time in a tooltip and a <time> element. */
export function Timestamp({ value }: { value: string | undefined }) {
  if (!value) return <>-</>;
  return (
    <Tooltip content={absoluteTime(value)}>
      <time dateTime={value}>{relativeTime(value)}</time>
    </Tooltip>
  );
}
