// The benefit officer's desk: its screens (办理发放, 发放记录, 理赔审核, 入会礼包, 项目预算, 困难建档) in the staff
// shell (../staff.js). Only unconfirmed issue attempts outlive a reload (issue.js).
import { registerMessages } from '../api.js';
import { $ } from '../ui.js';
import { startStaffPage } from '../staff.js';
import { RULES } from './labels.js';
import { showIssue } from './issue.js';
import { showGrants, showClaims } from './records.js';
import { showWelcome } from './welcome.js';
import { showPrograms } from './programs.js';
import { showHardship } from './hardship.js';

registerMessages(RULES);

startStaffPage({
  main: $('#main'), tabs: $('#tabs'), who: $('#who'),
  roles: ['BENEFIT_OFFICER', 'ADMIN'],
  noun: '福利专员',
  hint: '使用工会分配的福利专员账号。关闭或刷新页面后需要重新登录。',
  screens: [['issue', '办理发放', showIssue], ['grants', '发放记录', showGrants], ['claims', '理赔审核', showClaims],
    ['welcome', '入会礼包', showWelcome], ['programs', '项目预算', showPrograms],
    ['hardship', '困难建档', showHardship]],
});
