import type { CodeOption, UnitSpec, ValueSpec } from './element-tree.js';

/** A JSON Schema object as the resolver writes it. */
export type JsonSchema = Record<string, unknown>;

const dateExamples = 'such as 2019, 2019-06 or 2019-06-14';
const dateTimeExamples = 'such as 2018, 2018-04-02 or 2018-04-02T14:30:00+02:00';

/** A list of options as a clinician reads it: "Mild, Moderate or Severe". */
export function listInWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** How a unit is named in messages: its label when the archetype gives one (°C), else its UCUM code. */
export function unitName(unit: UnitSpec): string {
  return unit.label ?? unit.unit;
}

/**
 * The JSON Schema of one value of one data type, carrying its clinical error messages
 * (ajv-errors `errorMessage`), each prefixed with the element's label.
 *
 * @example
 * valueSchema({ type: 'count', minimum: 1 }, 'Day of cycle');
 * // { type: 'integer', minimum: 1, errorMessage: { minimum: 'Day of cycle: must be at least 1', … } }
 */
export function valueSchema(spec: ValueSpec, label: string): JsonSchema {
  const say = (message: string): string => `${label}: ${message}`;
  switch (spec.type) {
    case 'text':
      return textSchema(spec, say);
    case 'text_or_coded_text':
      return { if: { type: 'string' }, then: textSchema(spec, say), else: codedSchema(undefined, say) };
    case 'coded_text':
      return codedSchema(spec.codes, say);
    case 'quantity':
      return quantitySchema(spec.units, say);
    case 'count':
      return {
        type: 'integer',
        ...bounds(spec),
        errorMessage: {
          type: say('must be a whole number'),
          minimum: say(`must be at least ${spec.minimum}`),
          maximum: say(`must be at most ${spec.maximum}`),
        },
      };
    case 'proportion':
      return proportionSchema(spec.kind, say);
    case 'ordinal':
      return ordinalSchema(spec.ordinals, say);
    case 'boolean':
      return { type: 'boolean', errorMessage: say('must be yes or no (true or false)') };
    case 'date':
      return stringFormat(say(`must be a date ${dateExamples}`), {
        maxLength: 10,
        anyOf: [{ pattern: yearMonth }, { format: 'date' }],
      });
    case 'date_time':
      return stringFormat(say(`must be a date, or a date and time, ${dateTimeExamples}`), {
        maxLength: 35,
        anyOf: [{ pattern: yearMonth }, { format: 'date' }, { format: 'iso-date-time' }],
      });
    case 'time':
      return stringFormat(say('must be a time such as 08:30 or 21:15:00'), { maxLength: 30, pattern: timePattern });
    case 'duration':
      return stringFormat(say('must be a duration such as P7D (7 days), PT30M (30 minutes) or P2W (2 weeks)'), {
        maxLength: 40,
        pattern: durationPattern,
      });
    case 'uri':
      return stringFormat(say('must be a web address (URI)'), { maxLength: 2000, format: 'uri' });
    case 'identifier':
      return identifierSchema(say);
    case 'attachment':
      return attachmentSchema(spec.mediaTypes, spec.maxBytes, say);
  }
}

const yearMonth = '^[0-9]{4}(-(0[1-9]|1[0-2]))?$';
const timePattern =
  '^([01][0-9]|2[0-3])(:[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,6})?)?)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])?$';
const durationPattern =
  '^P(?=[0-9]|T[0-9])([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+(\\.[0-9]+)?S)?)?$';

type Say = (message: string) => string;

function bounds(spec: { minimum?: number; maximum?: number }): JsonSchema {
  return {
    ...(spec.minimum !== undefined ? { minimum: spec.minimum } : {}),
    ...(spec.maximum !== undefined ? { maximum: spec.maximum } : {}),
  };
}

function stringFormat(message: string, keywords: JsonSchema): JsonSchema {
  const messages = Object.fromEntries(['type', ...Object.keys(keywords)].map((keyword) => [keyword, message]));
  return { type: 'string', ...keywords, errorMessage: messages };
}

