import { AqlSyntaxError, tokenize, type Token } from './aql-tokens.js';

/** A literal in the query, or a `$name` parameter given beside it. */
export type AqlValue = { kind: 'literal'; value: string | number | boolean } | { kind: 'param'; name: string };

/** `alias/key/key…`: a JSON path inside the object the alias names. */
export interface AqlPath {
  alias: string;
  keys: string[];
  position: number;
}

export type AqlOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'like';

export type AqlCondition =
  | { kind: 'and' | 'or'; left: AqlCondition; right: AqlCondition }
  | { kind: 'not'; inner: AqlCondition }
  | { kind: 'compare'; path: AqlPath; operator: AqlOperator; value: AqlValue }
  | { kind: 'matches'; path: AqlPath; values: AqlValue[] }
  | { kind: 'exists'; path: AqlPath };

export type AqlSelectItem = { kind: 'path'; path: AqlPath; name: string } | { kind: 'count'; name: string };

/** The archetype-bound part of FROM: an entry, and optionally a cluster inside it. */
export interface AqlContains {
  alias: string;
  rmType: string;
  archetypeId: string;
}

export interface AqlQuery {
  select: AqlSelectItem[];
  ehr?: { alias: string; ehrId?: AqlValue };
  composition: { alias: string; templateId?: string };
  entry?: AqlContains;
  cluster?: AqlContains;
  where?: AqlCondition;
  orderBy: { path: AqlPath; descending: boolean }[];
}

const entryClasses = ['OBSERVATION', 'EVALUATION', 'INSTRUCTION', 'ACTION', 'ADMIN_ENTRY', 'ENTRY'];

/**
 * Parses the AQL subset of docs/query.md:
 * `SELECT … FROM [EHR e [ehr_id/value = …] CONTAINS] COMPOSITION c [template] [CONTAINS <ENTRY> x[archetype]
 * [CONTAINS CLUSTER y[archetype]]] [WHERE …] [ORDER BY … [ASC|DESC]]`.
 *
 * @example
 * parseAql("SELECT c/uid FROM COMPOSITION c CONTAINS EVALUATION a[openEHR-EHR-EVALUATION.adverse_reaction_risk.v2]");
 */
export function parseAql(text: string): AqlQuery {
  return new Parser(tokenize(text)).query();
}

class Parser {
  #at = 0;
  constructor(private readonly tokens: Token[]) {}

  query(): AqlQuery {
    this.keyword('SELECT');
    const select = this.list(() => this.selectItem());
    this.keyword('FROM');
    const query: AqlQuery = { select, ...this.from(), orderBy: [] };
    if (this.accept('WHERE')) query.where = this.or();
    if (this.accept('ORDER')) {
      this.keyword('BY');
      query.orderBy = this.list(() => {
        const path = this.path();
        const descending = this.accept('DESC') ? true : (this.accept('ASC'), false);
        return { path, descending };
      });
    }
    if (this.peek().kind !== 'end') this.fail(`unexpected "${this.peek().text}"`);
    return query;
  }

  private from(): Pick<AqlQuery, 'ehr' | 'composition' | 'entry' | 'cluster'> {
    const result: Pick<AqlQuery, 'ehr' | 'composition' | 'entry' | 'cluster'> = { composition: { alias: '' } };
    if (this.accept('EHR')) {
      const alias = this.alias();
      const ehr: NonNullable<AqlQuery['ehr']> = { alias };
      if (this.peek().kind === 'predicate') ehr.ehrId = this.ehrPredicate();
      result.ehr = ehr;
      this.keyword('CONTAINS');
    }
    this.keyword('COMPOSITION');
    result.composition = { alias: this.alias() };
    if (this.peek().kind === 'predicate') result.composition.templateId = this.next().text;
    if (this.accept('CONTAINS')) {
      result.entry = this.contains(entryClasses);
      if (this.accept('CONTAINS')) result.cluster = this.contains(['CLUSTER']);
    }
    return result;
  }

