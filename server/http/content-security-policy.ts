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
 * Removes `upgrade-insecure-requests` from a policy (the one @fastify/swagger-ui sets on /docs).
 *
 * @example
 * withoutUpgradeInsecureRequests("default-src 'self'; upgrade-insecure-requests;"); // "default-src 'self';"
 */
export function withoutUpgradeInsecureRequests(policy: string): string {
  return policy.replace(/\s*upgrade-insecure-requests;?/g, '').trim();
}
