import { Button, TextInputGroup, TextInputGroupMain, TextInputGroupUtilities } from '@patternfly/react-core';
import { SearchIcon } from '@patternfly/react-icons/dist/esm/icons/search-icon';
import { TimesIcon } from '@patternfly/react-icons/dist/esm/icons/times-icon';

/**
 * A list's filter box: PatternFly's text input group (what SearchInput is made of), without
 * SearchInput's advanced-search form.
 */
export function FilterBox({ id, value, onChange }: { id: string; value: string; onChange: (text: string) => void }) {
  return (
    <TextInputGroup id={id}>
      <TextInputGroupMain
        icon={<SearchIcon />}
        aria-label="Filter by name or label"
        placeholder="Filter by name or label (key=value)"
        value={value}
        onChange={(_e, v) => onChange(v)}
      />
      {value && (
        <TextInputGroupUtilities>
          <Button variant="plain" aria-label="Clear the filter" icon={<TimesIcon />} onClick={() => onChange('')} />
        </TextInputGroupUtilities>
      )}
    </TextInputGroup>
  );
}
