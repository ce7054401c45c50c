/**
 * Text in DOT: ids and strings quoted, labels escaped for Graphviz's
 * HTML-like labels (which must be valid XML).
 */

/**
 * A DOT id or string in double quotes, backslashes and quotes escaped.
 *
 * @example
 * quote('ratio"1'); // '"ratio\\"1"'
 */
export function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Text for an HTML-like label: markup characters escaped, control characters
 * drawn as their Unicode pictures.
 *
 * @example
 * escapeHtml('a<b & "c"'); // 'a&lt;b &amp; &quot;c&quot;'
 */
export function escapeHtml(s: string): string {
  // Names cannot hold control characters, but tag values may; XML cannot hold
  // them at all (not even as &#1;), so they are drawn as their Unicode pictures (U+2400 ...).
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u001f]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)));
}
