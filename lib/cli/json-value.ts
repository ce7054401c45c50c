/**
 * Values as JSON for `--json` and `.json` files: typed arrays as arrays,
 * arquero tables as rows (arquero's own JSON), bigints as strings; NaN and
 * infinities become null, as JSON.stringify makes them.
 */
import { toJSON } from 'arquero';
import { isTable } from '../core/values.js';

/**
 * A JSON-ready copy of a value.
 *
 * @example
 * toJsonValue({ spend: Float64Array.of(1, NaN) }); // { spend: [1, null] } once stringified
 */
export function toJsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (isTable(value)) return JSON.parse(toJSON(value)) as unknown;
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<unknown>, toJsonValue);
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value instanceof Set) return [...value].map(toJsonValue);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toJsonValue(v)]));
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonValue(v)]));
}

/**
 * One JSON document, pretty when `indent` is given, with a final newline.
 *
 * @example
 * io.stdout(jsonText({ ok: true, nodes: [] }));
 */
export function jsonText(value: unknown, indent?: number): string {
  return `${JSON.stringify(toJsonValue(value), null, indent)}\n`;
}
