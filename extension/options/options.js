// The options page: open the sidebar automatically or on demand, fold
// repeats or only mark them, and the sites where Dossier is off.
import { loadSettings, readSettings, saveSettings } from '../settings.js';

const api = globalThis.browser || globalThis.chrome;
const $ = (id) => document.getElementById(id);
const msg = (k, s) => api.i18n.getMessage(k, s) || k;
for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = msg(el.dataset.i18n);

let { settings, problems } = await readSettings();

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
      await api.runtime.sendMessage({ type: 'popup:siteSwitch', host, disabled: false });
      settings = await loadSettings();
      render();
      $('status').textContent = msg('optionsSaved');
    });
    li.append(b);
    list.append(li);
  }
}

async function save() {
  settings.autoOpen = $('auto-open').checked;
  settings.autoFold = $('fold-fold').checked;
  await saveSettings(settings);
  $('status').textContent = msg('optionsSaved');
}

$('auto-open').addEventListener('change', save);
$('fold-fold').addEventListener('change', save);
$('fold-mark').addEventListener('change', save);
render();
if (problems.length) {
  // Say so once, and store the repaired settings so the message does not return.
  $('status').textContent = msg('optionsRepaired', [problems.join('; ')]);
  await saveSettings(settings);
}
document.body.dataset.ready = 'true';
