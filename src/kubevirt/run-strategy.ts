/** A VirtualMachine's run strategy, and what it does when its instance goes away. Pure. */
import type { V1VirtualMachine } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';

export type RunStrategy = 'Always' | 'Halted' | 'Manual' | 'RerunOnFailure' | 'Once';

const RUN_STRATEGIES: readonly string[] = ['Always', 'Halted', 'Manual', 'RerunOnFailure', 'Once'];

/** spec.runStrategy, else the deprecated spec.running (true: Always, false/absent: Halted). */
export function vmRunStrategy(vm: V1VirtualMachine | undefined): RunStrategy {
  const s = vm?.spec?.runStrategy;
  if (s && RUN_STRATEGIES.includes(s)) return s as RunStrategy;
  return vm?.spec?.running ? 'Always' : 'Halted';
}

/**
 * Whether the VM controller starts a new instance when the running one is deleted (KubeVirt's
 * syncRunStrategy): Always and Once do; RerunOnFailure (a deletion is no failure), Manual and
 * Halted leave the VM stopped.
 */
export const restartsWhenInstanceDeleted = (strategy: RunStrategy): boolean =>
  strategy === 'Always' || strategy === 'Once';
