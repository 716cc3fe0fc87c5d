import { Title } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ConsoleView } from './console-view';
import { HANDOVER_PARAM } from './handover';
import { consoleKindOf, type ConsoleOwner } from './paths';
import './consoles.css';

function StandaloneConsole({ owner }: { owner: ConsoleOwner }) {
  const { ns = '', name = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const kind = consoleKindOf(params.get('type'));
  // Opened by "Open in new tab" of a connected console: claim its session, once (a reload or a
  // switch of console type connects as usual).
  const [claimToken, setClaimToken] = useState(() => params.get(HANDOVER_PARAM) ?? undefined);
  useEffect(() => {
    if (!params.has(HANDOVER_PARAM)) return;
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.delete(HANDOVER_PARAM);
        return next;
      },
      { replace: true },
    );
  }, [params, setParams]);
  const what = owner === 'virtualmachines' ? 'VirtualMachine' : 'VirtualMachineInstance';
  return (
    <main className="kv-standalone-console" aria-label={`Console of ${what} ${name}`}>
      <Title headingLevel="h1" size="lg">
        {name}{' '}
        <span className="pf-v6-u-text-color-subtle">
          ({what} in {ns})
        </span>
      </Title>
      <div className="kv-standalone-console__body">
        <ConsoleView
          owner={owner}
          namespace={ns}
          name={name}
          kind={kind}
          onKindChange={(k) => {
            setClaimToken(undefined);
            setParams({ type: k }, { replace: true });
          }}
          claimToken={claimToken}
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
