import { practitionerRoles } from './account.js';
import type { PageRoute } from './page-route.js';

/**
 * Every page of the app, in matching order: the one place a page is added (docs/ui.md,
 * "Adding a page"). The main navigation lists the routes with `nav` that the account may
 * open, in this order.
 */
export const pageRoutes: readonly PageRoute[] = [
  {
    path: '/sign-in',
    tag: 'docsy-sign-in-page',
    load: () => import('../pages/account/docsy-sign-in-page.js'),
    title: 'Sign in',
    access: 'signed-out',
  },
  {
    path: '/register',
    tag: 'docsy-register-page',
    load: () => import('../pages/account/docsy-register-page.js'),
    title: 'Create an account',
    access: 'signed-out',
  },
  {
    path: '/modeller',
    tag: 'docsy-knowledge-page',
    load: () => import('../pages/modeller/docsy-knowledge-page.js'),
    title: 'Clinical knowledge',
    access: ['modeller'],
    nav: 'Knowledge',
    homeOf: ['modeller'],
  },
  {
    path: '/modeller/editor',
    tag: 'docsy-knowledge-editor-page',
    load: () => import('../pages/modeller/docsy-knowledge-editor-page.js'),
    title: 'Knowledge editor',
    access: ['modeller'],
    nav: 'Editor',
  },
  {
    path: '/modeller/:collection/:id',
    tag: 'docsy-knowledge-detail-page',
    load: () => import('../pages/modeller/docsy-knowledge-detail-page.js'),
    title: 'Knowledge',
    access: ['modeller'],
  },
  {
    path: '/welcome',
    tag: 'docsy-welcome-page',
    load: () => import('../pages/account/docsy-welcome-page.js'),
    title: 'Welcome',
    access: 'signed-in',
    homeOf: ['admin'],
  },
  {
    path: '/record',
    tag: 'docsy-record-page',
    load: () => import('../pages/patient/docsy-record-page.js'),
    title: 'My record',
    access: ['patient'],
    nav: 'My record',
    homeOf: ['patient'],
  },
  {
    path: '/record/access-log',
    tag: 'docsy-access-log-page',
    load: () => import('../pages/patient/docsy-access-log-page.js'),
    title: 'Who accessed my record',
    access: ['patient'],
    nav: 'Access log',
  },
  {
    path: '/record/:uid',
    tag: 'docsy-record-entry-page',
    load: () => import('../pages/patient/docsy-record-entry-page.js'),
    title: 'Record entry',
    access: ['patient'],
  },
  {
    path: '/dashboard',
    tag: 'docsy-dashboard-page',
    load: () => import('../pages/practitioner/docsy-dashboard-page.js'),
    title: 'Dashboard',
    access: practitionerRoles,
    nav: 'Dashboard',
    homeOf: practitionerRoles,
  },
  {
    path: '/patients/:patientId',
    tag: 'docsy-chart-page',
    load: () => import('../pages/practitioner/docsy-chart-page.js'),
    title: 'Chart',
    access: practitionerRoles,
  },
  {
    path: '/patients/:patientId/entries/:uid',
    tag: 'docsy-chart-entry-page',
    load: () => import('../pages/practitioner/docsy-chart-entry-page.js'),
    title: 'Chart entry',
    access: practitionerRoles,
  },
  {
    path: '/patients/:patientId/new/:templateId',
    tag: 'docsy-new-entry-page',
    load: () => import('../pages/practitioner/docsy-new-entry-page.js'),
    title: 'New entry',
    access: practitionerRoles,
  },
];
