import { useSearchParams } from 'react-router';
import type { ConsoleTabProps } from '../../components/console-slots';
import { ConsoleView } from './console-view';
import { consoleKindOf } from './paths';

/** The Console tab of a VM's or VMI's details; the console type is in the URL (?type=serial). */
export function ConsoleTab({ namespace, name, owner = 'virtualmachines' }: ConsoleTabProps) {
  const [params, setParams] = useSearchParams();
  const kind = consoleKindOf(params.get('type'));
  return (
    <ConsoleView
      owner={owner}
      namespace={namespace}
      name={name}
      kind={kind}
      onKindChange={(k) =>
        setParams(
          (p) => {
            const next = new URLSearchParams(p);
            next.set('type', k);
            return next;
          },
          { replace: true },
        )
      }
      showOpenInNewTab
    />
  );
}
