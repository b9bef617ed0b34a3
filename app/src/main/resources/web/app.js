// perpflow dashboard: one page, hash routes (#/overview, #/opportunities, #/funding, #/positions, #/run/<id>), one
// module per page. Every action calls the same REST API as any client, with the API key in the X-API-Key header; the
// key lives in this tab's sessionStorage only, never in a URL. Everything shown is set with textContent.
import { api, forgetKey, keepKey, session } from './api.js';
import { connectFeed, disconnectFeed, feed } from './feed.js';
import * as funding from './funding.js';
import * as opportunities from './opportunities.js';
import * as overview from './overview.js';
import * as positions from './positions.js';
import * as run from './run.js';
import { $, clearError, showError } from './ui.js';

const pages = { overview, opportunities, funding, positions, run };
let config = { ws_enabled: false, ws_port: null, ws_path: '/ws/events' };

// ---------------------------------------------------------------- pages

/**
 * The page being shown: its refresh timers and feed listener end when another page is shown. A page's first load is
 * awaited before it registers them, so one left meanwhile (a quick click elsewhere) registers nothing; a load that
 * ends after its visit does not render (active).
 */
class Visit {
  constructor(page) {
    this.page = page;
    this.timers = [];
    this.pending = new Map();
    this.listeners = [];
    this.active = true;
  }

  every(ms, action) {
    if (this.active) {
      this.timers.push(setInterval(action, ms));
    }
  }

  /** Runs action in ms unless one under this name is already waiting (a burst of events, one refresh). */
  soon(name, ms, action) {
    if (this.active && !this.pending.has(name)) {
      this.pending.set(name, setTimeout(() => {
        this.pending.delete(name);
        action();
      }, ms));
    }
  }

  onEvent(listener) {
    if (this.active) {
      this.listeners.push(listener);
      feed.listeners.add(listener);
    }
  }

  leave() {
    this.active = false;
    this.timers.forEach(clearInterval);
    this.pending.forEach(clearTimeout);
    this.listeners.forEach((listener) => feed.listeners.delete(listener));
  }
}

let current = null;

function leavePage() {
  if (current) {
    current.leave();
    current = null;
  }
}

async function route() {
  if (!session.me) {
    return;
  }
  leavePage();
  clearError();
  $('notice').hidden = true;
  const [name, ...rest] = (location.hash.replace(/^#\/?/, '') || 'overview').split('/');
  const page = pages[name] ? name : 'overview';
  const argument = rest.length ? decodeURIComponent(rest.join('/')) : null;
  document.querySelectorAll('.page').forEach((section) => { section.hidden = section.id !== `page-${page}`; });
  document.querySelectorAll('#nav a').forEach((a) => a.classList.toggle('current', a.dataset.page === page));
  current = new Visit(page);
  await pages[page].show(current, argument);
}

// ---------------------------------------------------------------- signing in and out

async function signIn(key) {
  session.key = key;
  try {
    session.me = await api('GET', '/api/v1/status');
  } catch (e) {
    forgetKey();
    throw e;
  }
  keepKey(key);
  const me = session.me;
  $('who').textContent = `${me.user}${me.is_admin ? ' (admin)' : ''}`;
  $('sign-in').hidden = true;
  $('nav').hidden = false;
  $('session').hidden = false;
  connectFeed(config);
  route();
}

function signOut(message) {
  forgetKey();
  disconnectFeed();
  leavePage();
  document.querySelectorAll('.page').forEach((page) => { page.hidden = true; });
  $('nav').hidden = true;
  $('session').hidden = true;
  $('sign-in').hidden = false;
  $('api-key').value = '';
  if (message) {
    $('sign-in-error').textContent = message;
    $('sign-in-error').hidden = false;
  }
}

// ---------------------------------------------------------------- start

async function start() {
  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = $('api-key').value.trim();
    $('sign-in-error').hidden = true;
    $('sign-in-button').disabled = true;
    try {
      await signIn(key);
      clearError();
    } catch (e) {
      $('sign-in-error').textContent = `Not signed in: ${e.message}`;
      $('sign-in-error').hidden = false;
    } finally {
      $('sign-in-button').disabled = false;
    }
  });
  $('sign-out').addEventListener('click', () => signOut());
  $('error-close').addEventListener('click', clearError);
  Object.values(pages).forEach((page) => page.init && page.init());
  window.addEventListener('hashchange', route);

  try {
    const response = await fetch('/ui/config.json', { cache: 'no-store' });
    config = await response.json();
  } catch (e) {
    showError('Dashboard config', e);
  }
  session.onUnauthorized = (detail) => signOut(`Signed out: ${detail}`);
  if (session.key) {
    try {
      await signIn(session.key);
    } catch (e) {
      signOut(`Not signed in: ${e.message}`);
    }
  } else {
    signOut();
  }
}

start();

