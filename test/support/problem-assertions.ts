import type { LightMyRequestResponse } from 'fastify';
import * as assert from 'uvu/assert';

/** The body of a problem response. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId: string;
  errors?: { path: string; message: string }[];
}

/**
 * Asserts that a response is an RFC 9457 problem with `status` (and, when given, `type`'s code
 * slug), that it carries the request id of its `x-request-id` header, and that nothing in it
 * looks like a stack trace. Returns the parsed body.
 *
 * @example
 * const problem = assertProblem(response, 404, 'not-found');
 */
export function assertProblem(response: LightMyRequestResponse, status: number, typeSlug?: string): ProblemBody {
  assert.is(response.statusCode, status, `status of ${response.body}`);
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
  const problem = response.json<ProblemBody>();
  assert.is(problem.status, status);
  assert.type(problem.title, 'string');
  assert.type(problem.detail, 'string');
  assert.match(problem.type, /^https:\/\/docsy\.dev\/problems\/[a-z-]+$/);
  if (typeSlug) assert.is(problem.type, `https://docsy.dev/problems/${typeSlug}`);
  assert.ok(problem.requestId, 'problem has a requestId');
  assert.is(problem.requestId, response.headers['x-request-id']);
  assert.not.match(response.body, /\n\s+at |node_modules|\.ts:\d+/, 'no stack trace in a problem');
  return problem;
}
