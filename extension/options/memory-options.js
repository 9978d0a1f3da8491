// The options page's "Already read" section (extension/memory.js): the
// switch, the store's size, "Forget everything" and a forget button per
// site. The store lives in the background; every action is a message.
const api = globalThis.browser || globalThis.chrome;
const $ = (id) => document.getElementById(id);
const msg = (k, s) => api.i18n.getMessage(k, s) || k;

const ask = (m) => api.runtime.sendMessage({ type: 'opt:memory', ...m });

function render(m) {
  $('memory-on').checked = m.enabled;
  $('memory-size').textContent = m.pages
    ? msg('memorySize', [String(m.pages), String(m.paragraphs), String(Math.ceil(m.bytes / 1024)), new Date(m.oldest).toLocaleDateString()])
    : msg('memoryEmpty');
  const list = $('memory-sites');
  list.replaceChildren();
  for (const s of m.sites) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'memory-forget-site';
    b.dataset.host = s.host;
    b.textContent = msg('memoryForgetSite', [s.host, String(s.pages)]);
    b.addEventListener('click', () => act({ op: 'forget', host: s.host }, true));
    li.append(b);
    list.append(li);
  }
}

async function act(m, forgot = false) {
  const res = await ask(m);
  if (res && res.memory) render(res.memory);
  if (forgot) $('memory-status').textContent = msg('memoryForgotten');
}

$('memory-on').addEventListener('change', (e) => act({ op: 'set', enabled: e.target.checked }));
$('memory-forget').addEventListener('click', () => act({ op: 'forget' }, true));
act({ op: 'state' });
