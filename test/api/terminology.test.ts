import { randomBytes } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedIn } from '../support/accounts.js';
import { assertProblem } from '../support/problem-assertions.js';
import { buildTestApp } from '../support/test-app.js';

const app = await buildTestApp();
test.after(() => app.close());
const nurse = await signedIn(app, 'nurse');
const modeller = await signedIn(app, 'modeller');

type Match = { code: string; display: string; codeSystem: string };
const search = async (valueSet: string, q: string) =>
  (
    await app.inject({
      method: 'GET',
      url: `/api/terminology/${valueSet}?q=${encodeURIComponent(q)}`,
      headers: nurse.headers,
    })
  ).json<{
    items: Match[];
  }>().items;
const importCsv = (id: string, csv: string, title = 'Test set') =>
  app.inject({
    method: 'PUT',
    url: `/api/terminology/${id}?title=${encodeURIComponent(title)}&codeSystem=SNOMED-CT`,
    headers: { 'content-type': 'text/csv', ...modeller.headers },
    payload: csv,
  });
const freshSet = () => `test-${randomBytes(4).toString('hex')}`;

test('the shipped value sets are listed with their code system and size', async () => {
  const { items } = (await app.inject({ method: 'GET', url: '/api/terminology', headers: nurse.headers })).json<{
    items: { id: string; codeSystem: string; size: number }[];
  }>();
  const byId = new Map(items.map((set) => [set.id, set]));
  for (const [id, system] of [
    ['snomed-substances', 'SNOMED-CT'],
    ['loinc-analytes', 'LOINC'],
    ['ucum-units', 'UCUM'],
  ] as const) {
    assert.is(byId.get(id)?.codeSystem, system, id);
    assert.ok(byId.get(id)!.size >= 10, `${id} has rows`);
  }
});

test('search finds by the start of a word, by a synonym and by code', async () => {
  assert.equal((await search('snomed-substances', 'penic'))[0], {
    code: '764146007',
    display: 'Penicillin',
    codeSystem: 'SNOMED-CT',
  });
  assert.is((await search('snomed-substances', 'acetylsal'))[0]?.display, 'Aspirin');
  assert.is((await search('snomed-medications', '372687004'))[0]?.display, 'Amoxicillin');
  assert.is((await search('loinc-analytes', 'hemoglobin'))[0]?.code, '718-7');
});

test('results are ranked: exact code, display starting with the words, a word starting with them, containing them', async () => {
  const id = freshSet();
  const csv = [
    'code,display,synonyms',
    'c1,Penicillin allergy,',
    'c2,Allergy to penicillin,',
    'c3,Penicillin,',
    'c4,Nonpenicillin antibiotic,',
    'c5,Amoxicillin,penicillin-class',
    'penicillin,Code that looks like a word,',
  ].join('\n');
  assert.is((await importCsv(id, csv)).statusCode, 200);
  assert.equal(
    (await search(id, 'penicillin')).map((m) => m.code),
    ['penicillin', 'c3', 'c1', 'c2', 'c5', 'c4'],
  );
  assert.equal(
    (await search(id, 'allergy penic')).map((m) => m.code),
    ['c1', 'c2'],
  );
});

test('a misspelt word still finds its concept', async () => {
  assert.is((await search('snomed-substances', 'penicilin'))[0]?.display, 'Penicillin');
});

test('an imported value set replaces the old one only when the whole file is valid', async () => {
  const id = freshSet();
  const imported = await importCsv(id, 'code,display,synonyms\na1,First,\na2,Second,one|two\n');
  assert.equal(imported.json(), { id, title: 'Test set', codeSystem: 'SNOMED-CT', size: 2 });
  const broken = await importCsv(id, 'code,display,synonyms\nb1,Fine,\n,No code,\nb1,Twice,\n');
  const problem = assertProblem(broken, 422, 'validation-failed');
  assert.equal(problem.errors, [
    { path: '/file/line/3', message: 'code must be 1 to 100 characters' },
    { path: '/file/line/4', message: 'code b1 appears twice' },
  ]);
  assert.equal(
    (await search(id, 'second')).map((m) => m.code),
    ['a2'],
    'the earlier rows are still there',
  );
  assertProblem(await importCsv(id, 'name,label\nx,y\n'), 422);
});

test('an unknown value set is a 404, a missing query a 400, a non-CSV body a 415', async () => {
  assertProblem(
    await app.inject({ method: 'GET', url: '/api/terminology/no-such-set?q=a', headers: nurse.headers }),
    404,
    'not-found',
  );
  assertProblem(
    await app.inject({ method: 'GET', url: '/api/terminology/snomed-substances', headers: nurse.headers }),
    400,
  );
  const json = await app.inject({
    method: 'PUT',
    url: `/api/terminology/${freshSet()}?title=T&codeSystem=LOINC`,
    payload: { code: 'x' },
    headers: modeller.headers,
  });
  assertProblem(json, 415);
});

test('reading value sets needs a signed-in user; importing one needs the modeller role', async () => {
  assertProblem(await app.inject({ method: 'GET', url: '/api/terminology' }), 401, 'unauthorized');
  const csv = 'code,display,synonyms\nx1,Thing,\n';
  const url = `/api/terminology/${freshSet()}?title=T&codeSystem=LOINC`;
  const byNurse = await app.inject({
    method: 'PUT',
    url,
    payload: csv,
    headers: { 'content-type': 'text/csv', ...nurse.headers },
  });
  assertProblem(byNurse, 403, 'forbidden');
  assertProblem(await app.inject({ method: 'PUT', url, payload: csv, headers: { 'content-type': 'text/csv' } }), 401);
});

test.run();
