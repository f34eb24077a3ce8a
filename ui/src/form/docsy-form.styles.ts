import { css } from 'lit';
import { visuallyHiddenStyles } from '../visually-hidden.styles.js';

const own = css`
  :host {
    display: block;
    font-family: var(--docsy-font, system-ui, sans-serif);
    color: var(--docsy-text, #1d2733);
    max-width: 52rem;
  }
  h2 {
    margin: 0 0 0.25rem;
    font-size: 1.4rem;
  }
  h3 {
    margin: 0 0 0.25rem;
    font-size: 1.15rem;
  }
  .description,
  .help {
    margin: 0 0 0.6rem;
    font-size: 0.875rem;
    color: var(--docsy-muted, #4b5a6a);
  }
  section.slot,
  fieldset.context {
    margin: 0 0 1.25rem;
    padding: 0.9rem 1rem 0.3rem;
    border: 1px solid var(--docsy-border-light, #c9d2dc);
    border-radius: 6px;
  }
  fieldset {
    margin: 0 0 0.9rem;
    min-width: 0;
  }
  fieldset.group,
  fieldset.list {
    padding: 0.6rem 0.8rem 0.2rem;
    border: 1px solid var(--docsy-border-light, #c9d2dc);
    border-radius: 6px;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  fieldset.context > legend {
    font-size: 1.15rem;
  }
  .required {
    color: var(--docsy-danger, #a4161a);
  }
  .item {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
  }
  /* A long list of parts (30 analytes) is laid out and painted only where it is seen. */
  .item.of-parts {
    content-visibility: auto;
    contain-intrinsic-size: auto 32rem;
  }
  .item.pending {
    min-height: 32rem;
    color: var(--docsy-muted, #4b5a6a);
  }
  .item > :first-child {
    flex: 1;
    min-width: 0;
  }
  .error {
    margin: 0 0 0.5rem;
    font-size: 0.875rem;
    font-weight: 600;
    color: var(--docsy-danger, #a4161a);
  }
  .error:empty {
    display: none;
  }
  button {
    font: inherit;
    padding: 0.3rem 0.7rem;
    border: 1px solid var(--docsy-border, #7b8794);
    border-radius: 4px;
    background: var(--docsy-surface-alt, #f1f4f8);
    color: inherit;
    cursor: pointer;
  }
  button.add {
    margin: 0 0 0.8rem;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button[type='submit'] {
    background: var(--docsy-primary, #1a5fb4);
    border-color: var(--docsy-primary, #1a5fb4);
    color: #fff;
    padding: 0.45rem 1.2rem;
  }
  :focus-visible {
    outline: 3px solid var(--docsy-focus, #1a5fb4);
    outline-offset: 2px;
  }
  .summary {
    margin: 0 0 1rem;
    padding: 0.75rem 1rem;
    border: 2px solid var(--docsy-danger, #a4161a);
    border-radius: 6px;
    background: #fdf2f2;
  }
  .summary h3 {
    color: var(--docsy-danger, #a4161a);
  }
  .summary ul {
    margin: 0.25rem 0 0;
    padding-left: 1.2rem;
  }
  .summary button {
    border: 0;
    padding: 0;
    background: none;
    color: var(--docsy-danger, #a4161a);
    text-decoration: underline;
    text-align: left;
  }
  .actions {
    display: flex;
    gap: 0.75rem;
    align-items: center;
  }
  .note {
    font-size: 0.875rem;
    color: var(--docsy-muted, #4b5a6a);
  }
`;

export const formStyles = [visuallyHiddenStyles, own];
