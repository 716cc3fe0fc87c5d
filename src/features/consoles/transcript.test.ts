import { describe, expect, it } from 'vitest';
import { appendCapped, fileTimestamp, screenshotFileName, terminalText, transcriptFileName } from './transcript';

describe('download names', () => {
  const at = new Date(2026, 10, 4, 9, 5, 7);

  it('stamps local date and time, sortable', () => {
    expect(fileTimestamp(at)).toBe('20261104-090507');
  });

  it('names the namespace, the VM and the kind', () => {
    expect(transcriptFileName('demo', 'cirros', at)).toBe('demo-cirros-serial-20261104-090507.txt');
    expect(screenshotFileName('demo', 'cirros', at)).toBe('demo-cirros-screen-20261104-090507.png');
  });

  it('replaces characters file systems dislike', () => {
    expect(transcriptFileName('a/b', 'c d:e', at)).toBe('a_b-c_d_e-serial-20261104-090507.txt');
  });
});

describe('terminalText', () => {
  it('drops colour and cursor escapes and turns CRLF into LF', () => {
    expect(terminalText('[  \x1b[0;32m OK \x1b[0m  ] Started\r\nlogin: \x1b[2J\x1b[H')).toBe(
      '[   OK   ] Started\nlogin:',
    );
  });

  it('applies backspaces as the screen shows them', () => {
    expect(terminalText('$ hostnamx\b \be\r\n')).toBe('$ hostname');
  });

  it('overwrites from the line start after a lone CR', () => {
    expect(terminalText('progress 10%\rprogress 99%\n')).toBe('progress 99%');
  });

  it('drops OSC titles and bells', () => {
    expect(terminalText('\x1b]0;title\x07a\x07b')).toBe('ab');
  });
});

describe('appendCapped', () => {
  it('keeps the newest characters', () => {
    expect(appendCapped('abc', 'def', 4)).toBe('cdef');
    expect(appendCapped('ab', 'c', 4)).toBe('abc');
  });
});
