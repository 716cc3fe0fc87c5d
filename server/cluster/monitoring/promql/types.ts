/** Static types of expressions, checked before evaluation with Prometheus's messages. */
import { PromqlError, SET_OPS, type Expr, type ValueType } from './ast.js';
import { SIGNATURES } from './functions.js';

const bad = (message: string) => new PromqlError('bad_data', message);

export function typeOf(e: Expr): ValueType {
  switch (e.kind) {
    case 'number':
      return 'scalar';
    case 'string':
      return 'string';
    case 'vector':
      return 'instant vector';
    case 'matrix':
      return 'range vector';
    case 'unary': {
      const t = typeOf(e.expr);
      if (t !== 'scalar' && t !== 'instant vector')
        throw bad('unary expression only allowed on expressions of type scalar or instant vector');
      return t;
    }
    case 'call': {
      const sig = SIGNATURES[e.func];
      if (!sig) throw bad(`function "${e.func}" is not supported by this endpoint`);
      if (e.args.length !== sig.args.length)
        throw bad(`expected ${sig.args.length} argument(s) in call to "${e.func}", got ${e.args.length}`);
      e.args.forEach((a, i) => {
        const got = typeOf(a);
        if (got !== sig.args[i]) throw bad(`expected type ${sig.args[i]} in call to function "${e.func}", got ${got}`);
      });
      return sig.returns;
    }
    case 'aggregate': {
      const got = typeOf(e.expr);
      if (got !== 'instant vector') throw bad(`expected type instant vector in aggregation expression, got ${got}`);
      if (e.param) {
        const p = typeOf(e.param);
        if (p !== 'scalar') throw bad(`expected type scalar in aggregation parameter, got ${p}`);
      }
      return 'instant vector';
    }
    case 'binary': {
      const l = typeOf(e.lhs);
      const r = typeOf(e.rhs);
      const ok = (t: ValueType) => t === 'scalar' || t === 'instant vector';
      if (!ok(l) || !ok(r)) throw bad('binary expression must contain only scalar and instant vector types');
      const isSet = (SET_OPS as readonly string[]).includes(e.op);
      if (isSet && (l === 'scalar' || r === 'scalar'))
        throw bad(`set operator "${e.op}" not allowed in binary scalar expression`);
      if (l === 'scalar' && r === 'scalar') {
        if (['==', '!=', '>', '<', '>=', '<='].includes(e.op) && !e.returnBool)
          throw bad('comparisons between scalars must use BOOL modifier');
        return 'scalar';
      }
      if (e.matching && (l === 'scalar' || r === 'scalar'))
        throw bad('vector matching only allowed between instant vectors');
      return 'instant vector';
    }
  }
}
