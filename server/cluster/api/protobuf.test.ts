import { describe, expect, it } from 'vitest';
import { isStatusError } from '../store/index.js';
import { decodeProtobufObject } from './protobuf.js';

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);
const field = (n: number, b: Buffer) => Buffer.concat([Buffer.from([(n << 3) | 2, b.length]), b]);
const unknown = (apiVersion: string, kind: string, raw: Buffer) =>
  Buffer.concat([
    MAGIC,
    field(1, Buffer.concat([field(1, Buffer.from(apiVersion)), field(2, Buffer.from(kind))])),
    field(2, raw),
  ]);
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isStatusError(e) ? e.status.code : -1;
  }
  return 0;
};

describe('decodeProtobufObject', () => {
  it('decodes a served kind with its metadata', () => {
    const meta = field(1, Buffer.concat([field(1, Buffer.from('cm1')), field(3, Buffer.from('ns1'))]));
    const data = field(2, Buffer.concat([field(1, Buffer.from('k')), field(2, Buffer.from('v'))]));
    expect(decodeProtobufObject(unknown('v1', 'ConfigMap', Buffer.concat([meta, data])))).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cm1', namespace: 'ns1' },
      data: { k: 'v' },
    });
  });
  it('answers 415 for kinds it does not serve and 400 for broken bodies', () => {
    expect(code(() => decodeProtobufObject(unknown('batch/v1', 'Job', Buffer.alloc(0))))).toBe(415);
    expect(code(() => decodeProtobufObject(unknown('v1', 'ObjectMeta', Buffer.alloc(0))))).toBe(415);
    expect(code(() => decodeProtobufObject(unknown('v1', 'Pod', Buffer.from([0x0a, 0x7f, 0x01]))))).toBe(400);
    expect(code(() => decodeProtobufObject(Buffer.from('not protobuf')))).toBe(400);
  });
});
