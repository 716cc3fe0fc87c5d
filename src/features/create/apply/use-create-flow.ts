import { useCallback, useState } from 'react';
import { createInOrder, type ObjectResult } from './create-objects';
import type { ParsedDocument } from './parse-manifests';
import { useCreateDeps } from './use-create-deps';

export type CreateStep = 'idle' | 'dry-run' | 'create' | 'after' | 'done';

export interface CreateFlowState {
  step: CreateStep;
  /** What is being sent now, e.g. "VirtualMachine demo/fedora". */
  current?: string;
}

export type CreateOutcome =
  | { ok: true; results: ObjectResult[] }
  /** `stage` says whether anything was stored: nothing after a failed dry run. */
  | { ok: false; stage: 'dry-run' | 'create' | 'after'; failure: ObjectResult; results: ObjectResult[] };

export const STEP_TEXT: Record<CreateStep, string> = {
  idle: '',
  'dry-run': 'Checking with the server (dry run)',
  create: 'Creating',
  after: 'Starting',
  done: 'Created',
};

/**
 * Dry run of every object, then the real creates in order, then an optional follow-up (start a
 * Manual VM). Nothing is stored unless every dry run passes.
 */
export function useCreateFlow() {
  const deps = useCreateDeps();
  const [state, setState] = useState<CreateFlowState>({ step: 'idle' });

  const run = useCallback(
    async (
      docs: ParsedDocument[],
      defaultNamespace: string | undefined,
      after?: (results: ObjectResult[]) => Promise<void>,
    ): Promise<CreateOutcome> => {
      setState({ step: 'dry-run' });
      const dry = await createInOrder(docs, deps, { defaultNamespace, dryRun: true, stopOnError: true });
      const dryFailure = dry.find((r) => r.status === 'error');
      if (dryFailure) {
        setState({ step: 'idle' });
        return { ok: false, stage: 'dry-run', failure: dryFailure, results: dry };
      }
      setState({ step: 'create', current: dry[0]?.label });
      const results = await createInOrder(docs, deps, {
        defaultNamespace,
        stopOnError: true,
        onResult: (r) => setState({ step: 'create', current: r.label }),
      });
      const failure = results.find((r) => r.status === 'error');
      if (failure) {
        setState({ step: 'idle' });
        return { ok: false, stage: 'create', failure, results };
      }
      if (after) {
        setState({ step: 'after' });
        try {
          await after(results);
        } catch (e) {
          setState({ step: 'idle' });
          const message = e instanceof Error ? e.message : String(e);
          return {
            ok: false,
            stage: 'after',
            failure: { position: 0, label: results[0]?.label ?? '', status: 'error', message, error: e },
            results,
          };
        }
      }
      setState({ step: 'done' });
      return { ok: true, results };
    },
    [deps],
  );

  return { state, run, busy: state.step !== 'idle' && state.step !== 'done' };
}
