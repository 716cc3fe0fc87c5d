import { Bullseye, Spinner } from '@patternfly/react-core';

/** A centred spinner whose accessible name says what is loading. */
export function LoadingState({ label = 'Loading' }: { label?: string }) {
  return (
    <Bullseye className="kv-state">
      <Spinner aria-label={label} />
    </Bullseye>
  );
}
