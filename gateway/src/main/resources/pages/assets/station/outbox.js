// The attendant's device store: settings (session, chosen station, cached counts), the outbox of visits not yet
// answered by the server (keyed by the client's visit UUID) and a short log of recent visits with their outcome.
// An item leaves the outbox only in the same transaction that records the server's answer for it.
import { api } from '../api.js';
import { openDatabase, transact, done, keyValueStore } from '../db.js';

const BATCH = 100;
const LOG_KEEP = 200;

/** Why the server did not record a visit, in Chinese. */
export const REASONS = {
  STATION_NOT_FOUND: '站点不存在，或不是您负责的站点',
  STATION_NOT_ACTIVE: '站点已关闭',
  INVALID_VISIT_ID: '登记编号无效',
  MISSING_TIME: '缺少登记时间',
  FUTURE_TIME: '登记时间晚于现在，请检查手机时间',
  TOO_OLD: '登记时间超过一年，不再接收',
  AMBIGUOUS_VISITOR: '同时填了卡号和扫码',
  MISSING_WORKER_TYPE: '没有选择职业',
  UNKNOWN_WORKER_TYPE: '职业类别无效',
  UNKNOWN_SERVICE: '服务项目无效',
  INVALID_CARD: '会员卡号格式不对',
  MEMBER_NOT_FOUND: '查无此会员卡',
  VISIT_ID_CONFLICT: '登记编号与另一条登记冲突（其他站点或值守员已用过），这条未记录，请重新登记',
};

/** Why the server kept a visit apart (recorded, not in the normal counts, shown to the organizer), in Chinese. */
export const FLAGS = {
  LATE: '超过 7 天才上传',
  STATION_SUSPENDED: '站点已暂停',
};

let opened = null;
export function database() {
  if (!opened) {
    opened = openDatabase('union-station', 1, db => {
      db.createObjectStore('settings');
      db.createObjectStore('outbox', { keyPath: 'visitId' });
      db.createObjectStore('log', { keyPath: 'visitId' }).createIndex('visitedAt', 'visitedAt');
    });
  }
  return opened;
}

export async function sessionStore() {
  return keyValueStore(await database(), 'settings', 'session');
}

export async function setting(key) {
  return transact(await database(), 'settings', 'readonly', s => done(s.get(key)));
}

export async function saveSetting(key, value) {
  return transact(await database(), 'settings', 'readwrite', s => {
    if (value === undefined || value === null) s.delete(key); else s.put(value, key);
  });
}

/** Queues one visit and logs it as waiting, in one transaction. */
export async function enqueue(visit, label) {
  await transact(await database(), ['outbox', 'log'], 'readwrite', (outbox, log) => {
    outbox.put({ ...visit, queuedAt: Date.now() });
    log.put({ visitId: visit.visitId, stationId: visit.stationId, visitedAt: visit.visitedAt, label, status: 'PENDING' });
  });
}

export async function pendingCount(stationId) {
  const all = await transact(await database(), 'outbox', 'readonly', s => done(s.getAll()));
  return stationId ? all.filter(v => v.stationId === stationId).length : all.length;
}

/** The newest log entries of a station. */
export async function recent(stationId, limit = 10) {
  const all = await transact(await database(), 'log', 'readonly', s => done(s.index('visitedAt').getAll()));
  return all.filter(e => e.stationId === stationId).reverse().slice(0, limit);
}

/**
 * Uploads the whole outbox in batches. Answers {created, flagged, duplicates, conflicts, rejected,
 * rejections: [{label, reason}], flags: [{label, reason}]}; every item with an answer leaves the outbox (a
 * conflict too: resending it under its id can never succeed). Throws the ApiError of a batch that got no
 * per-item answer (offline, 401, 5xx): its items stay queued.
 */
export async function upload() {
  const db = await database();
  const queued = (await transact(db, 'outbox', 'readonly', s => done(s.getAll())))
    .sort((a, b) => a.queuedAt - b.queuedAt);
  const summary = { created: 0, flagged: 0, duplicates: 0, conflicts: 0, rejected: 0, rejections: [], flags: [],
    sent: 0 };
  for (let i = 0; i < queued.length; i += BATCH) {
    const chunk = queued.slice(i, i + BATCH);
    const answer = await api.post('/api/checkins/batch', { visits: chunk.map(wire) });
    const results = answer && Array.isArray(answer.results) ? answer.results : [];
    if (results.length !== chunk.length) throw new Error('上传结果不完整，稍后重试');
    await transact(db, ['outbox', 'log'], 'readwrite', async (outbox, log) => {
      for (let k = 0; k < chunk.length; k++) {
        const result = results[k];
        outbox.delete(chunk[k].visitId);
        const entry = (await done(log.get(chunk[k].visitId))) ||
          { visitId: chunk[k].visitId, stationId: chunk[k].stationId, visitedAt: chunk[k].visitedAt, label: '' };
        entry.status = result.outcome;
        entry.reason = result.reason || null;
        log.put(entry);
        if (result.outcome === 'CREATED') summary.created++;
        else if (result.outcome === 'DUPLICATE') summary.duplicates++;
        else if (result.outcome === 'FLAGGED') {
          summary.flagged++;
          summary.flags.push({ label: entry.label, visitedAt: entry.visitedAt, reason: result.reason });
        } else {
          if (result.outcome === 'CONFLICT') summary.conflicts++;
          summary.rejected++;
          summary.rejections.push({ label: entry.label, visitedAt: entry.visitedAt, reason: result.reason });
        }
      }
    });
    summary.sent += chunk.length;
  }
  await trimLog(db);
  return summary;
}

/** What the batch endpoint takes: nothing of the device's own bookkeeping. */
function wire(visit) {
  const item = { visitId: visit.visitId, stationId: visit.stationId, visitedAt: visit.visitedAt, services: visit.services };
  if (visit.cardNumber) item.cardNumber = visit.cardNumber;
  if (visit.qrToken) item.qrToken = visit.qrToken;
  if (visit.workerType) item.workerType = visit.workerType;
  return item;
}

async function trimLog(db) {
  await transact(db, 'log', 'readwrite', async log => {
    const keys = await done(log.index('visitedAt').getAllKeys());
    for (const key of keys.slice(0, Math.max(0, keys.length - LOG_KEEP))) log.delete(key);
  });
}
