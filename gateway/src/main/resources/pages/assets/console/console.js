// The organizer's console: the screens of union organizing work for the organisations in the organizer's scope, in
// the staff shell (../staff.js). Each screen is a module of this folder exporting show(main, params); add a screen
// by importing it and adding one line to SCREENS. The first screen is where a sign-in lands.
import { $ } from '../ui.js';
import { startStaffPage } from '../staff.js';
import { showOverview } from './overview.js';
import { showSurveys } from './surveys.js';
import { showApplications } from './applications.js';
import { showCompanies } from './companies.js';
import { showFoundings } from './foundings.js';
import { showTargets } from './targets.js';
import { showReport } from './report.js';
import { showBulk } from './bulk.js';
import { showAccounts } from './accounts.js';
import { showTree } from './tree.js';
import { showCoverage } from './coverage.js';
import { showCases } from './cases.js';
import { showActivities } from './activities.js';
import { showConsultations } from './consultations.js';

const SCREENS = [
  ['overview', '概览', showOverview],
  ['tree', '组织架构', showTree],
  ['applications', '入会审批', showApplications],
  ['bulk', '批量入会', showBulk],
  ['companies', '企业', showCompanies],
  ['surveys', '企业普查', showSurveys],
  ['foundings', '建会', showFoundings],
  ['targets', '目标', showTargets],
  ['report', '月报', showReport],
  ['coverage', '驿站覆盖', showCoverage],
  ['activities', '活动', showActivities],
  ['cases', '维权求助', showCases],
  ['consultations', '集体协商', showConsultations],
  ['accounts', '账号管理', showAccounts],
];

startStaffPage({
  main: $('#main'), tabs: $('#tabs'), who: $('#who'),
  roles: ['ORGANIZER', 'ADMIN'],
  noun: '组织员',
  hint: '使用工会分配的组织员或管理员账号。关闭或刷新页面后需要重新登录。',
  screens: SCREENS,
});
