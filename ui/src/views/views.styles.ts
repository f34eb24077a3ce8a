import { css } from 'lit';
import { visuallyHiddenStyles } from '../visually-hidden.styles.js';

/** The look the read-only views share. */
const own = css`
  :host {
    display: block;
    font-family: var(--docsy-font, system-ui, sans-serif);
    color: var(--docsy-text, #1d2733);
  }
  h2,
  .h2 {
    margin: 0 0 0.25rem;
    font-size: 1.4rem;
    font-weight: 700;
  }
  h3,
  .h3,
  .h4 {
    margin: 0.75rem 0 0.25rem;
    font-size: 1.1rem;
    font-weight: 700;
  }
  .meta,
  .note {
    margin: 0 0 0.5rem;
    font-size: 0.875rem;
    color: var(--docsy-muted, #4b5a6a);
  }
  dl {
    display: grid;
    grid-template-columns: minmax(10rem, max-content) 1fr;
    gap: 0.25rem 1rem;
    margin: 0 0 0.5rem;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  dd > dl {
    margin: 0.25rem 0 0.25rem;
    padding-left: 0.75rem;
    border-left: 3px solid var(--docsy-border-light, #c9d2dc);
  }
  section {
    margin: 0 0 1rem;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 0.35rem 0.5rem;
    border-bottom: 1px solid var(--docsy-border-light, #c9d2dc);
  }
  button,
  select {
    font: inherit;
    color: inherit;
    padding: 0.3rem 0.6rem;
    border: 1px solid var(--docsy-border, #7b8794);
    border-radius: 4px;
    background: var(--docsy-surface-alt, #f1f4f8);
  }
  :focus-visible {
    outline: 3px solid var(--docsy-focus, #1a5fb4);
    outline-offset: 2px;
  }
  .added {
    color: #1e6b34;
  }
  .removed {
    color: var(--docsy-danger, #a4161a);
  }
  .error {
    color: var(--docsy-danger, #a4161a);
    font-weight: 600;
  }
  del {
    color: var(--docsy-danger, #a4161a);
  }
  ins {
    color: #1e6b34;
    text-decoration: none;
  }
`;

export const viewStyles = [visuallyHiddenStyles, own];
