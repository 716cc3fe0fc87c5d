/** Objects and helpers for the tests that drive a store directly (store, controllers, runtime). */
import { isStatusError, type KObject } from '../../server/cluster/store/index.js';

/** A Halted VirtualMachine in `default`, labelled app=<name>; `extra` replaces top-level fields. */
export const haltedVm = (name: string, extra: Partial<KObject> = {}): KObject => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name, namespace: 'default', labels: { app: name } },
  spec: { runStrategy: 'Halted', template: { spec: {} } },
  ...extra,
});

/** The Status a store call throws (fails when it throws something else or nothing). */
export function statusOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (isStatusError(e)) return e.status;
    throw e;
  }
  throw new Error('expected a StatusError');
}

/** Lets the callbacks queued so far run (watch events, informer handlers). */
export const tick = () => new Promise((r) => setImmediate(r));