  private ehrPredicate(): AqlValue {
    const predicate = this.next();
    const match = /^ehr_id\/value\s*=\s*(?:'([^']*)'|"([^"]*)"|\$([A-Za-z_][A-Za-z0-9_]*))$/.exec(predicate.text);
    if (!match)
      throw new AqlSyntaxError(
        "an EHR predicate is [ehr_id/value = '<uuid>'] or [ehr_id/value = $param]",
        predicate.position,
      );
    return match[3] ? { kind: 'param', name: match[3] } : { kind: 'literal', value: match[1] ?? match[2] ?? '' };
  }

  private contains(classes: string[]): AqlContains {
    const rmType = this.next();
    if (rmType.kind !== 'word' || !classes.includes(rmType.text.toUpperCase())) {
      throw new AqlSyntaxError(`expected ${classes.join(', ')}`, rmType.position);
    }
    const alias = this.alias();
    const predicate = this.next();
    if (predicate.kind !== 'predicate')
      throw new AqlSyntaxError(`expected the archetype id in [ ] after ${alias}`, predicate.position);
    return { alias, rmType: rmType.text.toUpperCase(), archetypeId: predicate.text };
  }

  private selectItem(): AqlSelectItem {
    if (this.peek().kind === 'word' && this.peek().text.toUpperCase() === 'COUNT') {
      this.next();
      this.symbol('(');
      const star = this.next();
      if (star.text !== '*' && star.kind !== 'word') throw new AqlSyntaxError('expected COUNT(*)', star.position);
      this.symbol(')');
      return { kind: 'count', name: this.accept('AS') ? this.alias() : 'count' };
    }
    const path = this.path();
    return { kind: 'path', path, name: this.accept('AS') ? this.alias() : [path.alias, ...path.keys].join('/') };
  }

  private or(): AqlCondition {
    let left = this.and();
    while (this.accept('OR')) left = { kind: 'or', left, right: this.and() };
    return left;
  }

  private and(): AqlCondition {
    let left = this.unary();
    while (this.accept('AND')) left = { kind: 'and', left, right: this.unary() };
    return left;
  }

  private unary(): AqlCondition {
    if (this.accept('NOT')) return { kind: 'not', inner: this.unary() };
    if (this.accept('EXISTS')) return { kind: 'exists', path: this.path() };
    if (this.peek().text === '(') {
      this.next();
      const inner = this.or();
      this.symbol(')');
      return inner;
    }
    const path = this.path();
    if (this.accept('MATCHES')) {
      this.symbol('{');
      const values = this.list(() => this.value());
      this.symbol('}');
      return { kind: 'matches', path, values };
    }
    if (this.accept('LIKE')) return { kind: 'compare', path, operator: 'like', value: this.value() };
    const operator = this.next();
    const operators: Record<string, AqlOperator> = {
      '=': '=',
      '!=': '!=',
      '<>': '!=',
      '<': '<',
      '<=': '<=',
      '>': '>',
      '>=': '>=',
    };
    const known = operator.kind === 'symbol' ? operators[operator.text] : undefined;
    if (!known)
      throw new AqlSyntaxError('expected a comparison (=, !=, <, <=, >, >=, LIKE, matches)', operator.position);
    return { kind: 'compare', path, operator: known, value: this.value() };
  }

  private value(): AqlValue {
    const token = this.next();
    if (token.kind === 'string') return { kind: 'literal', value: token.text };
    if (token.kind === 'number') return { kind: 'literal', value: Number(token.text) };
    if (token.kind === 'param') return { kind: 'param', name: token.text };
    if (token.kind === 'word' && /^(true|false)$/i.test(token.text))
      return { kind: 'literal', value: token.text.toLowerCase() === 'true' };
    throw new AqlSyntaxError('expected a value: a string, a number, true, false or a $parameter', token.position);
  }

  private path(): AqlPath {
    const first = this.next();
    if (first.kind !== 'word')
      throw new AqlSyntaxError('expected a path such as c/uid or o/data/systolic/magnitude', first.position);
    const keys: string[] = [];
    while (this.peek().text === '/') {
      this.next();
      const key = this.next();
      if (key.kind !== 'word') throw new AqlSyntaxError('expected a key after /', key.position);
      keys.push(key.text);
    }
    return { alias: first.text, keys, position: first.position };
  }

  private alias(): string {
    const token = this.next();
    if (token.kind !== 'word') throw new AqlSyntaxError('expected a name', token.position);
    return token.text;
  }

  private list<T>(item: () => T): T[] {
    const items = [item()];
    while (this.peek().text === ',') {
      this.next();
      items.push(item());
    }
    return items;
  }

  private keyword(word: string): void {
    if (!this.accept(word)) this.fail(`expected ${word}`);
  }

  private accept(word: string): boolean {
    const token = this.peek();
    if (token.kind !== 'word' || token.text.toUpperCase() !== word) return false;
    this.#at++;
    return true;
  }

  private symbol(text: string): void {
    if (this.peek().text !== text || this.peek().kind !== 'symbol') this.fail(`expected "${text}"`);
    this.#at++;
  }

  private peek(): Token {
    return this.tokens[this.#at]!;
  }

  private next(): Token {
    const token = this.tokens[this.#at]!;
    if (token.kind !== 'end') this.#at++;
    return token;
  }

  private fail(message: string): never {
    const token = this.peek();
    throw new AqlSyntaxError(
      token.kind === 'end' ? `${message}, but the query ended` : `${message}, found "${token.text}"`,
      token.position,
    );
  }
}
