import type { FastifyRequest } from 'fastify';
import type { Committer } from './commit-repository.js';

/**
 * The committer of a request: the signed-in user (composer of what they commit) and the
 * client address, for the audit event.
 *
 * @example
 * await commits.create(ehrId, request.body, committerOf(request));
 */
export function committerOf(request: FastifyRequest): Committer {
  const { user } = request;
  return { id: user.id, name: user.name, role: user.roles[0], address: request.ip };
}
