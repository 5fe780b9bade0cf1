// The waiting-room display: the latest call in very large type (queue number and counter),
// the calls before it below, and a chime for each new call. No name or other personal data
// reaches this page: the station sends numbers and counters only. The page listens on its
// own read-only socket (token from the address's fragment) and reconnects by itself.
import { display as idText } from '../i18n/id.json';
import { display as enText } from '../i18n/en.json';
import { formatQueueNumber } from '../../domain/queue-number';
import type { QueueCall } from '../../electron/contract-types';
import { playChime } from './chime';
import './display.css';

const RECONNECT_MS = 2000;
/** Close code the host uses for a refused token (as for an officer's credential). */
const CLOSE_REFUSED = 4401;

const params = new URLSearchParams(location.hash.slice(1));
const token = params.get('token') ?? '';
const text = params.get('lang') === 'en' ? enText : idText;
document.documentElement.lang = params.get('lang') === 'en' ? 'en' : 'id';
document.title = text.title;

const root = document.getElementById('display')!;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, content?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  e.className = cls;
  if (content !== undefined) e.textContent = content;
  return e;
};

const heading = el('h1', 'display-title', text.title);
const latest = el('section', 'display-latest');
latest.dataset.testid = 'display-latest';
const list = el('ol', 'display-list');
list.dataset.testid = 'display-list';
const status = el('p', 'display-status');
status.dataset.testid = 'display-status';
root.append(heading, latest, el('h2', 'display-subtitle', text.before), list, status);

const audio = new AudioContext();
let chimes = 0;
const soundHint = (): void => {
  status.textContent = audio.state === 'running' ? '' : text.soundOff;
};
// Browsers start audio only after a touch or key: the first one also asks for full screen.
const wake = (): void => {
  void audio.resume().then(soundHint);
  if (!document.fullscreenElement) document.documentElement.requestFullscreen?.().catch(() => undefined);
};
window.addEventListener('pointerdown', wake);
window.addEventListener('keydown', wake);

let newest: string | null = null;

function render(calls: QueueCall[]): void {
  const [first, ...rest] = calls;
  latest.replaceChildren();
  if (first) {
    latest.dataset.number = formatQueueNumber(first.queueNumber);
    latest.dataset.counter = first.counter;
    latest.append(
      el('span', 'display-label', text.number),
      el('span', 'display-number', formatQueueNumber(first.queueNumber)),
      el('span', 'display-label', text.counter),
      el('span', 'display-counter', first.counter),
    );
  } else {
    delete latest.dataset.number;
    latest.append(el('span', 'display-waiting', text.none));
  }
  list.replaceChildren(...rest.map((c) => {
    const li = el('li', 'display-item');
    li.append(el('span', 'display-item-number', formatQueueNumber(c.queueNumber)), el('span', 'display-item-counter', `${text.counter} ${c.counter}`));
    return li;
  }));
  // A new call (not the list as it was when the page opened) chimes.
  const key = first ? `${first.calledAt}|${first.queueNumber}|${first.counter}` : null;
  if (key && newest !== null && key !== newest && playChime(audio)) document.body.dataset.chimes = String(++chimes);
  if (key || newest === null) newest = key ?? '';
}

function connect(): void {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/display-ws`;
  const ws = new WebSocket(url, ['loket.display.v1', `loket.display-token.${token}`]);
  ws.onopen = () => { root.dataset.link = 'open'; soundHint(); };
  ws.onmessage = (m) => {
    try {
      const msg = JSON.parse(String(m.data)) as { t?: unknown; calls?: QueueCall[] };
      if (msg.t === 'calls' && Array.isArray(msg.calls)) render(msg.calls);
    } catch { /* not ours: ignore */ }
  };
  ws.onclose = (e) => {
    root.dataset.link = 'closed';
    root.dataset.closeCode = String(e.code);
    if (e.code === CLOSE_REFUSED) { status.textContent = text.refused; return; }
    status.textContent = text.offline;
    setTimeout(connect, RECONNECT_MS);
  };
}

if (token) connect();
else status.textContent = text.refused;
