import { Title } from '@patternfly/react-core';
import { useParams, useSearchParams } from 'react-router';
import { ConsoleView } from './console-view';
import { consoleKindOf, type ConsoleOwner } from './paths';
import './consoles.css';

function StandaloneConsole({ owner }: { owner: ConsoleOwner }) {
  const { ns = '', name = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const kind = consoleKindOf(params.get('type'));
  const what = owner === 'virtualmachines' ? 'VirtualMachine' : 'VirtualMachineInstance';
  return (
    <main className="kv-standalone-console" aria-label={`Console of ${what} ${name}`}>
      <Title headingLevel="h1" size="lg">
        {name} <span className="pf-v6-u-text-color-subtle">({what} in {ns})</span>
      </Title>
      <div className="kv-standalone-console__body">
        <ConsoleView
          owner={owner}
          namespace={ns}
          name={name}
          kind={kind}
          onKindChange={(k) => setParams({ type: k }, { replace: true })}
          fill
        />
      </div>
    </main>
  );
}

/** /k8s/ns/:ns/virtualmachines/:name/console/standalone?type=vnc|serial — the console alone, full window. */
export const StandaloneVmConsolePage = () => <StandaloneConsole owner="virtualmachines" />;

/** /k8s/ns/:ns/virtualmachineinstances/:name/console/standalone?type=vnc|serial */
export const StandaloneVmiConsolePage = () => <StandaloneConsole owner="virtualmachineinstances" />;
