import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { asClinician, commit, committedIds, exampleOf, openChart } from '../support/compositions.js';
import { buildTestApp, testDatabase } from '../support/test-app.js';

type Json = Record<string, unknown>;

const app = await buildTestApp();
const { db } = await testDatabase();
test.after(() => app.close());

const runs = Number(process.env.DOCSY_FUZZ_RUNS ?? 60);
const chart = await openChart(app);
const example = await exampleOf(app, chart.clinician, 'docsy.vital_signs.v1');
const existing = committedIds(await commit(app, chart, example));
let etag = `"${existing.versionUid}"`;

/** Every write route of the EHR capability, sending `payload` as the raw body. */
const writes = (payload: string | Buffer): (() => Promise<LightMyRequestResponse>)[] => {
  const send = (method: 'POST' | 'PUT', url: string) => () =>
    asClinician(app, chart, {
      method,
      url,
      payload,
      headers: { 'content-type': 'application/json', 'if-match': etag },
    });
  return [
    send('POST', `${chart.base}/compositions`),
    send('PUT', `${chart.base}/compositions/${existing.uid}`),
    send('POST', `${chart.base}/contributions`),
  ];
};

async function written(): Promise<number> {
  const counts = await Promise.all(
    (['composition_version', 'contribution', 'audit_event'] as const).map((table) =>
      db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('ehr_id', '=', chart.ehrId)
        .executeTakeFirstOrThrow(),
    ),
  );
  return counts.reduce((sum, row) => sum + Number(row.n), 0);
}

/**
 * Sends a body to every write route (one at a time): each answer is a 4xx problem that changed
 * nothing, or a success (the body happened to be valid) that wrote exactly its own rows.
 */
async function refusedOrCommitted(payload: string | Buffer): Promise<void> {
  for (const send of writes(payload)) {
    const before = await written();
    const response = await send();
    assert.ok(response.statusCode < 500, `${response.statusCode} ${response.body.slice(0, 300)}`);
    if (response.statusCode >= 400) {
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      assert.is(await written(), before, `${response.statusCode} wrote nothing`);
    } else {
      assert.ok((await written()) > before);
      if (response.headers.etag && response.json<Json>().uid === existing.uid) etag = response.headers.etag as string;
    }
  }
}

/** A path into the example composition, and something to put there (or `undefined`: remove it). */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, i) => pathsOf(item, [...prefix, i]))];
  if (typeof value === 'object' && value !== null) {
    return [prefix, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  }
  return [prefix];
}
const examplePaths = pathsOf(example).filter((path) => path.length > 0);

function mutated(path: (string | number)[], replacement: unknown, extraKey: string | undefined): Json {
  const copy = structuredClone(example);
  let parent = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (replacement === undefined) delete parent[last];
  else parent[last] = replacement;
  if (extraKey !== undefined && typeof parent === 'object' && !Array.isArray(parent)) parent[extraKey] = 1;
  return copy;
}

test('arbitrary bytes (malformed JSON, invalid UTF-8) get a 4xx problem and write nothing', async () => {
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom(
      '',
      '{',
      '{"template":',
      'null',
      '[]',
      '"x"',
      '{"a":1,}',
      '\u00ff',
      '{"template":{"id":"\\ud800"}}',
    ),
    fc.constant(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])),
  );
  await fc.assert(fc.asyncProperty(bytes, refusedOrCommitted), { numRuns: runs });
});

test('arbitrary JSON documents get a 4xx problem and write nothing', async () => {
  const documents = fc.jsonValue({ maxDepth: 6 }).map((value) => JSON.stringify(value) ?? 'null');
  await fc.assert(fc.asyncProperty(documents, refusedOrCommitted), { numRuns: runs });
});

test('a valid composition with one part changed, removed or given an unknown field: 4xx and nothing written, or a commit', async () => {
  const change = fc.record({
    path: fc.constantFrom(...examplePaths),
    replacement: fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 3 }), fc.string({ unit: 'grapheme' })),
    extraKey: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }),
  });
  await fc.assert(
    fc.asyncProperty(change, ({ path, replacement, extraKey }) =>
      refusedOrCommitted(JSON.stringify(mutated(path, replacement, extraKey))),
    ),
    { numRuns: runs },
  );
});

test('huge and deeply nested documents get a 4xx problem and write nothing', async () => {
  const nested = (depth: number) => {
    let value: unknown = 'leaf';
    for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { deeper: value };
    return value;
  };
  const shapes = fc.oneof(
    fc.integer({ min: 1, max: 400 }).map((depth) => {
      const body = structuredClone(example);
      ((body.content as Json[])[0]!.data as Json).systolic = nested(depth);
      return JSON.stringify(body);
    }),
    fc
      .integer({ min: 1000, max: 30000 })
      .map((entries) =>
        JSON.stringify({ ...example, content: Array.from({ length: entries }, () => (example.content as Json[])[0]) }),
      ),
    fc
      .integer({ min: 100_000, max: 2_000_000 })
      .map((length) =>
        JSON.stringify({ ...example, context: { ...(example.context as Json), facility: 'x'.repeat(length) } }),
      ),
  );
  await fc.assert(fc.asyncProperty(shapes, refusedOrCommitted), { numRuns: Math.ceil(runs / 3) });
});

test('If-Match headers of any shape on an amendment or a deletion are never a 5xx', async () => {
  const header = fc.oneof(
    fc.string({ maxLength: 120 }),
    fc.constantFrom('*', '""', 'W/"x"', `"${existing.uid}::docsy.local::0"`),
  );
  await fc.assert(
    fc.asyncProperty(header, async (ifMatch) => {
      const before = await written();
      for (const method of ['PUT', 'DELETE'] as const) {
        const response = await asClinician(app, chart, {
          method,
          url: `${chart.base}/compositions/${existing.uid}`,
          ...(method === 'PUT' ? { payload: example } : {}),
          headers: { 'if-match': ifMatch },
        });
        assert.ok([400, 412, 428].includes(response.statusCode), `${ifMatch}: ${response.statusCode} ${response.body}`);
      }
      assert.is(await written(), before);
    }),
    { numRuns: runs },
  );
});

test.run();
