import { describe, expect, it } from 'vitest';
import { ruleAllows, rulesVerdict, type ResourceRule } from './rules-review';

const start = { group: 'subresources.kubevirt.io', resource: 'virtualmachines', subresource: 'start', verb: 'update' };
const del = { group: 'kubevirt.io', resource: 'virtualmachines', verb: 'delete', namespace: 'ns' };

describe('ruleAllows (RBAC rule matching)', () => {
  it('matches verbs, groups and resources, with * for each', () => {
    expect(ruleAllows({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, del)).toBe(true);
    expect(ruleAllows({ verbs: ['delete'], apiGroups: ['kubevirt.io'], resources: ['virtualmachines'] }, del)).toBe(
      true,
    );
    expect(ruleAllows({ verbs: ['get'], apiGroups: ['kubevirt.io'], resources: ['virtualmachines'] }, del)).toBe(false);
    expect(ruleAllows({ verbs: ['delete'], apiGroups: [''], resources: ['virtualmachines'] }, del)).toBe(false);
    expect(ruleAllows({ verbs: ['delete'], resources: ['virtualmachines'] }, del)).toBe(false);
    expect(ruleAllows({ verbs: ['delete'], apiGroups: ['kubevirt.io'] }, del)).toBe(false);
  });

  it('matches a subresource only as resource/subresource, */subresource or *', () => {
    const rule = (resources: string[]): ResourceRule => ({ verbs: ['update'], apiGroups: ['*'], resources });
    expect(ruleAllows(rule(['virtualmachines/start']), start)).toBe(true);
    expect(ruleAllows(rule(['*/start']), start)).toBe(true);
    expect(ruleAllows(rule(['*']), start)).toBe(true);
    expect(ruleAllows(rule(['virtualmachines']), start)).toBe(false);
    expect(ruleAllows(rule(['virtualmachines/stop']), start)).toBe(false);
    expect(ruleAllows(rule(['*/start']), { ...start, subresource: undefined })).toBe(false);
  });

  it('limits a rule with resourceNames to those names (none asked: not allowed)', () => {
    const rule: ResourceRule = {
      verbs: ['delete'],
      apiGroups: ['kubevirt.io'],
      resources: ['virtualmachines'],
      resourceNames: ['a'],
    };
    expect(ruleAllows(rule, { ...del, name: 'a' })).toBe(true);
    expect(ruleAllows(rule, { ...del, name: 'b' })).toBe(false);
    expect(ruleAllows(rule, del)).toBe(false);
  });
});

describe('rulesVerdict', () => {
  const rules: ResourceRule[] = [
    { verbs: ['get', 'list'], apiGroups: ['kubevirt.io'], resources: ['virtualmachines'] },
  ];
  it('allows what a rule allows, denies the rest when the rules are complete', () => {
    expect(rulesVerdict({ resourceRules: rules, incomplete: false }, { ...del, verb: 'list' })).toBe(true);
    expect(rulesVerdict({ resourceRules: rules, incomplete: false }, del)).toBe(false);
    expect(rulesVerdict({ resourceRules: null, incomplete: false }, del)).toBe(false);
  });
  it('leaves the rest to an access review when the rules are incomplete or their evaluation failed', () => {
    expect(rulesVerdict({ resourceRules: rules, incomplete: true }, { ...del, verb: 'get' })).toBe(true);
    expect(rulesVerdict({ resourceRules: rules, incomplete: true }, del)).toBeUndefined();
    expect(rulesVerdict({ resourceRules: rules, evaluationError: 'role "x" not found' }, del)).toBeUndefined();
  });
});
