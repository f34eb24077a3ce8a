import { css } from 'lit';
import { visuallyHiddenStyles } from '../visually-hidden.styles.js';

/** The look every field shares: label, help, error, inputs, and a visible focus ring. */
const own = css`
  :host {
    display: block;
    margin: 0 0 0.9rem;
    font: inherit;
    color: var(--docsy-text, #1d2733);
  }
  :host([hidden]) {
    display: none;
  }
  label,
  legend {
    display: block;
    font-weight: 600;
    margin-bottom: 0.2rem;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  .required {
    color: var(--docsy-danger, #a4161a);
  }
  .help {
    margin: 0 0 0.3rem;
    font-size: 0.875rem;
    color: var(--docsy-muted, #4b5a6a);
  }
  .error {
    margin: 0.3rem 0 0;
    font-size: 0.875rem;
    font-weight: 600;
    color: var(--docsy-danger, #a4161a);
  }
  .error:empty {
    display: none;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
    color: inherit;
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    box-sizing: border-box;
    padding: 0.35rem 0.5rem;
    border: 1px solid var(--docsy-border, #7b8794);
    border-radius: 4px;
    background: var(--docsy-surface, #fff);
    max-width: 100%;
  }
  textarea {
    width: 100%;
    min-height: 4.5rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--docsy-danger, #a4161a) !important;
  }
  button {
    padding: 0.3rem 0.7rem;
    border: 1px solid var(--docsy-border, #7b8794);
    border-radius: 4px;
    background: var(--docsy-surface-alt, #f1f4f8);
    cursor: pointer;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  :focus-visible {
    outline: 3px solid var(--docsy-focus, #1a5fb4);
    outline-offset: 2px;
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }
  .option {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    font-weight: 400;
    margin: 0;
  }
  .note {
    font-size: 0.875rem;
    color: var(--docsy-muted, #4b5a6a);
  }
`;

export const fieldStyles = [visuallyHiddenStyles, own];
