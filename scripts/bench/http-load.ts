import autocannon from 'autocannon';

/** One request of a load: built afresh for every request sent. */
export interface LoadRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: string;
}

/** What a load measured: successful requests per second and their latency. */
export interface LoadResult {
  /** 2xx answers per second over the whole run. */
  perSecond: number;
  /** Latency percentiles of the 2xx answers, in milliseconds (exact, from every response). */
  p50: number;
  p99: number;
  ok: number;
  /** Non-2xx answers, connection errors and timeouts; the run's figures are not trusted with any. */
  failures: number;
  /** The first failing status codes seen, for the message. */
  failedStatuses: number[];
  seconds: number;
}

/**
 * Drives the server over HTTP with autocannon: `connections` keep-alive connections, each sending
 * its next request as soon as the previous answer arrives, for `seconds`. `next()` builds each
 * request (a new EHR to commit to, a random composition to read…). Latencies are kept per
 * response, so percentiles are exact rather than autocannon's whole milliseconds.
 *
 * @example
 * const result = await httpLoad(baseUrl, doctor.authorization, { connections: 16, seconds: 10 }, () => ({
 *   method: 'GET', path: `/api/ehr/${ehrId}/compositions?limit=100`,
 * }));
 */
export async function httpLoad(
  baseUrl: string,
  authorization: string,
  shape: { connections: number; seconds: number },
  next: () => LoadRequest,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const failedStatuses: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = {
      url: baseUrl,
      connections: shape.connections,
      duration: shape.seconds,
      headers: { authorization, 'content-type': 'application/json' },
      requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, ...next() }) }],
    };
    const instance = autocannon(options, (error: Error | null, done: autocannon.Result) =>
      error ? reject(error) : resolve(done),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      else if (failedStatuses.length < 5) failedStatuses.push(statusCode);
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / result.duration,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    ok: latencies.length,
    failures: result.non2xx + result.errors + result.timeouts,
    failedStatuses,
    seconds: result.duration,
  };
}

/**
 * The value below which `share` of the sorted values fall (nearest rank).
 *
 * @example
 * percentile([1, 2, 3, 4], 0.5); // 2
 */
export function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}
