import { css } from 'lit';
import { visuallyHiddenStyles } from '../visually-hidden.styles.js';

const own = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 100vh;
    font-family: var(--docsy-font, system-ui, sans-serif);
    color: var(--docsy-text, #1d2733);
  }
  header .skip {
    position: absolute;
    left: 0.5rem;
    top: -3rem;
    padding: 0.5rem 0.75rem;
    color: var(--docsy-text, #1d2733);
    background: #fff;
    border: 2px solid var(--docsy-focus, #1a5fb4);
    z-index: 10;
  }
  .skip:focus {
    top: 0.5rem;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1.5rem;
    padding: 0.6rem 1.5rem;
    background: #12355b;
    color: #fff;
  }
  header a {
    color: #fff;
  }
  .brand {
    font-size: 1.4rem;
    font-weight: 700;
    text-decoration: none;
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  nav a {
    display: block;
    padding: 0.3rem 0.1rem;
    text-decoration: none;
    border-bottom: 3px solid transparent;
  }
  nav a:hover {
    border-bottom-color: #9ec1ee;
  }
  nav a[aria-current='page'] {
    border-bottom-color: #fff;
    font-weight: 700;
  }
  .account {
    margin-left: auto;
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }
  .roles {
    color: #d5e3f5;
  }
  button {
    font: inherit;
    padding: 0.3rem 0.8rem;
    border: 1px solid #fff;
    border-radius: 4px;
    color: #fff;
    background: transparent;
    cursor: pointer;
  }
  :focus-visible {
    outline: 3px solid #ffbf47;
    outline-offset: 2px;
  }
  .notice {
    margin: 1rem 1.5rem 0;
    padding: 0.6rem 1rem;
    border-left: 6px solid var(--docsy-focus, #1a5fb4);
    background: #eef4fc;
  }
  main {
    flex: 1;
    width: 100%;
    max-width: 75rem;
    box-sizing: border-box;
    padding: 1.5rem;
    margin: 0 auto;
  }
  main:focus {
    outline: none;
  }
  .loading {
    color: var(--docsy-muted, #4b5a6a);
  }
  footer {
    padding: 0.6rem 1.5rem;
    border-top: 1px solid #d8dee6;
    font-size: 0.875rem;
    color: var(--docsy-muted, #4b5a6a);
  }
  .status[data-kind='down'] {
    color: var(--docsy-danger, #a4161a);
  }
`;

export const shellStyles = [visuallyHiddenStyles, own];
