// The toolbar popup: status of the current tab, "Show all" / "Fold repeats",
// and the per-site switch. Tests open it as a page with ?tab=ID, since then
// "the active tab" would be the popup itself.
const api = globalThis.browser || globalThis.chrome;
const $ = (id) => document.getElementById(id);
const msg = (key, subs) => api.i18n.getMessage(key, subs) || key;

for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = msg(el.dataset.i18n);
document.documentElement.lang = api.i18n.getUILanguage ? api.i18n.getUILanguage() : 'en';

async function currentTab() {
  const q = new URLSearchParams(location.search).get('tab');
  if (q) return Number(q);
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab ? tab.id : null;
}

function toTab(tabId, message) {
  return api.tabs.sendMessage(tabId, message).catch(() => null);
}

function render(st) {
  const status = $('status');
  const showAll = $('show-all');
  const fold = $('fold');
  const off = $('site-off');
  if (!st) {
    status.textContent = msg('popupUnavailable');
    showAll.disabled = fold.disabled = off.disabled = true;
    return;
  }
  $('host').textContent = st.host ? `(${st.host})` : '';
  off.checked = st.state === 'disabled';
  off.disabled = !st.host;
  if (st.state === 'disabled') status.textContent = msg('popupDisabled');
  else if (st.state === 'skipped') status.textContent = st.error;
  else if (st.state === 'error') status.textContent = msg('popupError', [st.error]);
  else if (!st.repeats) status.textContent = msg('popupNone');
  else if (st.folded === 0) status.textContent = msg('popupShown', [String(st.repeats)]);
  else if (st.folded === 1) status.textContent = msg('popupFoldedOne');
  else status.textContent = msg('popupFolded', [String(st.folded)]);
  showAll.disabled = !st.folded || st.state === 'disabled';
  fold.disabled = !st.repeats || st.folded === st.repeats || st.state === 'disabled';
}

(async () => {
  const tabId = await currentTab();
  const refresh = async () => render(tabId == null ? null : await toTab(tabId, { type: 'popup:status' }));
  $('show-all').addEventListener('click', async () => {
    await toTab(tabId, { type: 'popup:showAll' });
    await refresh();
  });
  $('fold').addEventListener('click', async () => {
    await toTab(tabId, { type: 'popup:fold' });
    await refresh();
  });
  $('site-off').addEventListener('change', async (ev) => {
    const st = await toTab(tabId, { type: 'popup:status' });
    if (!st || !st.host) return;
    await api.runtime.sendMessage({ type: 'popup:siteSwitch', host: st.host, disabled: ev.target.checked });
    // Give the page a moment to stop or start before showing its state.
    setTimeout(refresh, 150);
  });
  await refresh();
  document.body.dataset.ready = 'true';
})();
