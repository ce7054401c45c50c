/**
 * Plain-text tables for people reading a terminal.
 */

/**
 * Rows under a header, each column as wide as its widest cell, two spaces
 * apart; trailing spaces trimmed.
 *
 * @example
 * formatTable(['name', 'doc'], [['spend', 'Weekly spend.']]);
 * // "name   doc\nspend  Weekly spend.\n"
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].map((l) => `${l}\n`).join('');
}
