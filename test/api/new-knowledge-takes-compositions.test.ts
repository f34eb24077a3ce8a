import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedIn } from '../support/accounts.js';
import { asClinician, openChart } from '../support/compositions.js';
import { assertProblem } from '../support/problem-assertions.js';
import { buildTestApp } from '../support/test-app.js';

type Json = Record<string, unknown>;

const app = await buildTestApp();
test.after(() => app.close());

const fixture = async (name: string): Promise<Json> =>
  JSON.parse(await readFile(`test/fixtures/modelling-example/${name}.json`, 'utf8')) as Json;

/** The worked example of docs/modelling.md under fresh ids: an archetype and a template no code knows. */
async function freshPulseOximetry(): Promise<{
  archetype: Json;
  template: Json;
  archetypeId: string;
  templateId: string;
}> {
  const suffix = randomBytes(4).toString('hex');
  const archetypeId = `test-EHR-OBSERVATION.oximetry_${suffix}.v1`;
  const templateId = `test.oximetry_${suffix}.v1`;
  const archetype = await fixture('openEHR-EHR-OBSERVATION.pulse_oximetry.v1');
  (archetype['x-archetype'] as Json).id = archetypeId;
  const template = await fixture('docsy.pulse_oximetry.v1');
  template.id = templateId;
  template.archetypes = { [archetypeId]: '1.0.0' };
  (template.slots as Json[])[0]!.archetype = archetypeId;
  return { archetype, template, archetypeId, templateId };
}

test('an archetype and template published through the API take compositions at once, and refuse broken ones by path', async () => {
  const modeller = await signedIn(app, 'modeller');
  const { archetype, template, archetypeId, templateId } = await freshPulseOximetry();
  for (const [url, payload] of [
    ['/api/archetypes', archetype],
    ['/api/templates', template],
  ] as const) {
    const published = await app.inject({ method: 'POST', url, payload, headers: modeller.headers });
    assert.is(published.statusCode, 201, published.body);
  }

  const chart = await openChart(app);
  const reading = (data: Json) => ({
    template: { id: templateId, revision: '1.0.0' },
    context: { startTime: '2026-11-26T08:15:00+01:00' },
    content: [{ slot: 'reading', archetype: archetypeId, revision: '1.0.0', data }],
  });
  const post = (payload: unknown) =>
    asClinician(app, chart, { method: 'POST', url: `${chart.base}/compositions`, payload });
  const spo2 = { numerator: 91, denominator: 100 };
  const oxygen = { code: 'supplemental_oxygen', terminology: 'local', value: 'Supplemental oxygen' };

  const valid = reading({
    spo2,
    pulse_rate: { magnitude: 96, unit: '/min' },
    inspired_oxygen: oxygen,
    oxygen_flow: { magnitude: 2, unit: 'L/min' },
  });
  const created = await post(valid);
  assert.is(created.statusCode, 201, created.body);
  const stored = created.json<Json>();
  assert.equal(stored.content, valid.content);
  const read = await asClinician(app, chart, { url: created.headers.location as string });
  assert.is(read.body, created.body);
  const listed = await asClinician(app, chart, { url: `${chart.base}/compositions?archetype=${archetypeId}` });
  assert.equal(
    listed.json<{ items: Json[] }>().items.map((i) => i.uid),
    [stored.uid],
  );

  const broken = await post(
    reading({
      pulse_rate: { magnitude: 400, unit: '/min' },
      inspired_oxygen: { code: 'room_air', terminology: 'local', value: 'Room air' },
      oxygen_flow: { magnitude: 2, unit: 'L/min' },
    }),
  );
  const problem = assertProblem(broken, 422, 'validation-failed');
  assert.equal(
    [...problem.errors!].sort((a, b) => a.path.localeCompare(b.path)),
    [
      {
        path: '/content/0/data/oxygen_flow',
        message: 'Oxygen flow rate: must be left empty unless Breathing is Supplemental oxygen',
      },
      { path: '/content/0/data/pulse_rate/magnitude', message: 'Pulse rate: must be at most 350 beats/min' },
      { path: '/content/0/data/spo2', message: 'SpO₂: is required' },
    ],
  );
});

test.run();
