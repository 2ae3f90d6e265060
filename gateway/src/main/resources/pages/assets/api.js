// (Over 200 lines: one client with its token refresh and problem wording, kept together.)
// The pages' one way to the API: JSON over fetch, same origin, a request id on every call, the access token kept
// in memory only, refreshed before it runs out (and once after a 401), and RFC 9457 problems turned into one
// Chinese sentence for the screen. See docs/pages.md.

const REFRESH_PATH = '/api/auth/token/refresh';
const TIMEOUT_MS = 15000;
// A file upload (a roster, a survey, photos) may take a while on a weak connection; the gateway's bulk route waits 60 s.
const UPLOAD_TIMEOUT_MS = 120000;
/** Refresh this long before the access token expires, so a request never carries an expired one. */
const EARLY_MS = 30000;

const state = {
  accessToken: null,
  expiresAt: 0,
  /** Where the refresh token lives; memory unless the page configures a store (see configureSession). */
  store: memoryStore(),
  onSignedOut: () => {},
  refreshing: null,
};

/** Messages by the problem's rule/reason (422/409); pages add their own with registerMessages. */
const RULE_MESSAGES = {
  MEMBER_NOT_FOUND: '没有找到这张会员卡',
  INVALID_CARD: '会员卡号不正确，请核对',
  STATION_NOT_FOUND: '没有找到这个站点，或您不负责这个站点',
  STATION_NOT_ACTIVE: '这个站点目前没有开放',
  'batch-too-large': '一次上传的记录太多',
  'invalid-date-range': '日期范围不正确',
};

export function registerMessages(messages) {
  Object.assign(RULE_MESSAGES, messages);
}

/** A failed call: status 0 when the network failed, else the HTTP status; message is for the screen. */
export class ApiError extends Error {
  constructor(status, message, { problem = null, requestId = null, offline = false } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.requestId = requestId;
    this.offline = offline;
    this.rule = problem ? (problem.rule || problem.reason || null) : null;
  }
}

/**
 * store: { load(): Promise<{refreshToken, refreshExpiresAt}|null>, save(value): Promise, clear(): Promise }.
 * onSignedOut(): called when the refresh token is gone or refused (show the sign-in form).
 */
export function configureSession({ store, onSignedOut } = {}) {
  if (store) state.store = store;
  if (onSignedOut) state.onSignedOut = onSignedOut;
}

/** Keeps a token answer ({accessToken, expiresIn, refreshToken?, refreshExpiresIn?}). */
export async function startSession(answer) {
  state.accessToken = answer.accessToken;
  state.expiresAt = Date.now() + (answer.expiresIn || 600) * 1000;
  if (answer.refreshToken) {
    await state.store.save({
      refreshToken: answer.refreshToken,
      refreshExpiresAt: Date.now() + (answer.refreshExpiresIn || 0) * 1000,
    });
  }
}

/** Forgets the access token and the stored refresh token (sign out). */
export async function endSession() {
  state.accessToken = null;
  state.expiresAt = 0;
  await state.store.clear();
}

/** True when a call can carry a token now or after a refresh (a stored, unexpired refresh token). */
export async function hasSession() {
  if (state.accessToken && Date.now() < state.expiresAt - EARLY_MS) return true;
  const stored = await state.store.load();
  return !!(stored && stored.refreshToken && stored.refreshExpiresAt > Date.now());
}

