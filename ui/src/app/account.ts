/** Every role of SPEC §1; an account holds one or more. */
export const roles = ['patient', 'doctor', 'nurse', 'lab_technician', 'pharmacist', 'modeller', 'admin'] as const;

export type Role = (typeof roles)[number];

/** Roles that work with patients' records (docs/access.md). */
export const practitionerRoles: readonly Role[] = ['doctor', 'nurse', 'lab_technician', 'pharmacist'];

/** The signed-in account, as `GET /api/me` answers it. */
export interface Account {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  status: 'active' | 'pending' | 'disabled';
  /** A patient's own EHR. */
  ehrId?: string;
  /** The secret URL of the account's calendar feed. */
  calendarUrl: string;
}

/** How a role is named on the pages. */
export const roleNames: Record<Role, string> = {
  patient: 'Patient',
  doctor: 'Doctor',
  nurse: 'Nurse',
  lab_technician: 'Lab technician',
  pharmacist: 'Pharmacist',
  modeller: 'Clinical modeller',
  admin: 'Administrator',
};

/**
 * Whether an account holds any of the roles.
 *
 * @example
 * if (hasRole(account, ['doctor', 'nurse'])) showChart();
 */
export function hasRole(account: Pick<Account, 'roles'> | undefined, wanted: readonly Role[]): boolean {
  return !!account && account.roles.some((role) => wanted.includes(role));
}
