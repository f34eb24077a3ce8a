import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AuthUser } from '../access/auth-user.js';
import { auditAppendCall } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import type { KnowledgeRegistry } from '../knowledge/knowledge-registry.js';
import { parseAql } from './aql-parser.js';
import { AqlMeaningError, translateAql } from './aql-to-sql.js';
import { AqlSyntaxError } from './aql-tokens.js';
import { listShapeOf } from './list-shape.js';

/** What a client sends to `POST /api/query`. */
export interface QueryRequest {
  q: string;
  params: Record<string, unknown>;
  offset: number;
  fetch: number;
}

/** A result set: the columns as the query named them, and one row of values per match. */
export interface QueryResult {
  columns: { name: string; path: string }[];
  rows: unknown[][];
  offset: number;
  fetch: number;
  /** True when rows beyond this page match too (ask again with `offset + fetch`). */
  more: boolean;
}

/** Which compositions a user's queries may reach, as a condition on `composition c`. */
export type QueryScope = (user: AuthUser) => Promise<RawBuilder<boolean>>;

/**
 * Archetype-path queries (the AQL subset of docs/query.md) over the current compositions the user
 * may read. Every query is audited in the system chain, and each EHR a result row comes from gets a
 * read event in its own chain (what its patient sees in the access log).
 *
 * @example
 * await queries.run(user, { q: 'SELECT c/uid FROM COMPOSITION c', params: {}, offset: 0, fetch: 100 });
 */
export class QueryService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly registry: KnowledgeRegistry,
    private readonly scope: QueryScope,
  ) {}

  async run(user: AuthUser, request: QueryRequest, address?: string): Promise<QueryResult> {
    const query = parseOrRefuse(request.q);
    await this.registry.ready();
    const page = { offset: request.offset, fetch: request.fetch + 1 };
    let translation;
    try {
      translation = translateAql(
        query,
        request.params,
        await this.scope(user),
        listShapeOf(this.registry.catalog),
        page,
      );
    } catch (error) {
      if (!(error instanceof AqlMeaningError)) throw error;
      const path = error.parameter ? `/params/${error.parameter}` : '/q';
      throw new ApiError('VALIDATION_FAILED', `The query cannot be run: ${error.message}`, {
        errors: [{ path, message: error.message }],
      });
    }
    const { rows } = await translation.statement.execute(this.db);
    const more = rows.length > request.fetch;
    const kept = rows.slice(0, request.fetch);
    await this.audit(user, kept, request.q, address);
    return {
      columns: translation.columns,
      rows: kept.map((row) => translation.columns.map((_, index) => normalise(row[`c${index}`]))),
      offset: request.offset,
      fetch: request.fetch,
      more,
    };
  }

  /** One read event in the chain of every EHR the page shows data of, in one statement. */
  private async audit(user: AuthUser, rows: Record<string, unknown>[], q: string, address?: string): Promise<void> {
    const ehrIds = [...new Set(rows.map((row) => row.ehr_id).filter((id): id is string => typeof id === 'string'))];
    const actor = { outcome: 'success' as const, actorId: user.id, actorRole: user.roles.join(','), address };
    const details = { query: q.slice(0, 2000), rows: rows.length, ehrs: ehrIds.length };
    const events = [
      auditAppendCall({ ...actor, action: 'query', details }),
      ...ehrIds.map((ehrId) =>
        auditAppendCall({ ...actor, action: 'query.read', ehrId, details: { query: details.query } }),
      ),
    ];
    await sql`select ${sql.join(events)}`.execute(this.db);
  }
}

function parseOrRefuse(text: string) {
  try {
    return parseAql(text);
  } catch (error) {
    if (!(error instanceof AqlSyntaxError)) throw error;
    const message = `${error.message} (at character ${error.position + 1})`;
    throw new ApiError('VALIDATION_FAILED', `The query is not valid AQL: ${message}`, {
      errors: [{ path: '/q', message }],
    });
  }
}

/** `count(*)` arrives as a number on both engines; timestamps as ISO text. */
function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}
