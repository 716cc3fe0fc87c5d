import { describe, expect, it } from 'vitest';
import { parseYamlObject, toYamlText } from './yaml-text';

describe('parseYamlObject', () => {
  it('reads a mapping into an object', () => {
    const r = parseYamlObject('apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  labels: {app: x}\n');
    expect(r).toEqual({
      ok: true,
      object: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'a', labels: { app: 'x' } } },
    });
  });

  it('gives syntax errors with their line and column', () => {
    const r = parseYamlObject('metadata:\n  name: a\n   bad: [1, 2\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems[0].start?.line).toBeGreaterThanOrEqual(2);
  });

  it('refuses empty text, scalars, lists and several documents', () => {
    for (const text of ['', '# only a comment\n', 'just a string', '- a\n- b\n', 'a: 1\n---\nb: 2\n']) {
      const r = parseYamlObject(text);
      expect(r.ok, text).toBe(false);
    }
  });

  it('accepts a leading document marker', () => {
    expect(parseYamlObject('---\na: 1\n')).toEqual({ ok: true, object: { a: 1 } });
  });
});

describe('toYamlText', () => {
  it('round-trips an object without folding long strings', () => {
    const obj = { metadata: { annotations: { description: 'x'.repeat(200) } }, spec: { list: [1, 'two'] } };
    const text = toYamlText(obj);
    expect(text.split('\n').some((l) => l.includes('x'.repeat(200)))).toBe(true);
    expect(parseYamlObject(text)).toEqual({ ok: true, object: obj });
  });

  it('writes repeated objects in full, not as anchors', () => {
    const shared = { a: 1 };
    expect(toYamlText({ x: shared, y: shared })).not.toContain('&');
  });
});
