// Evaluated before anything else in the entry module (main.tsx imports it first): the
// browser host's code-for-credential exchange and the app's first two questions go out now,
// so their round trips overlap the evaluation of React, i18next, the language file and the
// screens instead of waiting for it. Measured in `npm run bench` (cold-start).
// Nothing here can fire an event before main.tsx has added its listeners: module
// evaluation finishes in this same task, and every answer arrives in a later one.
import { hostAccess, type HostAccess } from '../api';
import { askEarly } from './boot';

export const access: Promise<HostAccess> = hostAccess().then((a) => {
  if (a === 'ok') askEarly();
  return a;
});
