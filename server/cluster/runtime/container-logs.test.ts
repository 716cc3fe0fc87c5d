import { describe, expect, it } from 'vitest';
import { ContainerLogs, type LogLine } from './container-logs.js';

describe('ContainerLogs', () => {
  it('splits raw output into lines and keeps the unfinished one until its newline or the exit', () => {
    const logs = new ContainerLogs(() => 1);
    logs.write('p', 'c', 'one\ntw');
    expect(logs.lines('p', 'c').map((l) => l.text)).toEqual(['one']);
    logs.write('p', 'c', 'o\nthree');
    expect(logs.lines('p', 'c').map((l) => l.text)).toEqual(['one', 'two']);
    logs.end('p');
    expect(logs.lines('p', 'c').map((l) => l.text)).toEqual(['one', 'two', 'three']);
    logs.write('p', 'c', 'after the exit\n');
    expect(logs.lines('p', 'c')).toHaveLength(3);
  });

  it('drops the oldest lines beyond its size, as the kubelet rotates a container log', () => {
    const logs = new ContainerLogs(() => 1, 20);
    for (const t of ['aaaa', 'bbbb', 'cccc', 'dddd', 'eeee']) logs.writeLine('p', 'c', t);
    expect(logs.lines('p', 'c').map((l) => l.text)).toEqual(['bbbb', 'cccc', 'dddd', 'eeee']);
  });

  it('gives followers each new line, then null when the container exits; a pod forgotten has no lines', () => {
    const logs = new ContainerLogs(() => 1);
    const seen: (LogLine | null)[] = [];
    logs.follow('p', 'c', (l) => seen.push(l));
    logs.writeLine('p', 'c', 'x');
    logs.end('p');
    expect(seen).toEqual([{ time: 1, text: 'x' }, null]);
    logs.forget('p');
    expect(logs.lines('p', 'c')).toEqual([]);
  });
});
