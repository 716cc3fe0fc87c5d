import { describe, expect, it } from 'vitest';
import { FlagError, readFlags } from './flags.js';

describe('server flags', () => {
  it('defaults to port 8080 on 127.0.0.1 with the embedded cluster', () => {
    const flags = readFlags([], {});
    expect(flags).toMatchObject({ port: 8080, host: '127.0.0.1', kubeconfig: undefined, seed: 'default', speed: 1 });
  });
  it('takes PORT from the environment and --port over it', () => {
    expect(readFlags([], { PORT: '9000' }).port).toBe(9000);
    expect(readFlags(['--port', '9001'], { PORT: '9000' }).port).toBe(9001);
    expect(readFlags(['--port=9002', '--host', '0.0.0.0'], {})).toMatchObject({ port: 9002, host: '0.0.0.0' });
  });
  it('refuses unknown flags and bad values with a message', () => {
    expect(() => readFlags(['--prot', '1'], {})).toThrow(FlagError);
    expect(() => readFlags(['--port', 'abc'], {})).toThrow(/port number/);
    expect(() => readFlags(['--speed', '0'], {})).toThrow(/positive/);
    expect(() => readFlags(['--seed'], {})).toThrow(/needs a value/);
  });
});
