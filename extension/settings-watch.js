// In the background: a per-site switch that arrives from another device
// (storage.sync, through the browser's own sync) reaches this device's open
// tabs at once, as a switch made here does (background.js setSiteDisabled).
// Options reach each page at its next load.
import { loadSettings } from './settings.js';

const api = globalThis.browser || globalThis.chrome;

let last = null; // the sorted list the tabs were last told
api.storage.onChanged.addListener(async (changes, area) => {
  if (area !== 'sync' || !Object.keys(changes).some((k) => k.startsWith('s:'))) return;
  const s = await loadSettings();
  const list = s.disabledSites.join('\n');
  if (list === last) return;
  last = list;
  for (const tab of await api.tabs.query({})) {
    api.tabs.sendMessage(tab.id, { type: 'bg:siteSwitch', disabledSites: s.disabledSites }).catch(() => {});
  }
});
