/**
 * A small evaluator for GitHub Actions expressions (`${{ … }}`): context paths, literals,
 * `!`, `==`, `!=`, `&&`, `||`, parentheses and the functions workflows commonly use in
 * `run-name` and `with:` (format, contains, startsWith, endsWith, toJSON, fromJSON).
 */

/** Contexts by name (`github`, `inputs`, `env`, `secrets`, `vars`, …). */
export type ExpressionContext = Readonly<Record<string, unknown>>;

type Token =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'name'; value: string }
  | { kind: 'op'; value: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const text = /^'((?:[^']|'')*)'/.exec(rest);
    const number = /^-?\d+(?:\.\d+)?/.exec(rest);
    const op = /^(==|!=|&&|\|\||[!().,[\]])/.exec(rest);
    const name = /^[A-Za-z_][\w-]*/.exec(rest);
    if (text) tokens.push({ kind: 'string', value: (text[1] ?? '').replaceAll("''", "'") });
    else if (number) tokens.push({ kind: 'number', value: Number(number[0]) });
    else if (op) tokens.push({ kind: 'op', value: op[0] });
    else if (name) tokens.push({ kind: 'name', value: name[0] });
    else throw new Error(`Unexpected symbol in expression: ${rest}`);
    i += (text ?? number ?? op ?? name)?.[0].length ?? 1;
  }
  return tokens;
}

/** Truthiness as Actions defines it: '', 0, false, null and NaN are false. */
function isTruthy(value: unknown): boolean {
  return !(
    value === '' ||
    value === 0 ||
    value === false ||
    value === null ||
    value === undefined ||
    Number.isNaN(value)
  );
}

/** Convert a value the way Actions does when it lands in a string. */
export function stringifyValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value, null, 2);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function looseEquals(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b || (a ?? null) === (b ?? null);
}

function property(target: unknown, key: string): unknown {
  if (typeof target !== 'object' || target === null) return null;
  const entry = Object.entries(target).find(([name]) => name.toLowerCase() === key.toLowerCase());
  return entry ? entry[1] : null;
}

const functions: Readonly<Record<string, (...args: unknown[]) => unknown>> = {
  format: (template, ...args) =>
    String(template).replace(/\{(\d+)\}/g, (_m, index: string) =>
      stringifyValue(args[Number(index)]),
    ),
  contains: (haystack, needle) =>
    Array.isArray(haystack)
      ? haystack.some((item) => looseEquals(item, needle))
      : stringifyValue(haystack).toLowerCase().includes(stringifyValue(needle).toLowerCase()),
  startswith: (text, prefix) =>
    stringifyValue(text).toLowerCase().startsWith(stringifyValue(prefix).toLowerCase()),
  endswith: (text, suffix) =>
    stringifyValue(text).toLowerCase().endsWith(stringifyValue(suffix).toLowerCase()),
  tojson: (value) => JSON.stringify(value, null, 2),
  fromjson: (text) => JSON.parse(stringifyValue(text)) as unknown,
};

class Parser {
  private position = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly context: ExpressionContext,
  ) {}

  parse(): unknown {
    const value = this.or();
    if (this.position < this.tokens.length)
      throw new Error('Unexpected tokens at the end of the expression');
    return value;
  }

  private peekOp(value: string): boolean {
    const token = this.tokens[this.position];
    return token?.kind === 'op' && token.value === value;
  }

  private expectOp(value: string): void {
    if (!this.peekOp(value)) throw new Error(`Expected '${value}' in expression`);
    this.position += 1;
  }

  private or(): unknown {
    let left = this.and();
    while (this.peekOp('||')) {
      this.position += 1;
      const right = this.and();
      left = isTruthy(left) ? left : right;
    }
    return left;
  }

  private and(): unknown {
    let left = this.equality();
    while (this.peekOp('&&')) {
      this.position += 1;
      const right = this.equality();
      left = isTruthy(left) ? right : left;
    }
    return left;
  }

  private equality(): unknown {
    const left = this.unary();
    if (this.peekOp('==') || this.peekOp('!=')) {
      const negate = this.peekOp('!=');
      this.position += 1;
      return looseEquals(left, this.unary()) !== negate;
    }
    return left;
  }

  private unary(): unknown {
    if (this.peekOp('!')) {
      this.position += 1;
      return !isTruthy(this.unary());
    }
    return this.postfix(this.primary());
  }

  private primary(): unknown {
    const token = this.tokens[this.position++];
    if (!token) throw new Error('Unexpected end of expression');
    if (token.kind === 'string' || token.kind === 'number') return token.value;
    if (token.kind === 'op' && token.value === '(') {
      const value = this.or();
      this.expectOp(')');
      return value;
    }
    if (token.kind !== 'name') throw new Error(`Unexpected '${token.value}' in expression`);
    const literal = { true: true, false: false, null: null } as Record<string, unknown>;
    if (token.value in literal) return literal[token.value];
    if (this.peekOp('(')) return this.call(token.value);
    return property(this.context, token.value);
  }

  private call(name: string): unknown {
    this.expectOp('(');
    const args: unknown[] = [];
    while (!this.peekOp(')')) {
      args.push(this.or());
      if (!this.peekOp(')')) this.expectOp(',');
    }
    this.expectOp(')');
    const fn = functions[name.toLowerCase()];
    if (!fn) throw new Error(`Unrecognized function: '${name}'`);
    return fn(...args);
  }

  private postfix(value: unknown): unknown {
    let current = value;
    for (;;) {
      if (this.peekOp('.')) {
        this.position += 1;
        const token = this.tokens[this.position++];
        if (token?.kind !== 'name') throw new Error('Expected a property name after "."');
        current = property(current, token.value);
      } else if (this.peekOp('[')) {
        this.position += 1;
        const key = this.or();
        this.expectOp(']');
        current = property(current, stringifyValue(key));
      } else return current;
    }
  }
}

/** Evaluate one expression (the text between `${{` and `}}`). */
export function evaluateExpression(expression: string, context: ExpressionContext): unknown {
  return new Parser(tokenize(expression), context).parse();
}

/** Replace every `${{ … }}` in a string with its value. */
export function interpolate(text: string, context: ExpressionContext): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_match, expression: string) =>
    stringifyValue(evaluateExpression(expression, context)),
  );
}
