import { Label, Menu, MenuContent, MenuItem, MenuList } from '@patternfly/react-core';
import { Fragment } from 'react';
import type { PaletteCommand } from './commands';

export const LISTBOX_ID = 'command-palette-listbox';
export const optionId = (index: number) => `command-palette-option-${index}`;

/** The label with the matched characters in bold. */
function Highlighted({ text, indexes }: { text: string; indexes?: readonly number[] }) {
  if (!indexes?.length) return <>{text}</>;
  const marked = new Set(indexes);
  return (
    <>
      {[...text].map((ch, i) => (
        <Fragment key={i}>{marked.has(i) ? <b className="kv-palette-match">{ch}</b> : ch}</Fragment>
      ))}
    </>
  );
}

/**
 * The palette's listbox (PatternFly's Menu with the listbox role): the focus stays in the
 * combobox, which points at the active option (aria-activedescendant); a click picks an option.
 */
export function PaletteList({
  commands,
  active,
  label,
  onPick,
  onHover,
}: {
  commands: readonly PaletteCommand[];
  active: number;
  label: string;
  onPick: (index: number) => void;
  onHover: (index: number) => void;
}) {
  return (
    <Menu role="listbox" isPlain isScrollable className="kv-palette-menu">
      <MenuContent maxMenuHeight="min(60vh, 32rem)">
        <MenuList id={LISTBOX_ID} aria-label={label}>
          {commands.map((c, i) => (
            <MenuItem
              key={c.id}
              id={optionId(i)}
              itemId={c.id}
              isFocused={i === active}
              isAriaDisabled={Boolean(c.disabledReason)}
              isDanger={c.danger && !c.disabledReason}
              description={c.disabledReason ?? c.description}
              onClick={() => onPick(i)}
              onMouseMove={() => i !== active && onHover(i)}
            >
              {c.badge && (
                <Label isCompact className="kv-palette-badge">
                  {c.badge}
                </Label>
              )}{' '}
              <Highlighted text={c.label} indexes={c.indexes} />
            </MenuItem>
          ))}
        </MenuList>
      </MenuContent>
    </Menu>
  );
}
