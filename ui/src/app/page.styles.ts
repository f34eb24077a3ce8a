import { css } from 'lit';
import { visuallyHiddenStyles } from '../visually-hidden.styles.js';

/** The look every page shares: headings, sections, tables, forms, buttons, states. */
const own = css`
  :host {
    display: block;
    font-family: var(--docsy-font, system-ui, sans-serif);
    color: var(--docsy-text, #1d2733);
    line-height: 1.45;
  }
  h1 {
    margin: 0 0 1rem;
    font-size: 1.75rem;
  }
  h1:focus {
    outline: none;
  }
  h1:focus-visible {
    outline: 3px solid var(--docsy-focus, #1a5fb4);
  }
  h2 {
    margin: 1.5rem 0 0.5rem;
    font-size: 1.3rem;
  }
  h3 {
    margin: 1rem 0 0.4rem;
    font-size: 1.1rem;
  }
  p {
    margin: 0 0 0.75rem;
  }
  a {
    color: var(--docsy-link, #174ea6);
  }
  :focus-visible {
    outline: 3px solid var(--docsy-focus, #1a5fb4);
    outline-offset: 2px;
  }
  .lead,
  .note,
  .loading,
  .empty,
  .meta {
    color: var(--docsy-muted, #4b5a6a);
  }
  .empty {
    padding: 0.75rem 1rem;
    border: 1px dashed var(--docsy-border-light, #c9d2dc);
    border-radius: 6px;
  }
  .meta {
    font-size: 0.9rem;
  }
  .card {
    margin: 0 0 1rem;
    padding: 1rem 1.25rem;
    border: 1px solid var(--docsy-border-light, #c9d2dc);
    border-radius: 8px;
    background: var(--docsy-surface, #fff);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: 1rem;
  }
  .notice,
  .warning,
  .success {
    margin: 0 0 1rem;
    padding: 0.75rem 1rem;
    border-radius: 6px;
    border-left: 6px solid;
  }
  .notice {
    border-color: var(--docsy-focus, #1a5fb4);
    background: #eef4fc;
  }
  .warning {
    border-color: #8a4b00;
    background: #fff5e0;
  }
  .success {
    border-color: #1e6b34;
    background: #edf7ef;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    margin: 0 0 1rem;
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding: 0 0 0.4rem;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 0.45rem 0.6rem;
    border-bottom: 1px solid var(--docsy-border-light, #c9d2dc);
  }
  thead th {
    font-size: 0.9rem;
    color: var(--docsy-muted, #4b5a6a);
  }
  ul.plain {
    list-style: none;
    margin: 0 0 1rem;
    padding: 0;
  }
  ul.plain > li {
    padding: 0.45rem 0;
    border-bottom: 1px solid var(--docsy-border-light, #c9d2dc);
  }
  button,
  .button {
    display: inline-block;
    font: inherit;
    color: inherit;
    text-decoration: none;
    padding: 0.4rem 0.9rem;
    border: 1px solid var(--docsy-border, #7b8794);
    border-radius: 4px;
    background: var(--docsy-surface-alt, #f1f4f8);
    cursor: pointer;
  }
  button.primary,
  .button.primary {
    color: #fff;
    background: var(--docsy-primary, #1a5fb4);
    border-color: var(--docsy-primary, #1a5fb4);
  }
  button.danger {
    color: #fff;
    background: var(--docsy-danger, #a4161a);
    border-color: var(--docsy-danger, #a4161a);
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin: 0.5rem 0 1rem;
  }
  ul.actions {
    list-style: none;
    padding: 0;
  }
  form.stacked {
    max-width: 30rem;
  }
  .field {
    margin: 0 0 1rem;
  }
  .field > label,
  .field > .label {
    display: block;
    font-weight: 600;
    margin: 0 0 0.25rem;
  }
  .field .help {
    display: block;
    font-size: 0.875rem;
    color: var(--docsy-muted, #4b5a6a);
    margin: 0 0 0.25rem;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    padding: 0.4rem 0.5rem;
    border: 1px solid var(--docsy-border, #7b8794);
    border-radius: 4px;
    background: #fff;
    max-width: 100%;
    box-sizing: border-box;
  }
  .field input,
  .field select,
  .field textarea {
    width: 100%;
  }
  [aria-invalid='true'] {
    border-color: var(--docsy-danger, #a4161a);
    border-width: 2px;
  }
  .field-error {
    display: block;
    margin: 0.25rem 0 0;
    color: var(--docsy-danger, #a4161a);
    font-weight: 600;
  }
  .badge {
    display: inline-block;
    padding: 0.05rem 0.5rem;
    border-radius: 999px;
    font-size: 0.8rem;
    font-weight: 600;
    border: 1px solid currentColor;
  }
  .badge.alert {
    color: var(--docsy-danger, #a4161a);
  }
  .badge.muted {
    color: var(--docsy-muted, #4b5a6a);
  }
  nav.tabs ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    list-style: none;
    margin: 0 0 1rem;
    padding: 0;
    border-bottom: 1px solid var(--docsy-border-light, #c9d2dc);
  }
  nav.tabs a {
    display: block;
    padding: 0.45rem 0.8rem;
    text-decoration: none;
    color: inherit;
    border: 1px solid transparent;
    border-bottom: none;
    border-radius: 6px 6px 0 0;
  }
  nav.tabs a[aria-current='page'] {
    border-color: var(--docsy-border-light, #c9d2dc);
    background: var(--docsy-surface, #fff);
    font-weight: 700;
    margin-bottom: -1px;
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0 0 1rem;
  }
  dl.facts dt {
    font-weight: 600;
  }
  dl.facts dd {
    margin: 0;
  }
`;

export const pageStyles = [visuallyHiddenStyles, own];
