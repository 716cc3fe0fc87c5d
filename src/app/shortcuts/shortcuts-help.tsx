import { Modal, ModalBody, ModalHeader } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Fragment } from 'react';
import { OTHER_KEYS, SHORTCUTS, type KeyHelp } from '../../lib/shortcut-list';
import './shortcuts.css';

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** One row's keys: each key a <kbd>, "then" between the keys of a sequence. */
function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <>
      {keys.map((k, i) => (
        <Fragment key={i}>
          {i > 0 && <span className="kv-keys-then"> then </span>}
          <kbd className="kv-kbd">{k === 'Ctrl+K' && isMac() ? '⌘K' : k}</kbd>
        </Fragment>
      ))}
    </>
  );
}

const rows = (entries: readonly KeyHelp[]) =>
  entries.map((s) => (
    <Tr key={s.keys.join(' ')}>
      <Td dataLabel="Keys">
        <Keys keys={s.keys} />
      </Td>
      <Td dataLabel="Action">{s.description}</Td>
    </Tr>
  ));

/** The shortcuts' list (`?`): a dialog, closed with Escape or its close button. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <Modal
      id="keyboard-shortcuts"
      variant="small"
      isOpen
      onClose={onClose}
      aria-labelledby="keyboard-shortcuts-title"
      aria-describedby="keyboard-shortcuts-intro"
    >
      <ModalHeader title="Keyboard shortcuts" labelId="keyboard-shortcuts-title" />
      <ModalBody>
        <p id="keyboard-shortcuts-intro" className="kv-shortcuts-intro">
          Shortcuts do nothing while you type in a field or in a console, where every key goes to the guest.
        </p>
        <Table aria-label="Keyboard shortcuts" variant="compact" borders={false} className="kv-shortcuts-table">
          <Thead>
            <Tr>
              <Th>Keys</Th>
              <Th>Action</Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows(SHORTCUTS)}
            {rows(OTHER_KEYS)}
          </Tbody>
        </Table>
      </ModalBody>
    </Modal>
  );
}
