/**
 * lodash's `mergeWith` (4.17), as PatternFly's table calls it to merge a cell's props
 * (@patternfly/react-table's merge-props.js; vite.config.ts points its `lodash/mergeWith` here in the
 * production build). lodash's own copy brings its caches, type checks and CommonJS glue (about 4 KB
 * gzip) into the first page; this one follows the same rules for what a browser has (no Node
 * Buffer), checked against lodash itself in merge-with.test.ts:
 * - each source's enumerable keys, own and inherited, in order; `undefined` from a source only adds
 *   a missing key; a value equal (SameValueZero) to the one there is not written again;
 * - the customizer is asked first for every key at every depth (objValue, srcValue, key, object,
 *   source, stack); `undefined` from it means "merge as usual";
 * - arrays, typed arrays and plain objects (or arguments) are merged into the value there when it
 *   is of the same kind (an array-like one copied to an array, anything else replaced by a fresh
 *   array or object of the source's prototype), recursively; any other object is assigned as is;
 * - a source value met again while merging it (a cycle) gets the value it was merged into;
 * - `__proto__`, and a `constructor` that is a function, are never read.
 */

type Customizer = (
  objValue: unknown,
  srcValue: unknown,
  key: string,
  object: Record<PropertyKey, unknown>,
  source: Record<PropertyKey, unknown>,
  stack: Map<unknown, unknown>,
) => unknown;
type Obj = Record<PropertyKey, unknown>;

const tag = (v: unknown) => Object.prototype.toString.call(v);
const isObject = (v: unknown): v is Obj => v !== null && (typeof v === 'object' || typeof v === 'function');
const isObjectLike = (v: unknown): v is Obj => v !== null && typeof v === 'object';
const isArguments = (v: unknown) => isObjectLike(v) && tag(v) === '[object Arguments]';
const isTypedArray = (v: unknown): v is ArrayBufferView & { length: number } =>
  ArrayBuffer.isView(v) && !(v instanceof DataView);
const isLength = (n: unknown): n is number =>
  typeof n === 'number' && n > -1 && n % 1 === 0 && n <= Number.MAX_SAFE_INTEGER;
const isArrayLikeObject = (v: unknown): v is Obj & { length: number } =>
  isObjectLike(v) && typeof v !== 'function' && isLength(v.length);
const objectCtorString = Function.prototype.toString.call(Object);

function isPlainObject(v: unknown): v is Obj {
  if (!isObjectLike(v) || tag(v) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(v) as object | null;
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, 'constructor') && (proto as Obj).constructor;
  return (
    typeof Ctor === 'function' && Ctor instanceof Ctor && Function.prototype.toString.call(Ctor) === objectCtorString
  );
}

const isIndex = (key: string, length: number) => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < length;

/** Enumerable keys, own and inherited, as lodash's keysIn lists them. */
function keysIn(v: Obj): string[] {
  const keys: string[] = [];
  if (typeof v !== 'function' && isLength(v.length)) {
    // An array-like: an array's, arguments' or typed array's indexes first, then its other keys.
    const indexed = Array.isArray(v) || isArguments(v) || isTypedArray(v);
    const length = indexed ? v.length : 0;
    for (let i = 0; i < length; i++) keys.push(String(i));
    for (const key in v) {
      if (indexed && (key === 'length' || isIndex(key, length))) continue;
      keys.push(key);
    }
    return keys;
  }
  // A prototype object skips its constructor; any object skips an inherited one.
  const proto = isPrototype(v);
  for (const key in v) {
    if (key === 'constructor' && (proto || !Object.prototype.hasOwnProperty.call(v, key))) continue;
    keys.push(key);
  }
  return keys;
}

function isPrototype(v: Obj): boolean {
  const Ctor = v.constructor;
  const proto = (typeof Ctor === 'function' && (Ctor.prototype as unknown)) || Object.prototype;
  return v === proto;
}

