import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { App } from './app';
import { CREDENTIAL_REFUSED_EVENT, hostAccess, type HostAccess } from './api';
import { askEarly } from './lib/boot';
import { AddressRefused } from './screens/address-refused';

const i18nReady = initI18n();
const root = document.getElementById('root');
if (root) {
  const view = createRoot(root);
  const refused = (reason: Exclude<HostAccess, 'ok'> | 'credential_refused') =>
    void i18nReady.then(() => view.render(<StrictMode><AddressRefused reason={reason} /></StrictMode>));
  // The browser host first trades the address's one-time code for this tab's credential;
  // then the first questions go out while the language file loads, before React renders.
  window.addEventListener(CREDENTIAL_REFUSED_EVENT, () => refused('credential_refused'));
  void hostAccess().then((access) => {
    if (access !== 'ok') { refused(access); return; }
    askEarly();
    void i18nReady.then(() => view.render(<StrictMode><App /></StrictMode>));
  });
}
