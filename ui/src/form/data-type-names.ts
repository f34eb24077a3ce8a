import type { DataType } from './form-definition.js';

/** How each data type is named where a choice offers it. */
export const dataTypeNames: Record<DataType, string> = {
  text: 'Text',
  text_or_coded_text: 'Text',
  coded_text: 'Coded text',
  quantity: 'Quantity',
  count: 'Count',
  proportion: 'Proportion',
  ordinal: 'Score',
  boolean: 'Yes or no',
  date: 'Date',
  time: 'Time',
  date_time: 'Date or date and time',
  duration: 'Duration',
  identifier: 'Identifier',
  uri: 'Web address',
  attachment: 'File',
};
