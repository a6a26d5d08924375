// The API as this page uses it. The device token lives in localStorage and travels only in the
// Authorization header, never in a URL; pictures are fetched with it and shown as blob: URLs.

const STORAGE_KEY = 'frame.device';

export class Revoked extends Error {}
export class NotPaired extends Error {}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const device = {
  get() {
    try {
      return JSON.parse(localStorage.getItem(STORAGE_KEY));
    } catch {
      return null;
    }
  },
  save(token, name) {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ token, name }));
  },
  forget() {
    localStorage.removeItem(STORAGE_KEY);
  },
};

const listeners = new Set();
/** Called with the error when the server says this device is revoked or unknown. */
export function onUnpaired(listener) {
  listeners.add(listener);
}

export function authHeader() {
  const saved = device.get();
  return saved ? { Authorization: `Bearer ${saved.token}` } : {};
}

async function errorOf(response) {
  let code = `http_${response.status}`;
  let message = `The server answered ${response.status}.`;
  try {
    const body = await response.json();
    if (body && body.error) ({ code, message } = body.error);
  } catch {
    // not JSON: keep the plain status
  }
  return new ApiError(response.status, code, message);
}

/** A request with the device token; a revoked or unknown token tells every listener. */
export async function call(method, path, body) {
  const headers = { ...authHeader() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
    credentials: 'omit',
  });
  if (response.ok) return response;
  const error = await errorOf(response);
  if (response.status === 401 && path !== '/api/pair') {
    const unpaired = error.code === 'device_revoked' ? new Revoked(error.message) : new NotPaired(error.message);
    listeners.forEach((listener) => listener(unpaired));
    throw unpaired;
  }
  throw error;
}

export async function json(method, path, body) {
  const response = await call(method, path, body);
  return response.status === 204 ? null : response.json();
}

export async function pair(code, name) {
  const response = await fetch('/api/pair', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, name }),
    credentials: 'omit',
  });
  if (!response.ok) throw await errorOf(response);
  return response.json();
}

/** A picture as a blob: URL (the caller revokes it when done). */
export async function pictureUrl(path) {
  const response = await call('GET', path);
  return URL.createObjectURL(await response.blob());
}

/** True when a photo with this SHA-256 is stored already; the id when it is. */
export async function existingImage(sha256) {
  const response = await fetch(`/api/images/by-checksum/${sha256}`, {
    method: 'HEAD',
    headers: authHeader(),
    cache: 'no-store',
    credentials: 'omit',
  });
  if (response.status === 200) return Number(response.headers.get('X-Image-Id'));
  if (response.status === 401) await call('GET', '/api/session'); // tells the listeners
  return null;
}

/**
 * The event stream. EventSource cannot send headers, so each connection first gets a single-use
 * ticket (valid a minute) with the token, and reconnects with a new ticket after any drop.
 */
export function events(onImageEvent, onState) {
  let source = null;
  let stopped = false;
  let retryMillis = 1000;
  async function connect() {
    if (stopped) return;
    try {
      const { ticket } = await json('POST', '/api/events/ticket');
      source = new EventSource(`/api/events?ticket=${encodeURIComponent(ticket)}`);
      source.addEventListener('open', () => {
        retryMillis = 1000;
        onState('live');
      });
      source.addEventListener('image', (event) => onImageEvent(JSON.parse(event.data)));
      source.addEventListener('error', () => {
        source.close();
        onState('reconnecting');
        setTimeout(connect, retryMillis);
        retryMillis = Math.min(retryMillis * 2, 15000);
      });
    } catch (error) {
      if (error instanceof Revoked || error instanceof NotPaired) return;
      onState('reconnecting');
      setTimeout(connect, retryMillis);
      retryMillis = Math.min(retryMillis * 2, 15000);
    }
  }
  connect();
  return {
    stop() {
      stopped = true;
      if (source) source.close();
    },
  };
}
