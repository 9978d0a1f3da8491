// The options page: open the sidebar automatically or on demand, fold
// repeats or only mark them, and the sites where Dossier is off. Settings
// are synced (settings.js): each change is stored alone, a change made on
// another device shows here as it arrives, and a sync storage that refuses
// them (full) is said plainly.
import { readSettings, setOption } from '../settings.js';

const api = globalThis.browser || globalThis.chrome;
const $ = (id) => document.getElementById(id);
const msg = (k, s) => api.i18n.getMessage(k, s) || k;
for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = msg(el.dataset.i18n);

let { settings, problems, sync } = await readSettings();

function showSync(status) {
  const box = $('sync');
  box.hidden = !status || status.ok;
  if (box.hidden) box.textContent = '';
  else box.textContent = status.quota ? msg('optionsSyncFull') : msg('optionsSyncLocal', [status.error || '']);
}

function render() {
  $('auto-open').checked = settings.autoOpen;
  $(settings.autoFold ? 'fold-fold' : 'fold-mark').checked = true;
  const list = $('sites');
  list.replaceChildren();
  if (!settings.disabledSites.length) {
    const li = document.createElement('li');
    li.textContent = msg('optionsNoSites');
    list.append(li);
  }
  for (const host of settings.disabledSites) {
    const li = document.createElement('li');
    li.textContent = host;
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = '×';
    b.setAttribute('aria-label', msg('optionsRemove', [host]));
    b.addEventListener('click', async () => {
      // Through the background, which tells the site's open tabs.
      await api.runtime.sendMessage({ type: 'popup:siteSwitch', host, disabled: false });
      await refresh();
      $('status').textContent = msg('optionsSaved');
    });
    li.append(b);
    list.append(li);
  }
  showSync(sync);
}

async function refresh() {
  ({ settings, sync } = await readSettings());
  render();
}

async function save(name, value) {
  sync = await setOption(name, value);
  settings[name] = value;
  showSync(sync);
  $('status').textContent = msg('optionsSaved');
}

$('auto-open').addEventListener('change', () => save('autoOpen', $('auto-open').checked));
$('fold-fold').addEventListener('change', () => save('autoFold', true));
$('fold-mark').addEventListener('change', () => save('autoFold', false));
// A change from another device (storage.sync) or another page of the extension.
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' || (area === 'local' && 'settingsEntries' in changes)) refresh();
});
render();
if (problems.length) {
  // Said once: reading them stored them repaired, so the message does not return.
  $('status').textContent = msg('optionsRepaired', [problems.join('; ')]);
}
document.body.dataset.ready = 'true';