function textSchema(spec: { minLength?: number; maxLength: number; pattern?: string }, say: Say): JsonSchema {
  const minLength = Math.max(1, spec.minLength ?? 1);
  return {
    type: 'string',
    minLength,
    maxLength: spec.maxLength,
    ...(spec.pattern ? { pattern: spec.pattern } : {}),
    errorMessage: {
      type: say('must be text'),
      minLength: say(minLength === 1 ? 'must not be empty' : `must be at least ${minLength} characters`),
      maxLength: say(`must be at most ${spec.maxLength} characters`),
      ...(spec.pattern ? { pattern: say('is not in the expected format') } : {}),
    },
  };
}

/** Object-shaped data types name each missing or unknown part; the path then points at the part. */
function objectMessages(say: Say, shape: string, required: string[]): JsonSchema {
  return {
    type: say(`must be ${shape}`),
    required: Object.fromEntries(required.map((key) => [key, say(`${key} is required`)])),
    additionalProperties: `is not part of ${shape}`,
  };
}

function codedSchema(codes: CodeOption[] | undefined, say: Say): JsonSchema {
  const choices = codes ? say(`must be one of ${listInWords(codes.map((c) => c.value))}`) : undefined;
  return {
    type: 'object',
    required: ['code', 'terminology', 'value'],
    additionalProperties: false,
    properties: {
      code: codes
        ? { enum: codes.map((c) => c.code), errorMessage: choices }
        : {
            type: 'string',
            minLength: 1,
            maxLength: 100,
            errorMessage: say('code must be text of at most 100 characters'),
          },
      terminology: codes
        ? { const: 'local', errorMessage: say('terminology must be "local" for this value set') }
        : {
            type: 'string',
            pattern: '^[A-Za-z][A-Za-z0-9._-]{0,49}$',
            errorMessage: say('terminology must be a terminology name'),
          },
      value: {
        type: 'string',
        minLength: 1,
        maxLength: 1000,
        errorMessage: say('value must be text of 1 to 1000 characters'),
      },
    },
    errorMessage: objectMessages(say, 'a coded value {code, terminology, value}', ['code', 'terminology', 'value']),
  };
}

function quantitySchema(units: UnitSpec[] | undefined, say: Say): JsonSchema {
  const unitNames = (units ?? []).map(unitName);
  return {
    type: 'object',
    required: ['magnitude', 'unit'],
    additionalProperties: false,
    properties: {
      magnitude: { type: 'number', errorMessage: say('must be a number') },
      unit: units
        ? { enum: units.map((u) => u.unit), errorMessage: say(`unit must be ${listInWords(unitNames)}`) }
        : { type: 'string', minLength: 1, maxLength: 50, errorMessage: say('unit must be a UCUM unit') },
    },
    ...(units ? { allOf: units.map((unit) => unitRange(unit, say)).filter((rule) => rule !== undefined) } : {}),
    errorMessage: objectMessages(say, 'a quantity {magnitude, unit}', ['magnitude', 'unit']),
  };
}

function unitRange(unit: UnitSpec, say: Say): JsonSchema | undefined {
  const name = unitName(unit);
  const limits: JsonSchema = {};
  const messages: JsonSchema = {};
  const limit = (keyword: keyof UnitSpec, words: string): void => {
    if (unit[keyword] === undefined) return;
    limits[keyword] = unit[keyword];
    messages[keyword] = say(`must be ${words} ${unit[keyword]} ${name}`);
  };
  limit('minimum', 'at least');
  limit('maximum', 'at most');
  limit('exclusiveMinimum', 'more than');
  limit('exclusiveMaximum', 'less than');
  if (unit.decimals !== undefined) {
    limits.multipleOf = 10 ** -unit.decimals;
    messages.multipleOf = say(
      unit.decimals === 0
        ? `must be a whole number of ${name}`
        : `must have at most ${unit.decimals} decimal(s) in ${name}`,
    );
  }
  if (Object.keys(limits).length === 0) return undefined;
  return {
    if: { properties: { unit: { const: unit.unit } }, required: ['unit'] },
    then: { properties: { magnitude: { ...limits, errorMessage: messages } } },
  };
}

