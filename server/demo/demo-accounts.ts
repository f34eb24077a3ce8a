import type { Role } from '../access/roles.js';
import { familyNames, givenNames } from './demo-names.js';
import type { PlannedAccount } from './demo-plan.js';
import type { SeededRandom } from './seeded-random.js';

/** The password of every demo account (SPEC "Demo data"). */
export const demoPassword = 'docsy-demo';

/** The email domain of every demo account; nobody else's account is under it. */
export const demoEmailDomain = 'docsy.demo';

/** The demo logins of SPEC "Demo data", by account key. */
export const demoLogins: { key: string; email: string; name: string; roles: Role[] }[] = [
  { key: 'patient', email: 'patient@docsy.demo', name: 'Alex Morgan', roles: ['patient'] },
  { key: 'patient2', email: 'patient2@docsy.demo', name: 'Sam Rivera', roles: ['patient'] },
  { key: 'doctor', email: 'doctor@docsy.demo', name: 'Dr Helen Ashworth', roles: ['doctor'] },
  { key: 'doctor2', email: 'doctor2@docsy.demo', name: 'Dr Tomas Berg', roles: ['doctor'] },
  { key: 'nurse', email: 'nurse@docsy.demo', name: 'Nurse Priya Shah', roles: ['nurse'] },
  { key: 'lab', email: 'lab@docsy.demo', name: 'Lab Technician Marco Bianchi', roles: ['lab_technician'] },
  { key: 'pharmacist', email: 'pharmacist@docsy.demo', name: 'Pharmacist Joy Adebayo', roles: ['pharmacist'] },
  { key: 'modeller', email: 'modeller@docsy.demo', name: 'Ruth Modeller', roles: ['modeller'] },
  { key: 'admin', email: 'admin@docsy.demo', name: 'Demo Administrator', roles: ['admin'] },
];

/** The other practitioners: more doctors and nurses, so records have several authors. */
const otherPractitioners: { key: string; name: string; role: Role }[] = [
  { key: 'doctor3', name: 'Dr Naomi Fairbanks', role: 'doctor' },
  { key: 'doctor4', name: 'Dr Kwame Asante', role: 'doctor' },
  { key: 'doctor5', name: 'Dr Lucia Ferreira', role: 'doctor' },
  { key: 'nurse2', name: 'Nurse Owen Hughes', role: 'nurse' },
  { key: 'nurse3', name: 'Nurse Selma Nordin', role: 'nurse' },
  { key: 'lab2', name: 'Radiographer Ivo Marek', role: 'lab_technician' },
];

/** How many synthetic patients the demo holds (`patient@` and `patient2@` are the first two). */
export const demoPatientCount = 50;

/**
 * The demo accounts: the nine logins, six more practitioners, and 48 more patients with
 * generated names and birth dates (so 50 patients in all).
 *
 * @example
 * demoAccounts(new SeededRandom(1)).find((a) => a.key === 'doctor')!.email; // 'doctor@docsy.demo'
 */
export function demoAccounts(random: SeededRandom): PlannedAccount[] {
  const accounts: PlannedAccount[] = demoLogins.map((login) => ({ ...login }));
  for (const practitioner of otherPractitioners) {
    const email = `${practitioner.key}@staff.${demoEmailDomain}`;
    accounts.push({ key: practitioner.key, email, name: practitioner.name, roles: [practitioner.role] });
  }
  const used = new Set<string>();
  for (let i = 1; i <= demoPatientCount; i++) {
    const key = patientKey(i);
    const birthDate = birthDateOf(random);
    const login = accounts.find((a) => a.key === key);
    if (login) {
      login.birthDate = birthDate;
      continue;
    }
    let name: string;
    do name = `${random.pick(givenNames)} ${random.pick(familyNames)}`;
    while (used.has(name));
    used.add(name);
    const email = `${name.toLowerCase().replace(' ', '.')}@patients.${demoEmailDomain}`;
    accounts.push({ key, email, name, roles: ['patient'], birthDate });
  }
  return accounts;
}

/**
 * The account key of the i-th patient (1-based): `patient` and `patient2` are the demo logins.
 *
 * @example
 * patientKey(1); // 'patient'
 * patientKey(7); // 'patient-07'
 */
export function patientKey(i: number): string {
  if (i === 1) return 'patient';
  if (i === 2) return 'patient2';
  return `patient-${String(i).padStart(2, '0')}`;
}

function birthDateOf(random: SeededRandom): string {
  const year = random.int(1938, 2004);
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  return `${year}-${month}-${day}`;
}
