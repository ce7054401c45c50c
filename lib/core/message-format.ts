/**
 * The small formatting pieces every messages.ts builds its sentences from, so
 * that core and quality messages quote names and values the same way.
 */

/**
 * A name in backticks.
 *
 * @example
 * q('spend'); // '`spend`'
 */
export const q = (s: string): string => `\`${s}\``;

/**
 * A node with its origin: "`x` (Class.method)", or just "`x`".
 *
 * @example
 * at('spend', 'Marketing.spend'); // '`spend` (Marketing.spend)'
 */
export const at = (name: string, origin: string | undefined): string => (origin ? `${q(name)} (${origin})` : q(name));

/**
 * A value as JSON, cut to 80 characters; functions by name; never throws.
 *
 * @example
 * show({ a: 1 }); // '{"a":1}'
 */
export const show = (v: unknown): string => {
  try {
    const s = typeof v === 'function' ? `function ${v.name || '(anonymous)'}` : JSON.stringify(v) ?? String(v);
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return String(v);
  }
};

/**
 * An error as "Name: message", anything else as `show` gives it.
 *
 * @example
 * errorText(new TypeError('bad')); // 'TypeError: bad'
 */
export const errorText = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : show(e));
