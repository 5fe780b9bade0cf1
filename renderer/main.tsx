// First: it starts the station's first round trips while the rest evaluates (lib/early-access.ts).
import { access } from './lib/early-access';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { App } from './app';
import { CREDENTIAL_REFUSED_EVENT, type HostAccess } from './api';
import { AddressRefused } from './screens/address-refused';

const i18nReady = initI18n();
const root = document.getElementById('root');
if (root) {
  const view = createRoot(root);
  const refused = (reason: Exclude<HostAccess, 'ok'> | 'credential_refused') =>
    void i18nReady.then(() => view.render(<StrictMode><AddressRefused reason={reason} /></StrictMode>));
  // The browser host first trades the address's one-time code for this tab's credential;
  // then the first questions go out (both started in lib/early-access.ts), before React renders.
  window.addEventListener(CREDENTIAL_REFUSED_EVENT, () => refused('credential_refused'));
  void access.then((a) => {
    if (a !== 'ok') { refused(a); return; }
    void i18nReady.then(() => view.render(<StrictMode><App /></StrictMode>));
  });
}
