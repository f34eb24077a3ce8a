import { css } from 'lit';

/** `.visually-hidden`: text for assistive technology only (a button's full name, a live status). */
export const visuallyHiddenStyles = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
