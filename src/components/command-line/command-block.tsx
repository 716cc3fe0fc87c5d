import { ClipboardCopy, ClipboardCopyButton, CodeBlock, CodeBlockAction, CodeBlockCode } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { lowerFirstWord } from '../../lib/text';

interface Props {
  /** The command line(s). */
  command: string;
  /** Names the command for assistive technology, e.g. "Serial console command". */
  label: string;
  /** Stable id of the text (the input for one line, the code block for several). */
  id: string;
}

/**
 * A command to copy: one line in a read-only ClipboardCopy, several in a CodeBlock with a copy
 * button. The copy button is named "Copy <label>".
 */
export function CommandBlock({ command, label, id }: Props) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return undefined;
    const t = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(t);
  }, [copied]);

  if (!command.includes('\n')) {
    return (
      <ClipboardCopy
        isReadOnly
        isCode
        hoverTip="Copy"
        clickTip="Copied"
        textAriaLabel={label}
        copyAriaLabel={`Copy ${lowerFirstWord(label)}`}
        inputId={id}
      >
        {command}
      </ClipboardCopy>
    );
  }
  const copy = () => {
    void navigator.clipboard?.writeText(command).then(() => setCopied(true));
  };
  return (
    <CodeBlock
      actions={
        <CodeBlockAction>
          <ClipboardCopyButton
            id={`${id}-copy`}
            textId={id}
            aria-label={`Copy ${lowerFirstWord(label)}`}
            onClick={copy}
            exitDelay={copied ? 1500 : 600}
            maxWidth="110px"
            variant="plain"
          >
            {copied ? 'Copied' : 'Copy'}
          </ClipboardCopyButton>
        </CodeBlockAction>
      }
    >
      <CodeBlockCode id={id} aria-label={label}>
        {command}
      </CodeBlockCode>
    </CodeBlock>
  );
}
