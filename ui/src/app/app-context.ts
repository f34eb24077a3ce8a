import { createContext } from '@lit/context';
import type { DocsyApi } from '../api.js';
import type { Account } from './account.js';
import type { Session } from './session.js';

/** What the shell gives every page (through `@lit/context`; `DocsyPage` consumes it). */
export interface AppServices {
  /** The API client: sends the access token, refreshes it, throws `ApiProblem` on errors. */
  api: DocsyApi;
  session: Session;
  /** The signed-in account (undefined on the sign-in and registration pages). */
  account: Account | undefined;
  /** Goes to another page of the app; `replace` for a redirect. */
  navigate(path: string, options?: { replace?: boolean }): void;
  /** Says something to screen readers (a polite live region): "Saved", "Appointment booked". */
  announce(message: string): void;
}

export const appContext = createContext<AppServices>(Symbol('docsy-app'));
