import { customElement, property } from 'lit/decorators.js';
import { DocsyDateInput } from './docsy-date-input.js';
import type { DatePrecision } from './partial-dates.js';

/**
 * A date-time, possibly partial: a year, a year and month, a full date, or a date and time
 * (to the second, with the time zone: the browser's, or the one a loaded value carries). With
 * `exact`, only a date and time (a composition's start time).
 *
 * @event docsy-change - `{value}`: the date-time as text, or undefined when emptied
 * @csspart control - the input
 * @csspart precision - the precision picker
 * @csspart error - the error text
 */
@customElement('docsy-date-time-input')
export class DocsyDateTimeInput extends DocsyDateInput {
  /** Only a full date and time is allowed. */
  @property({ type: Boolean, reflect: true }) exact = false;

  constructor() {
    super();
    this.precision = 'time';
  }

  protected override get precisions(): DatePrecision[] {
    return this.exact ? ['time'] : ['year', 'month', 'date', 'time'];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-date-time-input': DocsyDateTimeInput;
  }
}
