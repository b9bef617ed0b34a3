// The live event feed (docs/EVENTS.md): one WebSocket to perpflow.ws.port, authenticated by its first message
// (never a key in the URL), reconnected with back-off unless the key is refused; its state is the header's badge.
import { session } from './api.js';
import { $, clockTime, showError } from './ui.js';

export const MAX_EVENTS = 100;
export const feed = { socket: null, retryMs: 1000, timer: null, listeners: new Set() };
export const recentEvents = [];

function setFeedState(state, title) {
  const badge = $('feed-state');
  badge.textContent = `feed: ${state}`;
  badge.className = `feed-state ${state}`;
  badge.title = title || 'live event feed';
  badge.dataset.state = state;
}

export function connectFeed(config) {
  clearTimeout(feed.timer);
  if (!session.key) {
    return;
  }
  if (!config.ws_enabled || !config.ws_port) {
    setFeedState('unavailable', config.ws_enabled ? 'the feed port is chosen by the system (perpflow.ws.port=0)'
      : 'the event feed is off (perpflow.ws.enabled=false)');
    return;
  }
  const host = location.hostname.includes(':') ? `[${location.hostname}]` : location.hostname;
  let socket;
  try {
    socket = new WebSocket(`ws://${host}:${config.ws_port}${config.ws_path}`);
  } catch (e) {
    setFeedState('offline', e.message);
    return;
  }
  feed.socket = socket;
  setFeedState('connecting');
  // the key goes in the first message, never in the URL (docs/EVENTS.md)
  socket.onopen = () => socket.send(JSON.stringify({ type: 'auth', api_key: session.key }));
  socket.onmessage = (message) => {
    let frame;
    try {
      frame = JSON.parse(message.data);
    } catch {
      return;
    }
    if (frame.type === 'welcome') {
      feed.retryMs = 1000;
      setFeedState('live', `signed in as ${frame.user}`);
    } else if (frame.type === 'error') {
      showError('Live feed', new Error(frame.detail));
    } else if (frame.id !== undefined) {
      recentEvents.unshift(frame);
      recentEvents.length = Math.min(recentEvents.length, MAX_EVENTS);
      feed.listeners.forEach((listener) => listener(frame));
    }
  };
  socket.onclose = (event) => {
    if (feed.socket !== socket) {
      return;
    }
    feed.socket = null;
    setFeedState('offline', `closed (${event.code}${event.reason ? `: ${event.reason}` : ''})`);
    if (event.code === 1008) {
      return; // the key was refused or revoked: reconnecting would not help
    }
    if (session.key) {
      feed.timer = setTimeout(() => connectFeed(config), feed.retryMs);
      feed.retryMs = Math.min(feed.retryMs * 2, 30000);
    }
  };
}

export function disconnectFeed() {
  clearTimeout(feed.timer);
  const socket = feed.socket;
  feed.socket = null;
  if (socket) {
    socket.close(1000, 'signed out');
  }
  recentEvents.length = 0;
  setFeedState('offline');
}

function describeEvent(event) {
  const p = event.payload || {};
  switch (event.type) {
    case 'funding_round_stored':
      return `${p.venue}: ${p.rates} rates in ${p.latency_ms} ms`;
    case 'opportunities_changed':
      return `${p.count} opportunities`;
    case 'order_submitted': case 'order_filled': case 'order_cancelled': case 'order_rejected': case 'order_unknown':
      return `${p.side} ${p.quantity} ${p.symbol} @ ${p.price ?? 'market'} on ${p.venue} (${p.status})`;
    case 'order_fill':
      return `${p.side} ${p.quantity} ${p.symbol} @ ${p.price} on ${p.venue} (${p.liquidity})`;
    default:
      return p.message || p.error || p.detail || '';
  }
}

export function eventItem(event) {
  const li = document.createElement('li');
  li.className = `level-${event.level || 'info'}`;
  li.dataset.type = event.type;
  const when = document.createElement('span');
  when.className = 'time';
  when.textContent = clockTime(event.time);
  const type = document.createElement('span');
  type.className = 'type';
  type.textContent = event.type;
  const scope = [event.account, event.run].filter(Boolean).join(' · ');
  li.append(when, type, document.createTextNode(`${scope ? `[${scope}] ` : ''}${describeEvent(event)}`));
  return li;
}
