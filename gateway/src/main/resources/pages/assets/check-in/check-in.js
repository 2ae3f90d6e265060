// The page behind the printed station QR code: /check-in/{stationId}. The station id is the last path segment.
import { el, render } from '../ui.js';

const stationId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() || '');
render(document.getElementById('station'),
  el('h2', {}, '站点编号 ' + stationId),
  el('p', { class: 'muted' }, '会员登录后可以在这里签到。'),
  el('a', { class: 'btn btn-block', href: '/m/sign-in.html' }, '会员登录'),
  el('a', { class: 'btn btn-plain btn-block', href: '/m/join.html' }, '申请入会'));
