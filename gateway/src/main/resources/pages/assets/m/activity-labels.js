// Chinese names of the activity kinds and sign-up states, shared by the worker page, the console and the door.
export const KINDS = {
  JOINING_CEREMONY: '入会仪式', CULTURE_SPORTS: '文体活动', ANTI_FRAUD_TALK: '反诈讲座',
  TRAFFIC_SAFETY_TALK: '交通安全讲座', HEALTH_CHECK: '健康体检', JOB_FAIR: '招聘会（春送岗位）',
  MATCHMAKING: '联谊交友', VOLUNTEER: '志愿服务',
};
export const AUDIENCES = { MEMBERS: '仅限工会会员', ALL_WORKERS: '所有新就业形态劳动者' };
export const STATUSES = { CONFIRMED: '已报名', WAITING: '候补', CANCELLED: '已取消' };
export const RULES = {
  'members-only': '这个活动只面向工会会员',
  'activity-over': '活动已经结束',
  'waiting-list-full': '候补名额已满',
  'member-not-active': '您的会员资格目前不可用',
  'not-signed-up': '没有找到报名记录',
  'on-waiting-list': '还在候补，没有名额',
  'not-at-the-door': '不在签到时间内（活动开始前2小时至结束后6小时）',
};
/** 10 characters shown as two groups of five. */
export const groupCode = code => code.replace(/^(.{5})(?=.)/, '$1 ');
