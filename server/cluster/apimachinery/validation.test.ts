/**
 * k8s.io/apimachinery/pkg/util/validation's rules, with the cases of its validation_test.go
 * (TestIsDNS1123Label, TestIsDNS1123Subdomain, TestIsDNS1035Label, TestIsQualifiedName,
 * TestIsValidLabelValue) and kube-apiserver's exact messages.
 */
import { describe, expect, it } from 'vitest';
import {
  isDns1035Label,
  isDns1123Label,
  isDns1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  validateName,
} from './validation.js';

const a = (n: number) => 'a'.repeat(n);

const LABEL_GOOD = ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', a(63)];
const LABEL_BAD = [
  ...['', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1'],
  ...['_', 'a_', '_a', 'a_b', '1_', '_1', '1_2', '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2'],
  ...[' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', 'a\n', a(64)],
];
const SUBDOMAIN_GOOD = [
  ...LABEL_GOOD.filter((v) => v.length < 63),
  ...['a.a', 'ab.a', 'abc.a', 'a1.a', 'a-1.a', 'a--1--2--b.a', 'a.1', 'a--1--2--b.1', '0.a', '01.a', '1-a.a'],
  ...['0.1', '1--a--b--2.1', 'a.b.c.d.e', 'aa.bb.cc.dd.ee', '1.2.3.4.5', '11.22.33.44.55', a(253)],
];
const SUBDOMAIN_BAD = [
  ...['', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1'],
  ...['_', 'a_', '_a', 'a_b', '1_', '_1', '1_2', '.', 'a.', '.a', 'a..b', '1.', '.1', '1..2'],
  ...[' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', 'A.a', 'aB.a', 'ab.A', 'A1.a', 'a1.A', 'A.1', '1A.1'],
  ...['A.B.C.D.E', 'a.B.c.d.e', 'a@b', 'a,b', 'a;b', 'a:b', 'a%b', 'a?b', 'a$b', a(254)],
];

describe('DNS-1123 and DNS-1035 names', () => {
  it.each(LABEL_GOOD)('%j is a DNS-1123 label', (v) => expect(isDns1123Label(v)).toEqual([]));
  it.each(LABEL_BAD)('%j is not a DNS-1123 label', (v) => expect(isDns1123Label(v)).not.toEqual([]));
  it.each(SUBDOMAIN_GOOD)('%j is a DNS-1123 subdomain', (v) => expect(isDns1123Subdomain(v)).toEqual([]));
  it.each(SUBDOMAIN_BAD)('%j is not a DNS-1123 subdomain', (v) => expect(isDns1123Subdomain(v)).not.toEqual([]));

  it('DNS-1035 labels start with a letter', () => {
    for (const v of ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', a(63)]) expect(isDns1035Label(v)).toEqual([]);
    for (const v of ['0', '01', '1a', '1-a', '', 'A', 'a-', '-a', 'a.b', 'a_b', 'a b', a(64)])
      expect(isDns1035Label(v)).not.toEqual([]);
  });

  it('says what kube-apiserver says', () => {
    expect(isDns1123Label('Bad')).toEqual([
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(isDns1123Subdomain('Bad_Name')).toEqual([
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
    expect(isDns1123Label(a(64))).toEqual(['must be no more than 63 characters']);
    expect(isDns1123Subdomain(`${a(253)}-`)).toHaveLength(2);
  });

  it('masks the trailing dash of a generateName prefix', () => {
    expect(validateName('subdomain', 'web-', true)).toEqual([]);
    expect(validateName('subdomain', 'web-')).not.toEqual([]);
    expect(validateName('label', 'a.b')).not.toEqual([]);
    expect(validateName('dns1035', '1abc')).not.toEqual([]);
  });

  it('RBAC names are path segments (path.ValidatePathSegmentName)', () => {
    expect(validateName('path', 'system:basic-user')).toEqual([]);
    expect(validateName('path', '..')).toEqual(["may not be '..'"]);
    expect(validateName('path', 'a/b%c')).toEqual(["may not contain '/'", "may not contain '%'"]);
  });
});

describe('label keys and values', () => {
  it('accepts qualified names', () => {
    for (const v of [
      ...['simple', 'now-with-dashes', '1-starts-with-num', '1234', 'simple/simple', 'now.with.dots/simple'],
      ...['1-num.2-num/3-num', '1.2.3.4/5678', 'Uppercase_Is_OK_123', 'example.com/Uppercase_Is_OK_123'],
      ...['requests.storage-foo', a(63), `${a(253)}/${'b'.repeat(63)}`],
    ])
      expect(isQualifiedName(v)).toEqual([]);
  });

  it('refuses what apimachinery refuses, saying which part is wrong', () => {
    for (const v of [
      ...['nospecialchars%^=@', 'cantendwithadash-', '-cantstartwithadash-', 'only/one/slash'],
      ...['Example.com/abc', 'example_com/abc', 'example.com/', '/simple', a(64), `${a(254)}/abc`],
    ])
      expect(isQualifiedName(v)).not.toEqual([]);
    expect(isQualifiedName('example.com/')).toEqual(['name part must be non-empty']);
    expect(isQualifiedName('/simple')).toEqual(['prefix part must be non-empty']);
    expect(isQualifiedName(a(64))).toEqual(['name part must be no more than 63 characters']);
    expect(isQualifiedName(`${a(254)}/abc`)).toEqual(['prefix part must be no more than 253 characters']);
  });

  it('checks label values', () => {
    for (const v of ['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', a(63), ''])
      expect(isValidLabelValue(v)).toEqual([]);
    for (const v of [
      ...['nospecialchars%^=@', 'Tama-nui-te-rā.is.Māori.sun', '\\backslashes\\are\\bad', '-starts-with-dash'],
      ...['ends-with-dash-', '.starts.with.dot', 'ends.with.dot.', a(64)],
    ])
      expect(isValidLabelValue(v)).not.toEqual([]);
  });
});