function proportionSchema(kind: string | undefined, say: Say): JsonSchema {
  const denominator: Record<string, JsonSchema> = {
    percent: { const: 100, errorMessage: say('denominator must be 100 for a percentage') },
    unitary: { const: 1, errorMessage: say('denominator must be 1') },
    fraction: { type: 'integer', exclusiveMinimum: 0, errorMessage: say('denominator must be a whole number above 0') },
  };
  return {
    type: 'object',
    required: ['numerator', 'denominator'],
    additionalProperties: false,
    properties: {
      numerator:
        kind === 'fraction'
          ? { type: 'integer', errorMessage: say('numerator must be a whole number') }
          : { type: 'number', errorMessage: say('numerator must be a number') },
      denominator: denominator[kind ?? ''] ?? {
        type: 'number',
        exclusiveMinimum: 0,
        errorMessage: say('denominator must be a number above 0'),
      },
    },
    errorMessage: objectMessages(say, 'a proportion {numerator, denominator}', ['numerator', 'denominator']),
  };
}

function ordinalSchema(ordinals: { ordinal: number; code: string; value: string }[], say: Say): JsonSchema {
  const words = listInWords(ordinals.map((o) => `${o.ordinal} ${o.value}`));
  return {
    type: 'object',
    required: ['ordinal', 'code', 'terminology', 'value'],
    additionalProperties: false,
    properties: {
      ordinal: { type: 'integer', errorMessage: say('ordinal must be a whole number') },
      code: { enum: ordinals.map((o) => o.code), errorMessage: say(`must be one of ${words}`) },
      terminology: { const: 'local', errorMessage: say('terminology must be "local"') },
      value: {
        type: 'string',
        minLength: 1,
        maxLength: 1000,
        errorMessage: say('value must be text of 1 to 1000 characters'),
      },
    },
    allOf: ordinals.map((o) => ({
      if: { properties: { code: { const: o.code } }, required: ['code'] },
      then: {
        properties: { ordinal: { const: o.ordinal, errorMessage: say(`ordinal must be ${o.ordinal} for ${o.value}`) } },
      },
    })),
    errorMessage: objectMessages(say, 'an ordinal {ordinal, code, terminology, value}', [
      'ordinal',
      'code',
      'terminology',
      'value',
    ]),
  };
}

function identifierSchema(say: Say): JsonSchema {
  const part = (max: number): JsonSchema => ({
    type: 'string',
    minLength: 1,
    maxLength: max,
    errorMessage: say(`parts must be text of 1 to ${max} characters`),
  });
  return {
    type: 'object',
    required: ['id'],
    additionalProperties: false,
    properties: { id: part(200), issuer: part(200), assigner: part(200), type: part(100) },
    errorMessage: objectMessages(say, 'an identifier {id, issuer?, assigner?, type?}', ['id']),
  };
}

function attachmentSchema(mediaTypes: string[] | undefined, maxBytes: number | undefined, say: Say): JsonSchema {
  return {
    type: 'object',
    required: ['id', 'mediaType', 'size', 'sha256'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', format: 'uuid', errorMessage: say('id must be the id of an uploaded file') },
      mediaType: mediaTypes
        ? { enum: mediaTypes, errorMessage: say(`file must be of type ${listInWords(mediaTypes)}`) }
        : { type: 'string', minLength: 3, maxLength: 100, errorMessage: say('mediaType must be a media type') },
      size: {
        type: 'integer',
        minimum: 0,
        ...(maxBytes ? { maximum: maxBytes } : {}),
        errorMessage: say(maxBytes ? `file must be at most ${maxBytes} bytes` : 'size must be a whole number of bytes'),
      },
      sha256: {
        type: 'string',
        pattern: '^[0-9a-f]{64}$',
        errorMessage: say('sha256 must be 64 lowercase hex digits'),
      },
      name: {
        type: 'string',
        minLength: 1,
        maxLength: 255,
        errorMessage: say('name must be text of 1 to 255 characters'),
      },
    },
    errorMessage: objectMessages(say, 'an uploaded file {id, mediaType, size, sha256, name?}', [
      'id',
      'mediaType',
      'size',
      'sha256',
    ]),
  };
}
