import Router from 'find-my-way';

type Method = Router.HTTPMethod;

const methodsWeAnswer: Method[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * A second router that knows every registered route's method and URL pattern, so that a request
 * Fastify cannot route can be told apart: wrong method on an existing path (405 with `Allow`)
 * or no such path (404).
 *
 * @example
 * const allowed = new AllowedMethods();
 * allowed.add('GET', '/api/health');
 * allowed.for('/api/health'); // ['GET', 'HEAD']
 */
export class AllowedMethods {
  readonly #router = Router({ ignoreTrailingSlash: false, caseSensitive: true });

  add(method: string | string[], url: string): void {
    for (const one of Array.isArray(method) ? method : [method]) {
      const upper = one.toUpperCase() as Method;
      if (!methodsWeAnswer.includes(upper) || this.#router.findRoute(upper, url)) continue;
      this.#router.on(upper, url, () => {});
      if (upper === 'GET' && !this.#router.findRoute('HEAD', url)) this.#router.on('HEAD', url, () => {});
    }
  }

  /** The methods registered for a concrete path (query string ignored), in a stable order. */
  for(path: string): Method[] {
    const [pathOnly = '/'] = path.split('?', 1);
    return methodsWeAnswer.filter((method) => this.#router.find(method, pathOnly) !== null);
  }
}
