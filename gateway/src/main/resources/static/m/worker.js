// What every worker page shares: the member's session on this device, calls to the platform's API (same origin
// only), the bottom tab bar and small helpers. Plain ES module, no build step.

const SESSION_KEY = 'union.member.session';

export const session = {
  get() {
    try {
      const saved = JSON.parse(localStorage.getItem(SESSION_KEY) || 'null');
      if (saved && saved.expiresAt > Date.now() + 5000) return saved;
    } catch (ignored) {
      // a damaged entry is a signed-out device
    }
    localStorage.removeItem(SESSION_KEY);
    return null;
  },
  save(token) {
    const payload = JSON.parse(atob(token.accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    const saved = { accessToken: token.accessToken, memberId: payload.member,
      expiresAt: Date.now() + token.expiresIn * 1000 };
    localStorage.setItem(SESSION_KEY, JSON.stringify(saved));
    return saved;
  },
  clear() {
    localStorage.removeItem(SESSION_KEY);
  },
};

/** Calls the platform API; answers {status, body}. A network failure answers status 0. */
export async function call(method, path, body, token) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store' });
    const text = await response.text();
    let parsed = null;
    try { parsed = text ? JSON.parse(text) : null; } catch (ignored) { parsed = null; }
    return { status: response.status, body: parsed, retryAfter: Number(response.headers.get('Retry-After') || 0) };
  } catch (offline) {
    return { status: 0, body: null, retryAfter: 0 };
  }
}

/** The Chinese sentence for an answer that is not a success. */
export function problemText(answer, what) {
  switch (answer.status) {
    case 0: return '网络连接失败，请检查网络后重试';
    case 400: return `${what}填写有误，请检查`;
    case 401: return '验证码错误或已过期，请重新获取';
    case 404: return '没有找到相关信息';
    case 429: return `操作太频繁，请${answer.retryAfter > 0 ? ` ${answer.retryAfter} 秒后` : '稍后'}再试`;
    case 503: return '服务暂时不可用，请稍后再试';
    default: return '出错了，请稍后再试';
  }
}

const TABS = [
  { key: 'apply', href: '/m/apply.html', label: '入会' },
  { key: 'card', href: '/m/card.html', label: '会员卡' },
  { key: 'stations', href: '/m/stations.html', label: '找驿站' },
  { key: 'me', href: '/m/timeline.html', label: '我的' },
];

/** The bottom tab bar, `active` being one of apply, card, stations, me. */
export function tabBar(active) {
  const nav = document.createElement('nav');
  nav.className = 'tabbar';
  nav.setAttribute('aria-label', '主菜单');
  for (const tab of TABS) {
    const link = document.createElement('a');
    link.href = tab.href;
    link.textContent = tab.label;
    if (tab.key === active) link.setAttribute('aria-current', 'page');
    nav.append(link);
  }
  document.body.append(nav);
}

/** Sends a signed-out visitor to the sign-in page, coming back here afterwards. */
export function requireSession() {
  const current = session.get();
  if (!current) {
    location.replace(`/m/sign-in.html?next=${encodeURIComponent(location.pathname)}`);
    return null;
  }
  return current;
}

/** GB 11643: the check character of an 18-character resident ID. */
export function residentIdProblem(value) {
  const id = value.trim().toUpperCase();
  if (id.length === 0) return '请填写身份证号';
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号应为18位，最后一位可以是X';
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  if ('10X98765432'[sum % 11] !== id[17]) return '身份证号校验位不正确，请核对';
  const born = new Date(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}T00:00:00`);
  if (Number.isNaN(born.getTime()) || born.getDate() !== Number(id.slice(12, 14)) || born > new Date()) {
    return '身份证号中的出生日期不正确';
  }
  return '';
}

export function phoneProblem(value) {
  const phone = value.replace(/\s/g, '');
  if (phone.length === 0) return '请填写手机号';
  return /^1[3-9]\d{9}$/.test(phone) ? '' : '请输入正确的手机号';
}

/** Shows or clears the message under a field, and marks the field for screen readers. */
export function showFieldProblem(input, message) {
  const hint = document.getElementById(`${input.id}-problem`);
  hint.textContent = message;
  input.setAttribute('aria-invalid', message ? 'true' : 'false');
}

export function groupReceipt(code) {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/** Ask for a code, then count down before the next may be asked: the button says how long. */
export function countDown(button, seconds, label) {
  let left = seconds;
  button.disabled = true;
  const tick = () => {
    if (left <= 0) {
      button.disabled = false;
      button.textContent = label;
      return;
    }
    button.textContent = `${left} 秒后可重新获取`;
    left -= 1;
    setTimeout(tick, 1000);
  };
  tick();
}

export function text(tag, content, className) {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) element.className = className;
  return element;
}
