import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseAql } from '../../../server/query/aql-parser.js';
import { AqlSyntaxError } from '../../../server/query/aql-tokens.js';
import { containmentFilter } from '../../../server/query/containment-filter.js';

const allergies =
  "SELECT e/ehr_id/value AS ehr, c/uid, a/data/substance/value FROM EHR e CONTAINS COMPOSITION c CONTAINS EVALUATION a[openEHR-EHR-EVALUATION.adverse_reaction_risk.v2] WHERE a/data/substance/code = $code AND a/data/active_inactive/code = 'active' ORDER BY c/context/startTime DESC";

test('a query across EHRs parses into its parts', () => {
  const query = parseAql(allergies);
  assert.equal(query.ehr, { alias: 'e' });
  assert.equal(query.composition, { alias: 'c' });
  assert.equal(query.entry, {
    alias: 'a',
    rmType: 'EVALUATION',
    archetypeId: 'openEHR-EHR-EVALUATION.adverse_reaction_risk.v2',
  });
  assert.equal(
    query.select.map((item) => item.name),
    ['ehr', 'c/uid', 'a/data/substance/value'],
  );
  assert.equal(
    query.orderBy.map((o) => [o.path.keys.join('/'), o.descending]),
    [['context/startTime', true]],
  );
  assert.is(query.where?.kind, 'and');
});

test('EHR and template predicates, clusters, matches, exists, not, or and COUNT(*)', () => {
  const query = parseAql(
    "select count(*) as n from EHR e[ehr_id/value = $ehr] contains COMPOSITION c[docsy.lab_report.v1] contains OBSERVATION o[openEHR-EHR-OBSERVATION.laboratory_test_result.v1] contains CLUSTER r[openEHR-EHR-CLUSTER.laboratory_test_analyte.v1] where r/data/interpretation/code matches {'high', 'critically_high'} and (exists r/data/comment or not r/data/analyte_result/value/magnitude < 4.5)",
  );
  assert.equal(query.select, [{ kind: 'count', name: 'n' }]);
  assert.equal(query.ehr?.ehrId, { kind: 'param', name: 'ehr' });
  assert.is(query.composition.templateId, 'docsy.lab_report.v1');
  assert.is(query.cluster?.archetypeId, 'openEHR-EHR-CLUSTER.laboratory_test_analyte.v1');
  const where = query.where!;
  assert.is(where.kind, 'and');
  if (where.kind !== 'and') return;
  assert.equal(where.left.kind === 'matches' && where.left.values, [
    { kind: 'literal', value: 'high' },
    { kind: 'literal', value: 'critically_high' },
  ]);
  assert.is(where.right.kind, 'or');
});

const syntaxErrors: [string, RegExp, number][] = [
  ['SELECT c/uid', /expected FROM, but the query ended/, 12],
  ['SELECT c/uid FROM COMPOSITION c WHERE c/category == 1', /expected a value/, 50],
  ['SELECT c/uid FROM COMPOSITION c CONTAINS PARAGRAPH p[x]', /expected OBSERVATION, EVALUATION/, 41],
  ["SELECT c/uid FROM COMPOSITION c WHERE c/category = 'event", /a string is not closed/, 51],
  ['SELECT c/uid FROM COMPOSITION c CONTAINS OBSERVATION o', /expected the archetype id in \[ \] after o/, 54],
  ['SELECT c/uid FROM COMPOSITION c ORDER c/uid', /expected BY/, 38],
  ['SELECT c/uid FROM COMPOSITION c LIMIT 5', /unexpected "LIMIT"/, 32],
];

for (const [text, message, position] of syntaxErrors) {
  test(`syntax error: ${text}`, () => {
    try {
      parseAql(text);
      assert.unreachable('parsed');
    } catch (error) {
      assert.instance(error, AqlSyntaxError);
      assert.match((error as Error).message, message);
      assert.is((error as AqlSyntaxError).position, position);
    }
  });
}

test('equalities required by the whole WHERE become one containment filter, lists as arrays', () => {
  const shape = (_id: string, keys: string[]) =>
    keys[1] === 'reaction_event'
      ? keys.map((_, i) => i === 1)
      : keys[1] === 'unknown'
        ? undefined
        : keys.map(() => false);
  const query = parseAql(
    "SELECT c/uid FROM COMPOSITION c CONTAINS EVALUATION a[openEHR-EHR-EVALUATION.adverse_reaction_risk.v2] WHERE a/data/substance/code = $code AND a/data/reaction_event/manifestation = 'Hives' AND a/data/unknown/x = 1 AND (a/data/status/code = 'x' OR a/data/status/code = 'y') AND a/data/severity/ordinal > 2",
  );
  assert.equal(containmentFilter(query, { code: '764146007' }, shape), {
    content: [
      {
        archetype: 'openEHR-EHR-EVALUATION.adverse_reaction_risk.v2',
        data: { substance: { code: '764146007' }, reaction_event: [{ manifestation: 'Hives' }] },
      },
    ],
  });
});

test.run();
