/**
 * The Content-Security-Policy for the UI: everything from our own origin, no inline scripts,
 * no plugins, no framing. No `upgrade-insecure-requests`: the embedded default is served over
 * plain http on 127.0.0.1, and TLS, where used, ends at the load balancer.
 */
export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/**
 * Adapts the policy @fastify/swagger-ui sets on `/docs` (hashes for its scripts): without
 * `upgrade-insecure-requests`, and with inline styles, which Swagger UI's rendering applies.
 * Inline styles stay forbidden in the application itself.
 *
 * @example
 * docsPagePolicy("style-src 'self' https: ; upgrade-insecure-requests;"); // "style-src 'self' 'unsafe-inline' https: ;"
 */
export function docsPagePolicy(policy: string): string {
  return policy
    .replace(/\s*upgrade-insecure-requests;?/g, '')
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    .trim();
}

/**
 * The policy of the UI's worker scripts (`/assets/worker-*.js`, vite.config.ts names them): the
 * form engine validates compositions with Ajv, which compiles a schema into a function, and
 * the page's policy forbids that. A dedicated worker runs under the policy of its own script's
 * response, so only there is `'unsafe-eval'` allowed; the worker has no page to reach, holds no
 * token, and may fetch nothing (`default-src 'none'`).
 */
export const workerScriptPolicy = "default-src 'none'; script-src 'self' 'unsafe-eval'";

/** Whether a served UI file is a worker script (see `workerScriptPolicy`). */
export function isWorkerScript(relativePath: string): boolean {
  return /^assets\/worker-[\w.-]+\.js$/.test(relativePath);
}
