/** Runs one statement with its parameters (a `pg` pool's query, or Kysely's executor in tests). */
export type RunStatement = (statement: string, values: unknown[]) => Promise<unknown>;

/** A column to fill: its name, the SQL type of the array sent, and an optional cast of each value. */
export interface BulkColumn {
  name: string;
  type: string;
  cast?: string;
}

/**
 * Inserts rows into one table in batches, each batch one statement (`insert … select from
 * unnest($1::type[], …)`: one round trip and one parse for thousands of rows, close to COPY).
 * While a batch is on its way the next one fills up, so generating and writing overlap.
 *
 * @example
 * const ehrs = new BulkInsert((text, values) => pool.query(text, values), 'ehr', [{ name: 'ehr_id', type: 'uuid' }, { name: 'system_id', type: 'text' }]);
 * await ehrs.add([randomUUID(), 'docsy.local']);
 * await ehrs.finish();
 */
export class BulkInsert {
  readonly #columns: BulkColumn[];
  readonly #statement: string;
  #values: unknown[][];
  #pending: Promise<unknown> = Promise.resolve();
  #rows = 0;

  constructor(
    private readonly run: RunStatement,
    table: string,
    columns: BulkColumn[],
    private readonly batchSize = 5_000,
  ) {
    this.#columns = columns;
    const names = columns.map((c) => c.name).join(', ');
    const arrays = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
    const selected = columns.map((c) => (c.cast ? `${c.name}::${c.cast}` : c.name)).join(', ');
    this.#statement = `insert into ${table} (${names}) select ${selected} from unnest(${arrays}) as u(${names})`;
    this.#values = this.#empty();
  }

  /** Adds one row (values in column order); waits when a batch is full and the previous one is still being written. */
  async add(row: unknown[]): Promise<void> {
    row.forEach((value, i) => this.#values[i]!.push(value));
    if (this.#values[0]!.length >= this.batchSize) await this.#send();
  }

  /** Writes what is left and waits for every batch; returns the number of rows written. */
  async finish(): Promise<number> {
    if (this.#values[0]!.length > 0) await this.#send();
    await this.#pending;
    return this.#rows;
  }

  async #send(): Promise<void> {
    await this.#pending;
    const values = this.#values;
    this.#values = this.#empty();
    this.#rows += values[0]!.length;
    this.#pending = this.run(this.#statement, values);
  }

  #empty(): unknown[][] {
    return this.#columns.map(() => []);
  }
}
