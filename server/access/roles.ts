/** Every role of SPEC §1. An account holds one or more. */
export const roles = ['patient', 'doctor', 'nurse', 'lab_technician', 'pharmacist', 'modeller', 'admin'] as const;

export type Role = (typeof roles)[number];

/** Roles that work with patients' records (a care relationship decides whose). */
export const practitionerRoles = ['doctor', 'nurse', 'lab_technician', 'pharmacist'] as const satisfies Role[];

/** Roles anyone may register as; nobody registers as admin. */
export const registrableRoles = ['patient', 'doctor', 'nurse', 'lab_technician', 'pharmacist', 'modeller'] as const;

export type RegistrableRole = (typeof registrableRoles)[number];

export const accountStatuses = ['active', 'pending', 'disabled'] as const;

export type AccountStatus = (typeof accountStatuses)[number];

/**
 * The status a new account starts with: a patient is active at once; everyone else waits for an
 * admin's approval.
 *
 * @example
 * initialStatus('patient'); // 'active'
 * initialStatus('doctor'); // 'pending'
 */
export function initialStatus(role: RegistrableRole): AccountStatus {
  return role === 'patient' ? 'active' : 'pending';
}

/** What the permission policy grants on compositions of a template. */
export const policyActions = ['read', 'create', 'amend', 'delete'] as const;

export type PolicyAction = (typeof policyActions)[number];