/** The access token's claims (roles, stations, sub), decoded for display only: the server decides. */
export function claims() {
  if (!state.accessToken) return null;
  try {
    const part = state.accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(part), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/** Signs in a staff account (POST /api/auth/token) and keeps the session. */
export async function signIn(username, password) {
  const answer = await request('POST', '/api/auth/token', { username, password }, { auth: false });
  await startSession(answer);
  return answer;
}

export const api = {
  get: (path, options) => request('GET', path, undefined, options),
  post: (path, body, options) => request('POST', path, body, options),
  put: (path, body, options) => request('PUT', path, body, options),
  patch: (path, body, options) => request('PATCH', path, body, options),
  delete: (path, options) => request('DELETE', path, undefined, options),
};

/**
 * One call. options.auth (default true) adds the bearer token, refreshing it first when needed;
 * options.headers adds headers (e.g. Idempotency-Key). Answers the parsed JSON (null for an empty body), or, with
 * options.as = 'response', the Response itself once it is ok (a download: ../download.js).
 */
export async function request(method, path, body, options = {}) {
  const auth = options.auth !== false;
  if (auth) await ensureFreshToken();
  let response = await send(method, path, body, auth, options.headers);
  if (response.status === 401 && auth && await refresh()) {
    response = await send(method, path, body, auth, options.headers);
  }
  if (response.status === 401 && auth) {
    state.accessToken = null;
    state.onSignedOut();
  }
  return read(response, options.as);
}

async function send(method, path, body, auth, extraHeaders) {
  const headers = { Accept: 'application/json, application/problem+json', 'X-Request-Id': requestId() };
  // A FormData body (a file upload) sets its own multipart Content-Type.
  const form = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  if (auth && state.accessToken) headers.Authorization = 'Bearer ' + state.accessToken;
  Object.assign(headers, extraHeaders || {});
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: AbortSignal.timeout ? AbortSignal.timeout(form ? UPLOAD_TIMEOUT_MS : TIMEOUT_MS) : undefined,
    });
  } catch (e) {
    throw new ApiError(0, navigator.onLine === false ? '网络已断开，恢复后会自动重试' : '连不上服务器，请检查网络后重试',
      { offline: true, requestId: headers['X-Request-Id'] });
  }
}

async function read(response, as) {
  if (response.ok && as === 'response') return response;
  const requestId = response.headers.get('X-Request-Id');
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = null; }
  }
  if (response.ok) return json;
  throw new ApiError(response.status, problemMessage(response.status, json, response.headers.get('Retry-After')),
    { problem: json, requestId: (json && json.requestId) || requestId });
}

/** One Chinese sentence for a problem (RFC 9457 body) and its status. */
export function problemMessage(status, problem, retryAfter) {
  const rule = problem && (problem.rule || problem.reason);
  if (rule && RULE_MESSAGES[rule]) return RULE_MESSAGES[rule];
  if (status === 400 && problem && Array.isArray(problem.errors) && problem.errors.length) {
    return '填写的内容有误：' + problem.errors.map(e => e.field).filter(Boolean).join('、');
  }
  switch (status) {
    case 400: return '提交的内容有误，请检查后重试';
    case 401: return '登录已过期，请重新登录';
    case 403: return '您的账号没有这项权限';
    case 404: return '没有找到要查的内容';
    case 409: return '当前状态不允许这样操作，请刷新后再试';
    case 413: return '提交的内容太大';
    case 422: return '未能办理：不符合办理规则' + (rule ? '（' + rule + '）' : '');
    case 429: return '操作太频繁，请' + (retryAfter ? ' ' + retryAfter + ' 秒后' : '稍后') + '再试';
    case 502: case 503: case 504: return '服务暂时不可用，请稍后再试';
    default: return status >= 500 ? '系统出错了，请稍后再试' : '请求未成功（' + status + '）';
  }
}

async function ensureFreshToken() {
  if (state.accessToken && Date.now() < state.expiresAt - EARLY_MS) return;
  await refresh();
}

/** Trades the stored refresh token for new tokens; one at a time, also across tabs (the token rotates). */
function refresh() {
  if (!state.refreshing) {
    const run = () => doRefresh();
    const locked = navigator.locks ? navigator.locks.request('union-platform-refresh', run) : run();
    state.refreshing = locked.finally(() => { state.refreshing = null; });
  }
  return state.refreshing;
}

async function doRefresh() {
  const stored = await state.store.load();
  if (!stored || !stored.refreshToken || stored.refreshExpiresAt <= Date.now()) {
    if (stored) await state.store.clear();
    return false;
  }
  let response;
  try {
    response = await send('POST', REFRESH_PATH, { refreshToken: stored.refreshToken }, false);
  } catch (offline) {
    // Offline: keep the refresh token for later; the caller's request fails as offline.
    return false;
  }
  if (response.ok) {
    await startSession(await response.json());
    return true;
  }
  if (response.status === 400 || response.status === 401) {
    await state.store.clear();
    state.accessToken = null;
    state.onSignedOut();
  }
  return false;
}

function memoryStore() {
  let value = null;
  return {
    load: async () => value,
    save: async v => { value = v; },
    clear: async () => { value = null; },
  };
}

/** A request id the gateway keeps (8-64 of [A-Za-z0-9._-]), to quote when asking for help. */
export function requestId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
}