function safeGet(object: Obj, key: string): unknown {
  if (key === 'constructor' && typeof object[key] === 'function') return undefined;
  if (key === '__proto__') return undefined;
  return object[key];
}

const sameValueZero = (a: unknown, b: unknown) => a === b || (a !== a && b !== b);

function assignMergeValue(object: Obj, key: string, value: unknown): void {
  if ((value !== undefined && !sameValueZero(object[key], value)) || (value === undefined && !(key in object)))
    assign(object, key, value);
}

function copyArray(v: { length: number } & Obj): unknown[] {
  const out = new Array<unknown>(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i];
  return out;
}

function cloneTypedArray(v: ArrayBufferView & { length: number }): unknown {
  const Ctor = v.constructor as new (buffer: ArrayBuffer, byteOffset: number, length: number) => unknown;
  const buffer = (v.buffer as ArrayBuffer).slice(0);
  return new Ctor(buffer, v.byteOffset, v.length);
}

function assign(object: Obj, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(object, key, { configurable: true, enumerable: true, value, writable: true });
  else object[key] = value;
}

function toPlainObject(v: Obj): Obj {
  const out: Obj = {};
  for (const key of keysIn(v)) assign(out, key, v[key]);
  return out;
}

function baseMerge(object: Obj, source: Obj, customizer: Customizer | undefined, stack: Map<unknown, unknown>): void {
  if (object === source) return;
  for (const key of keysIn(source)) {
    const srcValue = source[key];
    if (isObject(srcValue)) {
      mergeDeep(object, source, key, customizer, stack);
    } else {
      let newValue = customizer ? customizer(safeGet(object, key), srcValue, key, object, source, stack) : undefined;
      if (newValue === undefined) newValue = srcValue;
      assignMergeValue(object, key, newValue);
    }
  }
}

function mergeDeep(
  object: Obj,
  source: Obj,
  key: string,
  customizer: Customizer | undefined,
  stack: Map<unknown, unknown>,
) {
  const objValue = safeGet(object, key);
  const srcValue = safeGet(source, key);
  const stacked = stack.get(srcValue);
  if (stacked) {
    assignMergeValue(object, key, stacked);
    return;
  }
  let newValue = customizer ? customizer(objValue, srcValue, key, object, source, stack) : undefined;
  let common = newValue === undefined;
  if (common) {
    const isArr = Array.isArray(srcValue);
    const isTyped = !isArr && isTypedArray(srcValue);
    newValue = srcValue;
    if (isArr || isTyped) {
      if (Array.isArray(objValue)) newValue = objValue;
      else if (isArrayLikeObject(objValue)) newValue = copyArray(objValue);
      else if (isTyped) {
        common = false;
        newValue = cloneTypedArray(srcValue);
      } else newValue = [];
    } else if (isPlainObject(srcValue) || isArguments(srcValue)) {
      newValue = objValue;
      if (isArguments(objValue)) newValue = toPlainObject(objValue as Obj);
      // lodash makes an object of the source's prototype: a plain object's or arguments' is Object's
      // (or none, where lodash too makes a {}).
      else if (!isObject(objValue) || typeof objValue === 'function') newValue = {};
    } else {
      common = false;
    }
  }
  if (common) {
    stack.set(srcValue, newValue);
    baseMerge(newValue as Obj, srcValue as Obj, customizer, stack);
    stack.delete(srcValue);
  }
  assignMergeValue(object, key, newValue);
}

/** mergeWith(object, ...sources, customizer?): merges the sources into `object` and returns it. */
export default function mergeWith(object: unknown, ...rest: unknown[]): unknown {
  const customizer =
    rest.length > 1 && typeof rest[rest.length - 1] === 'function' ? (rest.pop() as Customizer) : undefined;
  const target = (object === null || object === undefined ? {} : Object(object)) as Obj;
  for (const source of rest) if (source) baseMerge(target, source as Obj, customizer, new Map());
  return target;
}
