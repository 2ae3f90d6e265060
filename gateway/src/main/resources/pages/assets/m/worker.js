// The member's sign-in kept while moving between the worker pages and the station landing. See docs/pages.md,
// "The worker pages".

import { api, claims, configureSession, endSession, startSession } from '../api.js';

const KEY = 'union.member';
const EARLY_MS = 30000;

/**
 * The member's token has no refresh token and lives 10 minutes. The pages are separate documents, so it is kept
 * in this tab's sessionStorage (gone when the tab closes), never in localStorage or a URL.
 */
export async function restoreSession() {
  let saved = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(KEY) || 'null');
  } catch {
    saved = null;
  }
  if (!saved || saved.expiresAt < Date.now() + EARLY_MS) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  await startSession({ accessToken: saved.accessToken, expiresIn: Math.floor((saved.expiresAt - Date.now()) / 1000) });
  configureSession({ onSignedOut: () => signInAgain() });
  return saved;
}

export async function keepSession(answer) {
  await startSession(answer);
  const member = (claims() || {}).member;
  sessionStorage.setItem(KEY, JSON.stringify({ accessToken: answer.accessToken, memberId: member,
    expiresAt: Date.now() + (answer.expiresIn || 600) * 1000 }));
}

export async function forgetSession() {
  sessionStorage.removeItem(KEY);
  await endSession();
}

/** The signed-in member, or off to the sign-in page (coming back here afterwards). */
export async function requireSession() {
  const saved = await restoreSession();
  if (!saved) signInAgain();
  return saved;
}

function signInAgain() {
  sessionStorage.removeItem(KEY);
  location.replace(`/m/sign-in.html?next=${encodeURIComponent(location.pathname)}`);
}

/** A call without a token (the public endpoints). */
export const publicApi = {
  get: path => api.get(path, { auth: false }),
  post: (path, body) => api.post(path, body, { auth: false }),
};
