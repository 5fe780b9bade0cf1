import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { App } from './app';
import { CREDENTIAL_REFUSED_EVENT, hostAccess, type HostAccess } from './api';
import { AddressRefused } from './screens/address-refused';

initI18n();
const root = document.getElementById('root');
if (root) {
  const view = createRoot(root);
  const refused = (reason: Exclude<HostAccess, 'ok'> | 'credential_refused') => view.render(<StrictMode><AddressRefused reason={reason} /></StrictMode>);
  // The browser host first trades the address's one-time code for this tab's credential.
  window.addEventListener(CREDENTIAL_REFUSED_EVENT, () => refused('credential_refused'));
  void hostAccess().then((access) => {
    if (access === 'ok') view.render(<StrictMode><App /></StrictMode>);
    else refused(access);
  });
}
