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
