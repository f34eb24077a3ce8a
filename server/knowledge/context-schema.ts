import type { CodeOption } from './element-tree.js';
import { listInWords, type JsonSchema } from './value-schema.js';

/** The openEHR "setting" terminology: where care took place. */
export const careSettings: CodeOption[] = [
  { code: '225', value: 'home' },
  { code: '227', value: 'emergency care' },
  { code: '228', value: 'primary medical care' },
  { code: '229', value: 'primary nursing care' },
  { code: '230', value: 'primary allied health care' },
  { code: '231', value: 'midwifery care' },
  { code: '232', value: 'secondary medical care' },
  { code: '233', value: 'secondary nursing care' },
  { code: '234', value: 'secondary allied health care' },
  { code: '235', value: 'complementary health care' },
  { code: '236', value: 'dental care' },
  { code: '237', value: 'nursing home care' },
  { code: '238', value: 'other care' },
];

const exactTime = (label: string): JsonSchema => ({
  type: 'string',
  format: 'date-time',
  maxLength: 35,
  errorMessage: `${label}: must be a date and time with a time zone, such as 2024-03-15T10:30:00+01:00`,
});

/**
 * The schema of a composition's context, the same for every template: when the care event
 * started (mandatory) and ended, the care setting and the facility.
 */
export function contextSchema(): JsonSchema {
  return {
    type: 'object',
    required: ['startTime'],
    additionalProperties: false,
    properties: {
      startTime: exactTime('Start time'),
      endTime: exactTime('End time'),
      setting: {
        type: 'object',
        required: ['code', 'terminology', 'value'],
        additionalProperties: false,
        properties: {
          code: {
            enum: careSettings.map((s) => s.code),
            errorMessage: `Setting: must be ${listInWords(careSettings.map((s) => s.value))}`,
          },
          terminology: { const: 'openehr', errorMessage: 'Setting: terminology must be "openehr"' },
          value: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
            errorMessage: "Setting: value must be the setting's name",
          },
        },
        errorMessage: {
          type: 'Setting: must be a coded value {code, terminology, value}',
          additionalProperties: 'is not part of Setting',
        },
      },
      facility: {
        type: 'string',
        minLength: 1,
        maxLength: 200,
        errorMessage: 'Facility: must be text of 1 to 200 characters',
      },
    },
    errorMessage: {
      type: 'Context: must be an object',
      required: { startTime: 'Start time: is required' },
      additionalProperties: 'is not part of the context',
    },
  };
}
