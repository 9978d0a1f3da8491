// Settings live in storage.local under one key. Whatever is stored there is
// checked field by field: a corrupted or foreign value falls back to the
// default for that field (and says so in the console) instead of failing.
const api = globalThis.browser || globalThis.chrome;

export const DEFAULTS = Object.freeze({
  version: 1,
  disabledSites: [],
  autoFold: true,
  autoOpen: false,
});

const HOST = /^[a-z0-9.-]{1,253}$|^\[[0-9a-f:.]+\]$/i;

/** A clean settings object from anything. */
export function sanitize(raw) {
  const out = { ...DEFAULTS, disabledSites: [] };
  const problems = [];
  if (raw == null) return { settings: out, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('settings were not an object');
    return { settings: out, problems };
  }
  if (Array.isArray(raw.disabledSites)) {
    out.disabledSites = [...new Set(raw.disabledSites.filter((h) => typeof h === 'string' && HOST.test(h)))].sort();
    if (out.disabledSites.length !== raw.disabledSites.length) problems.push('dropped invalid site names');
  } else if (raw.disabledSites !== undefined) {
    problems.push('disabledSites was not a list');
  }
  for (const k of ['autoFold', 'autoOpen']) {
    if (typeof raw[k] === 'boolean') out[k] = raw[k];
    else if (raw[k] !== undefined) problems.push(`${k} was not true/false`);
  }
  return { settings: out, problems };
}

/** The stored settings, repaired, with what had to be repaired (empty when nothing). */
export async function readSettings() {
  let raw;
  try {
    raw = (await api.storage.local.get('settings')).settings;
  } catch (e) {
    console.warn('Dossier: could not read settings, using defaults:', e);
    return { settings: sanitize(null).settings, problems: ['settings could not be read'] };
  }
  const checked = sanitize(raw);
  if (checked.problems.length) console.warn('Dossier: settings repaired:', checked.problems.join('; '));
  return checked;
}

export async function loadSettings() {
  return (await readSettings()).settings;
}

export async function saveSettings(s) {
  await api.storage.local.set({ settings: sanitize(s).settings });
}
