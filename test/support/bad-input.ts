import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import * as assert from 'uvu/assert';

type Json = Record<string, unknown>;

/** A named request to a write route, sent with the payload under test. */
export type WriteRoute = [string, () => Promise<LightMyRequestResponse>];

/**
 * Sends a payload to every route of `writes` and checks each answers a 4xx problem that changed
 * nothing (`state()` before and after), or a success when the payload happened to be valid.
 *
 * @example
 * await fc.assert(fc.asyncProperty(badBytes, (payload) => refusedByAll(writes(payload), state)));
 */
export async function refusedByAll(routes: WriteRoute[], state: () => Promise<string>): Promise<void> {
  for (const [route, send] of routes) {
    const before = await state();
    const response = await send();
    assert.ok(response.statusCode < 500, `${route}: ${response.statusCode} ${response.body.slice(0, 200)}`);
    if (response.statusCode < 400) continue;
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/, route);
    assert.is(await state(), before, `${route} changed nothing`);
  }
}

/** Arbitrary bytes: malformed JSON, invalid UTF-8, truncated documents. */
export const badBytes = fc.oneof(
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('', '{', 'null', '[]', '"x"', '{"email":', '{"a":1,}', '\u00ff'),
);

/** Arbitrary JSON documents. */
export const jsonDocuments = fc.jsonValue({ maxDepth: 5 }).map((value) => JSON.stringify(value) ?? 'null');

/**
 * Bodies one step from valid: some of `valid`'s fields, one of them given a wrong value, and an
 * unknown field.
 *
 * @example
 * await fc.assert(fc.asyncProperty(nearValidBodies({ reason: 'Emergency' }), refused));
 */
export function nearValidBodies(valid: Json, wrongValues: fc.Arbitrary<unknown>[] = []): fc.Arbitrary<string> {
  const wrongValue = fc.oneof(
    fc.constant(null),
    fc.integer(),
    fc.boolean(),
    fc.constant([]),
    fc.constant({}),
    fc.constant(''),
    fc.string({ maxLength: 3 }),
    ...wrongValues,
  );
  return fc
    .record({
      keep: fc.subarray(Object.keys(valid), { minLength: 1 }),
      wrong: fc.constantFrom(...Object.keys(valid)),
      value: wrongValue,
    })
    .map(({ keep, wrong, value }) => {
      const document: Json = Object.fromEntries(keep.map((key) => [key, valid[key]]));
      document[wrong] = value;
      document[`unknown_${randomBytes(2).toString('hex')}`] = 1;
      return JSON.stringify(document);
    });
}
