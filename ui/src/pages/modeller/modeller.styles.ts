import { css } from 'lit';
import { pageStyles } from '../../app/page.styles.js';

/** The modeller pages' look: the editor beside its preview, file text in a monospace font. */
export const modellerStyles = [
  ...pageStyles,
  css`
    .workspace {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      gap: 1.5rem;
      align-items: start;
    }
    @media (max-width: 60rem) {
      .workspace {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    textarea.source,
    pre.source {
      font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace;
      font-size: 0.85rem;
      line-height: 1.4;
      tab-size: 2;
    }
    textarea.source {
      width: 100%;
      min-height: 36rem;
      resize: vertical;
      white-space: pre;
    }
    pre.source {
      overflow: auto;
      max-height: 30rem;
      padding: 0.75rem;
      border: 1px solid var(--docsy-border-light, #c9d2dc);
      border-radius: 6px;
      background: var(--docsy-surface-alt, #f1f4f8);
    }
    .preview {
      border: 1px solid var(--docsy-border-light, #c9d2dc);
      border-radius: 8px;
      padding: 0 1rem 1rem;
    }
    ul.problems {
      margin: 0.25rem 0 0.25rem;
      padding-left: 1.25rem;
    }
    button.link {
      padding: 0;
      border: none;
      background: none;
      color: var(--docsy-link, #174ea6);
      text-decoration: underline;
    }
    code {
      font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace;
      font-size: 0.9em;
    }
  `,
];
