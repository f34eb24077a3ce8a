import type { Role } from './account.js';

/**
 * Who may open a page: only signed-out visitors (sign-in, registration), anyone signed in, or
 * accounts holding one of the roles listed.
 */
export type PageAccess = 'signed-out' | 'signed-in' | readonly Role[];

/** One page of the app (docs/ui.md, "Adding a page"). */
export interface PageRoute {
  /** The path, with `:name` for a parameter: `/patients/:ehrId`. */
  path: string;
  /** The page's custom element; it receives `params` and `query` (see `DocsyPage`). */
  tag: string;
  /** Imports the page's module (each page is loaded when first opened). */
  load: () => Promise<unknown>;
  /** The document title, and the navigation label unless `nav` names another. */
  title: string;
  access: PageAccess;
  /** Shown in the main navigation to those who may open it, with this label. */
  nav?: string;
  /** The page these roles land on after signing in (the first route naming a role wins). */
  homeOf?: readonly Role[];
}

/** A route matched to a location: the path parameters (decoded) and the query. */
export interface RouteMatch {
  route: PageRoute;
  params: Record<string, string>;
  query: URLSearchParams;
}

/**
 * The parameters of `pathname` under a route pattern, or undefined when it does not match.
 *
 * @example
 * matchPath('/patients/:ehrId', '/patients/7b0e'); // { ehrId: '7b0e' }
 */
export function matchPath(pattern: string, pathname: string): Record<string, string> | undefined {
  const wanted = pattern.split('/').filter(Boolean);
  const given = pathname.split('/').filter(Boolean);
  if (wanted.length !== given.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of wanted.entries()) {
    const value = given[index]!;
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(value);
      } catch {
        return undefined;
      }
    } else if (part !== value) return undefined;
  }
  return params;
}

/**
 * The first route matching a location.
 *
 * @example
 * findRoute(pageRoutes, new URL(location.href));
 */
export function findRoute(routes: readonly PageRoute[], url: URL): RouteMatch | undefined {
  for (const route of routes) {
    const params = matchPath(route.path, url.pathname);
    if (params) return { route, params, query: url.searchParams };
  }
  return undefined;
}

/**
 * Whether an account (undefined: signed out) may open a route.
 *
 * @example
 * mayOpen(route, session.account?.roles);
 */
export function mayOpen(route: PageRoute, roles: readonly Role[] | undefined): boolean {
  if (route.access === 'signed-out') return roles === undefined;
  if (roles === undefined) return false;
  if (route.access === 'signed-in') return true;
  return roles.some((role) => (route.access as readonly Role[]).includes(role));
}

/**
 * Where an account lands after signing in: the first route that is the home of one of its roles.
 *
 * @example
 * homePath(pageRoutes, ['doctor']); // '/dashboard'
 */
export function homePath(routes: readonly PageRoute[], roles: readonly Role[]): string {
  const home = routes.find((route) => route.homeOf?.some((role) => roles.includes(role)));
  return home?.path ?? '/welcome';
}
