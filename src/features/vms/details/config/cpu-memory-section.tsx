import { Alert, FormGroup, Grid, GridItem, TextInput } from '@patternfly/react-core';
import { useState } from 'react';
import { FieldHelper, fieldProps } from '../../../../components/form/field-helper';
import type { Assignment } from '../../../../kubevirt/vm-edit';
import { vmCpu, vmMemory, vmTemplateSpec, type VM } from '../../../../kubevirt/vm-selectors';
import type { VMI } from '../../../../kubevirt/vmi-selectors';
import { formatBytes, parseQuantity } from '../../../../lib/quantity';
import { ConfigItem, ConfigList, ConfigSection } from './config-section';
import { EditModal } from './edit-modal';

const DOMAIN = ['spec', 'template', 'spec', 'domain'];

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2 sockets, 1 core, 1 thread". */
export const topologyText = (t: { sockets?: number; cores?: number; threads?: number }): string =>
  `${count(t.sockets ?? 1, 'socket')}, ${count(t.cores ?? 1, 'core')}, ${count(t.threads ?? 1, 'thread')}`;

/** What the running VMI has: its CPU topology (currentCPUTopology once hot-plugged) and guest memory. */
export function runningSize(vmi: VMI | undefined): { cpu?: string; memory?: string } {
  if (!vmi) return {};
  const topo = vmi.status?.currentCPUTopology ?? vmi.spec?.domain?.cpu;
  const cpu = topo ? topologyText(topo) : undefined;
  const current = vmi.status?.memory?.guestCurrent ?? vmi.spec?.domain?.memory?.guest;
  const requested = (vmi.spec?.domain?.resources?.requests as Record<string, string> | undefined)?.memory;
  const bytes = parseQuantity(current ?? requested);
  return { cpu, memory: bytes === undefined ? undefined : formatBytes(bytes) };
}

const positiveInt = (v: string): string | undefined =>
  /^[1-9]\d{0,3}$/.test(v.trim()) ? undefined : 'A whole number from 1 to 9999';

function CpuMemoryModal({ vm, running, onClose }: { vm: VM; running: boolean; onClose: () => void }) {
  const cpu = vmCpu(vm);
  const [sockets, setSockets] = useState(String(cpu?.sockets ?? 1));
  const [cores, setCores] = useState(String(cpu?.cores ?? 1));
  const [threads, setThreads] = useState(String(cpu?.threads ?? 1));
  const [memory, setMemory] = useState(vmMemory(vm) ?? '');
  const memoryError = parseQuantity(memory) && parseQuantity(memory)! > 0 ? undefined : 'A quantity such as 2Gi';
  const errors = { sockets: positiveInt(sockets), cores: positiveInt(cores), threads: positiveInt(threads) };
  const build = (base: VM): Assignment[] | string => {
    if (errors.sockets || errors.cores || errors.threads || memoryError) return 'Correct the marked fields first.';
    const domain = vmTemplateSpec(base)?.domain;
    const memPath = domain?.memory?.guest || !domain?.resources?.requests?.memory ? ['memory', 'guest'] : null;
    const out: Assignment[] = [
      { path: [...DOMAIN, 'cpu', 'sockets'], value: Number(sockets) },
      { path: [...DOMAIN, 'cpu', 'cores'], value: Number(cores) },
      { path: [...DOMAIN, 'cpu', 'threads'], value: Number(threads) },
    ];
    out.push({ path: [...DOMAIN, ...(memPath ?? ['resources', 'requests', 'memory'])], value: memory.trim() });
    return out;
  };
  const field = (id: string, label: string, value: string, set: (v: string) => void, error?: string) => (
    <GridItem span={4}>
      <FormGroup label={label} fieldId={`config-cpu-${id}`} isRequired>
        <TextInput
          id={`config-cpu-${id}`}
          type="number"
          min={1}
          value={value}
          onChange={(_e, v) => set(v)}
          {...fieldProps(`config-cpu-${id}`, error)}
        />
        <FieldHelper fieldId={`config-cpu-${id}`} error={error} />
      </FormGroup>
    </GridItem>
  );
  return (
    <EditModal id="cpu" title="Edit CPU and memory" vm={vm} build={build} onClose={onClose}>
      {running && (
        <Alert variant="info" isInline title="The virtual machine is running" id="config-cpu-live-note">
          With the LiveUpdate rollout strategy, more sockets (up to the maximum sockets) and more memory (up to the
          maximum guest memory) are hot-plugged into the running guest. Cores, threads and anything beyond the maximums
          take effect at the next restart.
        </Alert>
      )}
      <Grid hasGutter>
        {field('sockets', 'Sockets', sockets, setSockets, errors.sockets)}
        {field('cores', 'Cores', cores, setCores, errors.cores)}
        {field('threads', 'Threads', threads, setThreads, errors.threads)}
      </Grid>
      <FormGroup label="Memory" fieldId="config-memory" isRequired>
        <TextInput
          id="config-memory"
          value={memory}
          onChange={(_e, v) => setMemory(v)}
          {...fieldProps('config-memory', memoryError)}
        />
        <FieldHelper fieldId="config-memory" error={memoryError} hint="A quantity: 512Mi, 2Gi." />
      </FormGroup>
    </EditModal>
  );
}

/** CPU topology and memory, as the VM says and as the running VMI has them. */
export function CpuMemorySection({ vm, vmi, readOnly }: { vm: VM; vmi?: VMI; readOnly?: string }) {
  const [open, setOpen] = useState(false);
  const cpu = vmCpu(vm);
  const memory = vmMemory(vm);
  const domain = vmTemplateSpec(vm)?.domain;
  const live = runningSize(vmi);
  return (
    <ConfigSection id="cpu" title="CPU and memory" onEdit={() => setOpen(true)} editDisabledReason={readOnly}>
      <ConfigList label="CPU and memory">
        <ConfigItem term="CPU" id="config-cpu-value">
          {cpu ? `${cpu.vcpus} vCPU (${topologyText(cpu)})` : '-'}
        </ConfigItem>
        <ConfigItem term="Memory" id="config-memory-value">
          {memory ?? '-'}
        </ConfigItem>
        {(domain?.cpu?.maxSockets || domain?.memory?.maxGuest) && (
          <ConfigItem term="Hot-plug headroom" id="config-headroom">
            {[
              domain?.cpu?.maxSockets && `up to ${domain.cpu.maxSockets} sockets`,
              domain?.memory?.maxGuest && `up to ${domain.memory.maxGuest}`,
            ]
              .filter(Boolean)
              .join(', ')}
          </ConfigItem>
        )}
        {vmi && (
          <ConfigItem term="Running with" id="config-running-size">
            {[live.cpu, live.memory].filter(Boolean).join('; ') || '-'}
          </ConfigItem>
        )}
      </ConfigList>
      {open && <CpuMemoryModal vm={vm} running={Boolean(vmi)} onClose={() => setOpen(false)} />}
    </ConfigSection>
  );
}
