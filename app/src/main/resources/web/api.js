// The REST API client of the dashboard: the signed-in key lives in this tab's sessionStorage only and goes in the
// X-API-Key header of every call (never in a URL); a failed call throws an ApiError with the API's own detail.

const KEY_STORAGE = 'perpflow.apiKey';

/** The signed-in caller: the key, GET /api/v1/status of it, and what to do when the API stops accepting it. */
export const session = { key: sessionStorage.getItem(KEY_STORAGE), me: null, onUnauthorized: null };

export function keepKey(key) {
  sessionStorage.setItem(KEY_STORAGE, key);
  session.key = key;
}

export function forgetKey() {
  sessionStorage.removeItem(KEY_STORAGE);
  session.key = null;
  session.me = null;
}

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
    this.detail = detail;
  }
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (session.key) {
    headers['X-API-Key'] = session.key;
  }
  const init = { method, headers, cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, `perpflow did not answer (${e.message})`);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const detail = json && json.detail ? json.detail : `HTTP ${response.status}`;
    if (response.status === 401 && session.me && session.onUnauthorized) {
      session.onUnauthorized(detail);
    }
    throw new ApiError(response.status, detail);
  }
  return json;
}

