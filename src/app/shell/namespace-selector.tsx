import {
  Divider,
  MenuSearch,
  MenuSearchInput,
  MenuToggle,
  TextInput,
  Select,
  SelectList,
  SelectOption,
} from '@patternfly/react-core';
import { useMemo, useState } from 'react';
import { describeError } from '../../components/error-details';
import { NamespaceModel } from '../../k8s/models';
import { useK8sList } from '../../k8s/watch/use-k8s-list';
import { ALL_NAMESPACES } from '../../lib/routes';
import { useNamespaceChoice } from './use-namespace-choice';

const ALL_LABEL = 'All namespaces';

/** The masthead's namespace menu: "All namespaces" and the cluster's namespaces, live. */
export function NamespaceSelector() {
  const [choice, choose] = useNamespaceChoice();
  const [isOpen, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const { data, error, isLoading } = useK8sList(NamespaceModel);

  const names = useMemo(() => {
    const set = new Set((data ?? []).map((ns) => ns.metadata?.name).filter((n): n is string => Boolean(n)));
    if (choice !== ALL_NAMESPACES) set.add(choice);
    return [...set].sort();
  }, [data, choice]);
  const shown = filter ? names.filter((n) => n.includes(filter.toLowerCase())) : names;

  const close = () => {
    setOpen(false);
    setFilter('');
  };

  return (
    <Select
      id="namespace-selector"
      isOpen={isOpen}
      selected={choice}
      onSelect={(_e, value) => {
        if (typeof value === 'string') choose(value);
        close();
      }}
      onOpenChange={(open) => (open ? setOpen(true) : close())}
      shouldFocusToggleOnSelect
      isScrollable
      maxMenuHeight="60vh"
      toggle={(ref) => (
        <MenuToggle
          ref={ref}
          id="namespace-toggle"
          onClick={() => (isOpen ? close() : setOpen(true))}
          isExpanded={isOpen}
          className="kv-namespace-toggle"
        >
          <span className="kv-namespace-toggle__label">Namespace:</span>{' '}
          <strong>{choice === ALL_NAMESPACES ? ALL_LABEL : choice}</strong>
        </MenuToggle>
      )}
    >
      <MenuSearch>
        <MenuSearchInput>
          <TextInput
            type="search"
            aria-label="Filter namespaces"
            placeholder="Filter namespaces"
            value={filter}
            onChange={(_e, v) => setFilter(v)}
          />
        </MenuSearchInput>
      </MenuSearch>
      <Divider />
      <SelectList aria-label="Namespaces">
        <SelectOption value={ALL_NAMESPACES}>{ALL_LABEL}</SelectOption>
        <Divider component="li" />
        {shown.map((name) => (
          <SelectOption key={name} value={name}>
            {name}
          </SelectOption>
        ))}
        {isLoading && (
          <SelectOption isDisabled value="#loading#">
            Loading namespaces…
          </SelectOption>
        )}
        {error && (
          <SelectOption isDisabled value="#error#" description={describeError(error).message}>
            Cannot list namespaces
          </SelectOption>
        )}
        {!isLoading && !error && filter && shown.length === 0 && (
          <SelectOption isDisabled value="#none#">
            No namespace matches “{filter}”
          </SelectOption>
        )}
      </SelectList>
    </Select>
  );
}
