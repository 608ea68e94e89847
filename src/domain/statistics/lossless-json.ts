/**
 * A JSON parser that loses nothing the statistics readers need: every number keeps the text it was
 * written with (`58443598209`, `12.30`, `1e3`: JSON.parse would turn them into binary floats), and
 * objects keep their member order as written (JS objects put integer-like keys such as `"2002"` first,
 * which would reorder a category `label` that stands in for a missing `index`). Duplicate keys: the
 * last one wins, as in JSON.parse.
 *
 * A syntax error throws JsonSyntaxError with the JSON path of the value being read, the line and
 * column (1-based) and what was expected. Pure; no I/O.
 */

/** A number literal, as written in the source. */
export class JsonNumber {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject;
export type JsonObject = Map<string, JsonValue>;

export class JsonSyntaxError extends Error {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  constructor(path: string, line: number, column: number, reason: string) {
    super(`${path} (line ${line}, column ${column}): ${reason}`);
    this.name = 'JsonSyntaxError';
    this.path = path;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

export function isJsonObject(v: JsonValue | undefined): v is JsonObject {
  return v instanceof Map;
}

/** `$.a.b[2]["odd key"]` from path segments. */
export function jsonPath(base: string, ...segments: (string | number)[]): string {
  let p = base;
  for (const s of segments) {
    if (typeof s === 'number') p += `[${s}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(s)) p += `.${s}`;
    else p += `[${JSON.stringify(s)}]`;
  }
  return p;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

class Parser {
  private pos = 0;
  private readonly path: (string | number)[] = [];
  constructor(private readonly text: string) {}

  parse(): JsonValue {
    this.skipSpace();
    const value = this.value();
    this.skipSpace();
    if (this.pos < this.text.length) this.fail('unexpected text after the end of the JSON value');
    return value;
  }

  private fail(reason: string): never {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < this.pos && i < this.text.length; i++) {
      if (this.text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    throw new JsonSyntaxError(jsonPath('$', ...this.path), line, this.pos - lineStart + 1, reason);
  }

  private found(): string {
    if (this.pos >= this.text.length) return 'the end of the file';
    return JSON.stringify(this.text[this.pos]);
  }

  private skipSpace(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 32 || c === 10 || c === 13 || c === 9) p++;
      else break;
    }
    this.pos = p;
  }

  private value(): JsonValue {
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return this.object();
      case '[':
        return this.array();
      case '"':
        return this.string();
      case 't':
        return this.word('true', true);
      case 'f':
        return this.word('false', false);
      case 'n':
        return this.word('null', null);
      default:
        return this.number();
    }
  }

  private word<T>(w: string, v: T): T {
    if (this.text.startsWith(w, this.pos)) {
      this.pos += w.length;
      return v;
    }
    return this.fail(`expected a JSON value, found ${this.found()}`);
  }

  /** `-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`, scanned by character code (a file may hold a million numbers). */
  private number(): JsonNumber {
    const t = this.text;
    const start = this.pos;
    const digit = (i: number): boolean => {
      const c = t.charCodeAt(i);
      return c >= 48 && c <= 57;
    };
    const digits = (i: number): number => {
      while (digit(i)) i++;
      return i;
    };
    let p = start;
    if (t.charCodeAt(p) === 45) p++;
    if (t.charCodeAt(p) === 48) p++;
    else if (digit(p)) p = digits(p);
    else return this.fail(`expected a JSON value, found ${this.found()}`);
    if (t.charCodeAt(p) === 46 && digit(p + 1)) p = digits(p + 1);
    const e = t.charCodeAt(p);
    if (e === 101 || e === 69) {
      let q = p + 1;
      const sign = t.charCodeAt(q);
      if (sign === 43 || sign === 45) q++;
      if (digit(q)) p = digits(q);
    }
    this.pos = p;
    return new JsonNumber(t.slice(start, p));
  }

  private string(): string {
    const t = this.text;
    let p = this.pos + 1;
    let out = '';
    let start = p;
    for (;;) {
      if (p >= t.length) {
        this.pos = p;
        this.fail('unterminated string');
      }
      const c = t.charCodeAt(p);
      if (c === 34) break;
      if (c < 0x20) {
        this.pos = p;
        this.fail('control character in a string (escape it)');
      }
      if (c === 92) {
        out += t.slice(start, p);
        const e = t[p + 1];
        const simple = e === undefined ? undefined : ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          p += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(p + 2, p + 6))) {
          out += String.fromCharCode(parseInt(t.slice(p + 2, p + 6), 16));
          p += 6;
        } else {
          this.pos = p;
          this.fail('invalid escape in a string');
        }
        start = p;
        continue;
      }
      p++;
    }
    out += t.slice(start, p);
    this.pos = p + 1;
    return out;
  }

  private array(): JsonValue[] {
    this.pos++;
    const out: JsonValue[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.path.push(out.length);
      this.skipSpace();
      out.push(this.value());
      this.path.pop();
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ',') this.pos++;
      else if (c === ']') {
        this.pos++;
        return out;
      } else this.fail(`expected "," or "]" after an array element, found ${this.found()}`);
    }
  }

  private object(): JsonObject {
    this.pos++;
    const out: JsonObject = new Map();
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail(`expected a property name in double quotes, found ${this.found()}`);
      const key = this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail(`expected ":" after the property name, found ${this.found()}`);
      this.pos++;
      this.skipSpace();
      this.path.push(key);
      const v = this.value();
      this.path.pop();
      out.delete(key);
      out.set(key, v);
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ',') this.pos++;
      else if (c === '}') {
        this.pos++;
        return out;
      } else this.fail(`expected "," or "}" after a property value, found ${this.found()}`);
    }
  }
}

/** Parses `text` (a leading byte order mark is skipped); throws JsonSyntaxError. */
export function parseLosslessJson(text: string): JsonValue {
  return new Parser(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).parse();
}
