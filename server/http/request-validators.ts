import { Ajv, type Options } from 'ajv';
import ajvFormats from 'ajv-formats';
import type { FastifyServerOptions } from 'fastify';

type ValidatorFactory = NonNullable<
  NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildValidator']
>;

const sharedOptions: Options = {
  allErrors: true,
  // Unknown fields are errors the schema reports (`additionalProperties: false`), never dropped.
  removeAdditional: false,
  useDefaults: true,
  strict: true,
  strictRequired: false,
};

function createAjv(coerceTypes: Options['coerceTypes'], externalSchemas: object): Ajv {
  const ajv = new Ajv({ ...sharedOptions, coerceTypes });
  ajvFormats.default(ajv);
  ajv.addKeyword('example');
  for (const schema of Object.values(externalSchemas)) ajv.addSchema(schema as object);
  return ajv;
}

/**
 * Fastify's validator factory for Docsy: bodies are validated as sent (no type coercion: a
 * clinician's "12" stays a string and fails a number field); query strings, path parameters
 * and headers are text by nature and are coerced (`?limit=10` becomes 10).
 *
 * @example
 * Fastify({ schemaController: { compilersFactory: { buildValidator: buildRequestValidator } } });
 */
export const buildRequestValidator: ValidatorFactory = (externalSchemas) => {
  const bodies = createAjv(false, externalSchemas);
  const parameters = createAjv('array', externalSchemas);
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? bodies : parameters;
    const id = (schema as { $id?: string }).$id;
    const known = id === undefined ? undefined : ajv.getSchema(id);
    return known ?? ajv.compile(schema as object);
  };
};
