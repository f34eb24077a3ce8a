import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findRoute, homePath, matchPath, mayOpen, type PageRoute } from '../../../ui/src/app/page-route.js';

const page = (path: string, access: PageRoute['access'], homeOf?: PageRoute['homeOf']): PageRoute => ({
  path,
  access,
  tag: 'x-page',
  title: path,
  load: () => Promise.resolve(),
  ...(homeOf ? { homeOf } : {}),
});

const routes = [
  page('/sign-in', 'signed-out'),
  page('/dashboard', ['doctor', 'nurse'], ['doctor', 'nurse']),
  page('/patients/:patientId', ['doctor', 'nurse', 'pharmacist']),
  page('/patients/:patientId/entries/:uid', ['doctor']),
  page('/pharmacy', ['pharmacist'], ['pharmacist']),
];

test('a pattern matches paths of its length and decodes its parameters', () => {
  assert.equal(matchPath('/patients/:patientId', '/patients/a%20b'), { patientId: 'a b' });
  assert.equal(matchPath('/patients/:patientId', '/patients/7/'), { patientId: '7' });
  assert.is(matchPath('/patients/:patientId', '/patients'), undefined);
  assert.is(matchPath('/patients/:patientId', '/patients/7/entries'), undefined);
  assert.is(matchPath('/patients/:patientId', '/patients/%E0%A4%A'), undefined, 'malformed escapes match nothing');
});

test('the first matching route wins, with the query of the location', () => {
  const match = findRoute(routes, new URL('http://x/patients/42/entries/9?tab=lab'));
  assert.is(match?.route.path, '/patients/:patientId/entries/:uid');
  assert.equal(match?.params, { patientId: '42', uid: '9' });
  assert.is(match?.query.get('tab'), 'lab');
  assert.is(findRoute(routes, new URL('http://x/nowhere')), undefined);
});

test('who may open a route: visitors only the signed-out pages, accounts those of their roles', () => {
  assert.ok(mayOpen(routes[0]!, undefined));
  assert.not.ok(mayOpen(routes[0]!, ['patient']));
  assert.not.ok(mayOpen(routes[1]!, undefined));
  assert.ok(mayOpen(routes[1]!, ['nurse']));
  assert.not.ok(mayOpen(routes[1]!, ['patient']));
  assert.ok(mayOpen(page('/welcome', 'signed-in'), ['admin']));
});

test('an account lands on the first home of its roles, or the welcome page', () => {
  assert.is(homePath(routes, ['doctor']), '/dashboard');
  assert.is(homePath(routes, ['pharmacist', 'nurse']), '/dashboard', 'table order decides');
  assert.is(homePath(routes, ['pharmacist']), '/pharmacy');
  assert.is(homePath(routes, ['admin']), '/welcome');
});

test.run();
