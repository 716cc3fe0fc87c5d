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
import { useOpenAfterMount } from '../../components/lazy-popups/use-open-after-mount';
import { describeError } from '../../components/error-details';
import { ALL_NAMESPACES } from '../../lib/routes';
import { ALL_LABEL, NamespaceToggleContent, type NamespaceMenuProps } from './namespace-selector';

/**
 * The namespace selector's menu (its own chunk, loaded on the toggle's first click): it mounts open,
 * its toggle taking the focus from the placeholder the user pressed.
 */
export function NamespaceMenu({ choice, choose, data, error, isLoading }: NamespaceMenuProps) {
  const [wanted, setOpen] = useState(true);
  const isOpen = useOpenAfterMount() && wanted;
  const [filter, setFilter] = useState('');

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
      // The toggle sits at the masthead's right end: the menu opens leftwards from its right edge,
      // and a long item (the server's reason it cannot list) wraps instead of widening it.
      popperProps={{ position: 'end', maxWidth: 'min(36rem, calc(100vw - 2rem))' }}
      toggle={(ref) => (
        <MenuToggle
          ref={ref}
          id="namespace-toggle"
          onClick={() => (isOpen ? close() : setOpen(true))}
          isExpanded={isOpen}
          className="kv-namespace-toggle"
          autoFocus
        >
          <NamespaceToggleContent choice={choice} />
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
