import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import type { Database } from '../db/database.js';
import { problemResponses } from '../http/problem-schema.js';
import * as schemas from './admin-schemas.js';
import { accountsPage, setAccountRoles, setAccountStatus } from './admin-service.js';
import { viewerOf } from './ehr-access.js';
import type { PermissionRule } from './permission-policy.js';
import type { PolicyStore } from './policy-store.js';
import type { AccountStatus, Role } from './roles.js';

export interface AdminRoutesOptions {
  db: Kysely<Database>;
  policy: PolicyStore;
}

const admin = { roles: ['admin'] as const };

/**
 * Administration (admin role only): accounts (approve, disable, assign roles), the permission
 * policy, and the audit chain's verification.
 *
 * @example
 * await app.register(adminRoutes, { db, policy });
 */
export const adminRoutes: FastifyPluginAsync<AdminRoutesOptions> = async (app, { db, policy }) => {
  app.get<{ Querystring: { status?: AccountStatus; role?: Role; q?: string; limit: number; cursor?: string } }>(
    '/api/admin/accounts',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Accounts, oldest first (?status=pending for those awaiting approval; ?q= words of the name or email)',
        querystring: schemas.accountListQuery,
        response: { 200: schemas.adminAccountList, ...problemResponses('INVALID_REQUEST') },
      },
    },
    async (request) => accountsPage(db, request.query),
  );

  app.put<{ Params: { accountId: string }; Body: { status: 'active' | 'disabled' } }>(
    '/api/admin/accounts/:accountId/status',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Approve, disable or re-enable an account (disabling ends its sessions at once)',
        params: schemas.accountParams,
        body: schemas.statusBody,
        response: { 200: schemas.adminAccount, ...problemResponses('NOT_FOUND', 'CONFLICT', 'VALIDATION_FAILED') },
      },
    },
    async (request) => setAccountStatus(db, viewerOf(request), request.params.accountId, request.body.status),
  );

  app.put<{ Params: { accountId: string }; Body: { roles: Role[] } }>(
    '/api/admin/accounts/:accountId/roles',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: "Assign an account's roles",
        params: schemas.accountParams,
        body: schemas.rolesBody,
        response: { 200: schemas.adminAccount, ...problemResponses('NOT_FOUND', 'CONFLICT', 'VALIDATION_FAILED') },
      },
    },
    async (request) => setAccountRoles(db, viewerOf(request), request.params.accountId, request.body.roles),
  );

  app.get(
    '/api/admin/policy',
    {
      config: admin,
      schema: { tags: ['admin'], summary: 'The permission policy', response: { 200: schemas.policySchema } },
    },
    async () => ({ rules: await policy.rules() }),
  );

  app.put<{ Body: { rules: PermissionRule[] } }>(
    '/api/admin/policy',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Replace the whole permission policy',
        body: schemas.policySchema,
        response: { 200: schemas.policySchema, ...problemResponses('VALIDATION_FAILED') },
      },
    },
    async (request) => ({ rules: await policy.replace(request.body.rules, request.user, request.ip) }),
  );

  app.get(
    '/api/admin/audit/verify',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Verify the audit log: every hash chain, naming the first broken event',
        response: { 200: schemas.auditVerification },
      },
    },
    async () => verifyAuditChain(db),
  );
};
