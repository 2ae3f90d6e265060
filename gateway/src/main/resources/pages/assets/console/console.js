// The organizer's console: the screens of union organizing work for the organisations in the organizer's scope, in
// the staff shell (../staff.js). Each screen is a module of this folder exporting show(main, params); add a screen
// by importing it and adding one line to SCREENS. The first screen is where a sign-in lands.
import { $ } from '../ui.js';
import { startStaffPage } from '../staff.js';
import { showOverview } from './overview.js';
import { showConsultations } from './consultations.js';

const SCREENS = [
  ['overview', '概览', showOverview],
  ['consultations', '集体协商', showConsultations],
];

startStaffPage({
  main: $('#main'), tabs: $('#tabs'), who: $('#who'),
  roles: ['ORGANIZER', 'ADMIN'],
  noun: '组织员',
  hint: '使用工会分配的组织员或管理员账号。关闭或刷新页面后需要重新登录。',
  screens: SCREENS,
});
