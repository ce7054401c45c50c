/**
 * Where JSON text first goes wrong. JSON.parse says so only in some messages
 * ("at position 12") and not in others ("Unexpected token ','"), and differs
 * between Node versions, so a failed parse is scanned again here to find the
 * offset of the first character that cannot be JSON. Used only after a parse
 * failed, so it favours being short over being fast.
 */

const OBJECT = 1;
const ARRAY = 2;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * The offset of the first character where `text` stops being valid JSON (the
 * text's length when it ends too early), or -1 when it is valid.
 *
 * @example
 * jsonErrorOffset('{"a":,}'); // 5
 */
export function jsonErrorOffset(text: string): number {
  const n = text.length;
  const stack: number[] = [];
  let i = 0;
  const skipSpace = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return;
      i++;
    }
  };
  // Reads `"key" :` at i; false when it is not there.
  const key = (): boolean => {
    skipSpace();
    if (text[i] !== '"' || !readString()) return false;
    skipSpace();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };
  const readString = (): boolean => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) { i++; return true; }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) { i += 2; return false; }
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) { i++; return false; }
        i += 2;
        continue;
      }
      i++;
    }
    return false;
  };
  const readNumber = (): boolean => {
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (!match) { if (text[i] === '-') i++; return false; }
    i += match[0].length;
    return true;
  };
  for (;;) {
    // A value starts here.
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      skipSpace();
      if (text[i] === (c === '{' ? '}' : ']')) i++;
      else {
        stack.push(c === '{' ? OBJECT : ARRAY);
        if (c === '{' && !key()) return i;
        continue;
      }
    } else if (c === '"') {
      if (!readString()) return i;
    } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      if (!readNumber()) return i;
    } else {
      const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
      if (!word) return i;
      i += word.length;
    }
    // A value ended: close containers, or go on after a comma.
    for (;;) {
      skipSpace();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? i : -1;
      const d = text[i];
      if (d === ',') {
        i++;
        if (top === OBJECT && !key()) return i;
        break;
      }
      if ((d === '}' && top === OBJECT) || (d === ']' && top === ARRAY)) {
        i++;
        stack.pop();
        continue;
      }
      return i;
    }
  }
}
