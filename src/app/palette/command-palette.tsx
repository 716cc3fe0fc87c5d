import {
  AlertGroup,
  HelperText,
  HelperTextItem,
  Label,
  Modal,
  ModalBody,
  Spinner,
  TextInputGroup,
  TextInputGroupMain,
} from '@patternfly/react-core';
import { SearchIcon } from '@patternfly/react-icons/dist/esm/icons/search-icon';
import fuzzysort from 'fuzzysort';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { ActionFailureToast } from '../../components/action-failure-toast';
import { describeError } from '../../components/error-details';
import { targetKey, type PaletteTarget } from '../../lib/palette-match';
import type { VM } from '../../kubevirt/vm-selectors';
import { actionFailureTitle, useVmActionRunner } from '../../features/vms/actions/use-vm-action-runner';
import type { VmAction } from '../../features/vms/actions/vm-actions';
import { PaletteDialogs, type PaletteDialog } from './palette-dialogs';
import { LISTBOX_ID, optionId, PaletteList } from './palette-list';
import { readRecent, rememberRecent } from './recent';
import { searchCommands, targetPath } from './search-commands';
import { usePaletteTargets } from './use-palette-targets';
import { useVmCommands, type VmCommandHandlers } from './use-vm-commands';
import './command-palette.css';

export interface CommandPaletteProps {
  isOpen: boolean;
  /** `dialog`: an action's dialog takes the palette's place (it gives the focus back itself). */
  onClose: (keepFocusFor?: 'dialog') => void;
  /** The dialog an action opened has closed. */
  onDialogClosed: () => void;
  /** The namespace the page shows (searched alone when the user may not list every namespace). */
  namespace?: string;
}

const INPUT_ID = 'command-palette-input';
const LABEL_ID = 'command-palette-label';

interface Failure {
  id: number;
  title: string;
  error: unknown;
}

/**
 * The command palette (Ctrl+K / Cmd+K): a dialog with a combobox (ARIA 1.2) over a listbox. It
 * finds VMs, VMIs, Services and namespaces by name in every namespace, from the lists the app
 * watches; picking a VM lists what can be done to it, with the menus' rules and reasons.
 */
export function CommandPalette({ isOpen, onClose, onDialogClosed, namespace }: CommandPaletteProps) {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [vmKey, setVmKey] = useState<string>();
  const [active, setActive] = useState(0);
  const [recent, setRecent] = useState(readRecent);
  const [dialog, setDialog] = useState<PaletteDialog>();
  const [failures, setFailures] = useState<Failure[]>([]);
  const [wasOpen, setWasOpen] = useState(isOpen);
  if (wasOpen !== isOpen) {
    setWasOpen(isOpen);
    if (isOpen) {
      setQuery('');
      setVmKey(undefined);
      setActive(0);
      setRecent(readRecent());
    }
  }

  const data = usePaletteTargets(isOpen, namespace);
  const vm = vmKey ? data.vms.get(vmKey) : undefined;
  const vmi = vmKey ? data.vmis.get(vmKey) : undefined;
  const { run } = useVmActionRunner();

  const handlers = useMemo<VmCommandHandlers>(
    () => ({
      go: (path) => {
        onClose();
        navigate(path);
      },
      run: (action: VmAction, target: VM) => {
        onClose();
        run(action, target, { silent: true }).catch((error: unknown) =>
          setFailures((f) => [...f, { id: Date.now(), title: actionFailureTitle({ action, vm: target }), error }]),
        );
      },
      dialog: (action: VmAction, target: VM) => {
        setDialog({ action, vm: target, vmi: data.vmis.get(vmKey ?? '') });
        onClose('dialog');
      },
    }),
    [onClose, navigate, run, data.vmis, vmKey],
  );
  const vmCommands = useVmCommands(vm, vmi, handlers);

  const commands = useMemo(() => {
    if (vmKey) {
      const q = query.trim();
      if (!q) return vmCommands;
      return fuzzysort.go(q, vmCommands, { key: 'label', threshold: 0 }).map((r) => ({ ...r.obj, indexes: r.indexes }));
    }
    const pick = (t: PaletteTarget) => {
      rememberRecent(targetKey(t));
      if (t.kind === 'vm') {
        setVmKey(`${t.namespace}/${t.name}`);
        setQuery('');
        setActive(0);
      } else handlers.go(targetPath(t));
    };
    return searchCommands(query, data.prepared, recent, pick);
  }, [vmKey, vmCommands, query, data.prepared, recent, handlers]);

  const current = Math.min(active, Math.max(0, commands.length - 1));
  useEffect(() => {
    document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  }, [current, commands]);

  const pickAt = (i: number) => {
    const c = commands[i];
    if (c && !c.disabledReason) c.run();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = commands.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (n) setActive((current + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pickAt(current);
    } else if (e.key === 'Backspace' && vmKey && !query) {
      e.preventDefault();
      setVmKey(undefined);
      setActive(0);
    }
  };

  const vmName = vmKey?.slice(vmKey.indexOf('/') + 1);
  const listLabel = vmKey ? `Actions for ${vmName}` : 'Virtual machines, instances, services and namespaces';
  const count = `${commands.length} ${vmKey ? (commands.length === 1 ? 'action' : 'actions') : commands.length === 1 ? 'result' : 'results'}`;
  const loading = !vmKey && data.isLoading;

  return (
    <>
      <Modal
        id="command-palette"
        className="kv-palette"
        variant="medium"
        position="top"
        isOpen={isOpen}
        onClose={() => onClose()}
        aria-labelledby={LABEL_ID}
        elementToFocus={`#${INPUT_ID}`}
      >
        <ModalBody>
          <label id={LABEL_ID} htmlFor={INPUT_ID} className="kv-palette-label">
            {vmKey
              ? `What to do with virtual machine ${vmName}`
              : 'Go to a virtual machine, instance, service or namespace'}
          </label>
          {vmKey && (
            <Label
              className="kv-palette-scope"
              onClose={() => {
                setVmKey(undefined);
                setActive(0);
                document.getElementById(INPUT_ID)?.focus();
              }}
              closeBtnAriaLabel="Back to the search"
            >
              {vmKey}
            </Label>
          )}
          <TextInputGroup>
            <TextInputGroupMain
              inputId={INPUT_ID}
              icon={<SearchIcon />}
              role="combobox"
              isExpanded={commands.length > 0}
              aria-controls={LISTBOX_ID}
              aria-activedescendant={commands.length ? optionId(current) : undefined}
              inputProps={{
                'aria-labelledby': LABEL_ID,
                'aria-autocomplete': 'list',
                autoComplete: 'off',
                spellCheck: false,
              }}
              placeholder={vmKey ? 'Filter actions' : 'Type a name: vm, instance, service, namespace'}
              value={query}
              onChange={(_e, v) => {
                setQuery(v);
                setActive(0);
              }}
              onKeyDown={onKeyDown}
            />
          </TextInputGroup>
          <div className="pf-v6-screen-reader" role="status" aria-live="polite">
            {loading ? 'Loading' : count}
          </div>
          {loading && (
            <HelperText className="kv-palette-note">
              <HelperTextItem icon={<Spinner size="sm" aria-hidden="true" />}>
                Loading the cluster&apos;s objects…
              </HelperTextItem>
            </HelperText>
          )}
          {!vmKey && data.error && (
            <HelperText className="kv-palette-note">
              <HelperTextItem variant="warning">
                Some objects could not be listed: {describeError(data.error).message}
              </HelperTextItem>
            </HelperText>
          )}
          {vmKey && !vm && !data.isLoading && (
            <HelperText className="kv-palette-note">
              <HelperTextItem variant="warning">The virtual machine {vmKey} no longer exists.</HelperTextItem>
            </HelperText>
          )}
          {commands.length === 0 && query.trim() && !loading && (
            <HelperText className="kv-palette-note">
              <HelperTextItem>Nothing matches “{query.trim()}”.</HelperTextItem>
            </HelperText>
          )}
          <PaletteList commands={commands} active={current} label={listLabel} onPick={pickAt} onHover={setActive} />
          <p className="kv-palette-hint" aria-hidden="true">
            ↑↓ to move · Enter to {vmKey ? 'run' : 'open'} · {vmKey ? 'Backspace to go back · ' : ''}Esc to close
          </p>
        </ModalBody>
      </Modal>
      <PaletteDialogs
        dialog={dialog}
        onClose={() => {
          setDialog(undefined);
          onDialogClosed();
        }}
      />
      <AlertGroup isToast isLiveRegion aria-label="Command palette action failures">
        {failures.map((f) => (
          <ActionFailureToast
            key={f.id}
            title={f.title}
            error={f.error}
            onDismiss={() => setFailures((all) => all.filter((x) => x !== f))}
          />
        ))}
      </AlertGroup>
    </>
  );
}
