// One small interface over two real browsers with the built extension loaded:
// headless Chromium driven by playwright-core, headless Firefox ESR driven by
// selenium-webdriver + geckodriver (both from the system's packages; see
// TOOLCHAIN notes in README.md). Tests are written once against it.
//
//   const b = await launch('chromium' | 'firefox', extDir)
//   const tab = await b.open(url)      -> { eval(fn, ...args), id(), reload(), close(), url }
//   await b.ext(fn, ...args)           -> runs fn in the extension (service worker / extension page)
//   const popup = await b.popup(tabId) -> a tab handle on popup.html?tab=ID
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export const GECKO_ID = 'dossier@dossier.invalid';
const GECKO_UUID = '5e1c9b4e-7d2a-4f0e-9a33-d05519e00001';

function which(cmd) {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

export function browserPath(name) {
  if (name === 'chromium') return process.env.CHROMIUM || which('chromium') || which('chromium-browser') || which('google-chrome');
  return process.env.FIREFOX || which('firefox-esr') || which('firefox');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a truthy value (or throws after `ms`). */
export async function waitFor(fn, { ms = 15000, what = 'condition' } = {}) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${last && last.stack ? last.stack : JSON.stringify(last)}`);
    await sleep(100);
  }
}

/**
 * Options: `javaScript: false` turns page scripts off (content scripts still
 * run); `profile: dir` uses (and keeps) that browser profile, to test a restart;
 * `downloadDir: dir` (Firefox) saves downloads there without asking (Chromium:
 * Playwright's download events); `mobile: true` a 360-px-wide touch screen
 * (Chromium: mobile emulation; Firefox: a narrow window with touch events).
 * `proxy: port` sends every request not for the loopback through the proxy
 * on 127.0.0.1:port (tests/e2e/blackhole.mjs answers them all with an error),
 * and stops the browser from resolving or prefetching names itself.
 * `private: true` (Firefox only) lets the add-on run in private windows, as
 * the reader allows on about:addons; `b.openPrivate(url)` opens one.
 * `languages: ['de-DE', 'de']` the languages the reader's browser asks pages
 * in (Accept-Language, navigator.languages), as set in its preferences.
 */
export async function launch(name, extDir, opts = {}) {
  return name === 'chromium' ? launchChromium(extDir, opts) : launchFirefox(extDir, opts);
}

async function launchChromium(extDir, opts = {}) {
  const { chromium } = await import('playwright-core');
  // A given profile outlives the browser (to test a restart); a fresh one does not.
  const profile = opts.profile || fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-chromium-'));
  // `mobile: true`: a phone (360 x 740 CSS px, touch, mobile viewport rules).
  const mobile = opts.mobile ? { viewport: { width: 360, height: 740 }, screen: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {};
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath('chromium'),
    headless: true,
    acceptDownloads: true,
    ...mobile,
    javaScriptEnabled: opts.javaScript !== false,
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      ...(opts.languages ? [`--accept-lang=${opts.languages.join(',')}`] : []),
      ...(opts.proxy
        ? [
          `--proxy-server=http://127.0.0.1:${opts.proxy}`,
          // No name is looked up on this machine (the proxy gets the names; localhost stays local).
          '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
          '--dns-prefetch-disable',
        ]
        : []),
    ],
  });
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 20000 });
  const extId = new URL(sw.url()).host;
  const errors = [];
  // The newest worker: after an update the old one may linger in the list.
  const worker = () => context.serviceWorkers().findLast((w) => w.url().startsWith(`chrome-extension://${extId}/`)) || sw;

  function handle(page) {
    page.on('pageerror', (e) => errors.push({ url: page.url(), message: String(e) }));
    // Errors thrown by the content script show in the page's console with
    // the extension's URL as their source.
    const extErrors = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && String(m.location().url || '').startsWith(`chrome-extension://${extId}/`)) extErrors.push(m.text());
    });
    return {
      page,
      extensionErrors: () => extErrors,
      get url() {
        return page.url();
      },
      eval: (fn, ...args) => page.evaluate(new Function('args', `return (${fn}).apply(null, args)`), args),
      async id() {
        const url = page.url();
        // Without the "tabs" permission tabs.query hides URLs; the background
        // knows each content script's tab and URL from its messages.
        return waitFor(() => worker().evaluate((u) => {
          for (const [id, s] of globalThis.__dossierTabState || []) if (s.url === u) return id;
          return null;
        }, url), { what: `tab id of ${url}` });
      },
      /** The DOM serialised by the browser itself (works with page scripts off). */
      source: () => page.content(),
      reload: () => page.reload({ waitUntil: 'load' }),
      goto: (url) => page.goto(url, { waitUntil: 'load' }),
      click: (sel) => page.click(sel),
      close: () => page.close(),
    };
  }

  return {
    name: 'chromium',
    extId,
    context,
    errors,
    async open(url, { waitUntil = 'load' } = {}) {
      const page = await context.newPage();
      const h = handle(page);
      await page.goto(url, { waitUntil });
      return h;
    },
    ext: (fn, ...args) => worker().evaluate(new Function('args', `return (${fn}).apply(null, args)`), args),
    /** Opens one of the extension's own pages and waits until it says it is ready. */
    async extPage(p) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extId}/${p}`);
      await page.waitForSelector('body[data-ready="true"]');
      return handle(page);
    },
    popup(tabId) {
      return this.extPage(`popup/popup.html?tab=${tabId}`);
    },
    extUrl: (p) => `chrome-extension://${extId}/${p}`,
    /** Loads the extension again from its directory, as an update does, and waits for its new worker. */
    async update() {
      const old = worker();
      // chrome.runtime.reload() leaves a command-line extension disabled; the
      // debugging protocol reloads it in place, with its ID and storage.
      const cdp = await context.browser().newBrowserCDPSession();
      await cdp.send('Extensions.loadUnpacked', { path: extDir });
      await cdp.detach();
      await waitFor(async () => {
        const w = worker();
        return w !== old && (await w.evaluate(() => typeof chrome.storage === 'object').catch(() => false));
      }, { what: 'the reloaded extension' });
    },
    async close() {
      await context.close();
      if (!opts.profile) fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Lets the (temporary) add-on run in private windows, as a reader does with
 * "Run in Private Windows" on about:addons: the permission, then a reload so
 * that the background and pages start with it.
 */
async function allowInPrivate(driver) {
  await driver.setContext('chrome');
  try {
    const err = await driver.executeAsyncScript(
      `const cb = arguments[arguments.length - 1];
       (async () => {
         const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
         const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
         await ExtensionPermissions.add(arguments[0], { permissions: ['internal:privateBrowsingAllowed'], origins: [] });
         await (await AddonManager.getAddonByID(arguments[0])).reload();
       })().then(() => cb(null), (e) => cb(String(e)));`,
      GECKO_ID,
    );
    if (err) throw new Error(`could not allow the add-on in private windows: ${err}`);
  } finally {
    await driver.setContext('content');
  }
}

async function launchFirefox(extDir, opts = {}) {
  const { Builder } = await import('selenium-webdriver');
  const firefox = await import('selenium-webdriver/firefox.js');
  const gecko = process.env.GECKODRIVER || which('geckodriver');
  if (!gecko) throw new Error('geckodriver not found (make test installs it with cargo install geckodriver)');
  // --allow-system-access: the browser ("chrome") context is how a test opens
  // extension pages, which WebDriver navigation refuses.
  const service = new firefox.ServiceBuilder(gecko).addArguments('--allow-system-access');
  const options = new firefox.Options()
    .addArguments('-headless')
    .setBinary(browserPath('firefox'))
    .setPreference('extensions.webextensions.uuids', JSON.stringify({ [GECKO_ID]: GECKO_UUID }))
    .setPreference('datareporting.policy.dataSubmissionEnabled', false)
    .setPreference('app.update.enabled', false)
    .setPreference('browser.shell.checkDefaultBrowser', false)
    .setPreference('javascript.enabled', opts.javaScript !== false)
    // A page's own alert() (some corpus pages test script removal with
    // one) is dismissed, as Playwright does in Chromium, rather than
    // failing the next WebDriver command.
    .setAlertBehavior('dismiss');
  if (opts.languages) options.setPreference('intl.accept_languages', opts.languages.join(','));
  if (opts.downloadDir) {
    // Downloads go straight to that folder, without a dialog.
    options
      .setPreference('browser.download.folderList', 2)
      .setPreference('browser.download.dir', opts.downloadDir)
      .setPreference('browser.download.useDownloadDir', true)
      .setPreference('browser.download.always_ask_before_handling_new_types', false)
      .setPreference('browser.download.alwaysOpenPanel', false)
      .setPreference('browser.helperApps.neverAsk.saveToDisk', 'application/json');
  }
  if (opts.mobile) {
    // A narrow window with touch events on (Firefox has no mobile emulation).
    // Firefox keeps a window at least 500 px wide: the tests zoom the page
    // to 150 % (b.zoom), so that 540 px are 360 CSS px, a phone's density.
    options.setPreference('dom.w3c_touch_events.enabled', 1);
    // Zoom per tab, not per site: switching tabs would reset it.
    options.setPreference('browser.zoom.siteSpecific', false);
    options.addArguments('--width=540', '--height=1200');
  }
  if (opts.proxy) {
    // Everything but the loopback (never proxied: network.proxy.allow_hijacking_localhost
    // is false) through the proxy, which names are left to; nothing prefetched or guessed.
    for (const [k, v] of Object.entries({
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': opts.proxy,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': opts.proxy,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.no_proxies_on': '',
      'network.proxy.socks_remote_dns': true,
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      'network.predictor.enabled': false,
      'network.http.speculative-parallel-limit': 0,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.update.enabled': false,
      'browser.safebrowsing.downloads.remote.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'media.gmp-manager.updateEnabled': false,
      'browser.newtabpage.enabled': false,
    })) options.setPreference(k, v);
  }
  if (opts.profile) {
    // Use the profile in place (geckodriver copies it otherwise) and keep the
    // temporary add-on's storage when the browser unloads it, as a signed
    // add-on's storage is kept across restarts.
    options.addArguments('-profile', opts.profile);
    options.setPreference('extensions.webextensions.keepStorageOnUninstall', true);
  }
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  await driver.installAddon(extDir, true);
  if (opts.private) await allowInPrivate(driver);
  const base = `moz-extension://${GECKO_UUID}/`;
  const errors = [];

  // Opens a moz-extension:// page in a new tab from the browser context.
  async function openExtTab(url) {
    const before = new Set(await driver.getAllWindowHandles());
    await driver.setContext('chrome');
    try {
      await driver.executeScript(
        `const win = Services.wm.getMostRecentWindow('navigator:browser');
         win.gBrowser.selectedTab = win.gBrowser.addTab(arguments[0], {
           triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });`,
        url,
      );
    } finally {
      await driver.setContext('content');
    }
    const h = await waitFor(async () => (await driver.getAllWindowHandles()).find((x) => !before.has(x)), { what: 'extension tab' });
    await driver.switchTo().window(h);
    await waitFor(async () => (await driver.getCurrentUrl()).startsWith(base), { what: 'extension page load' });
    return h;
  }

  // An extension page kept open to reach the extension's APIs.
  let extHandle = await openExtTab(base + 'popup/popup.html?tab=-1');

  async function inWindow(h, fn) {
    if ((await driver.getWindowHandle()) !== h) await driver.switchTo().window(h);
    return fn();
  }
  async function run(h, fn, args) {
    return inWindow(h, async () => {
      const res = await driver.executeAsyncScript(
        `const cb = arguments[arguments.length - 1];
         const fn = (${fn});
         Promise.resolve().then(() => fn.apply(null, arguments[0])).then(
           (v) => cb({ ok: true, v: v === undefined ? null : v }),
           (e) => cb({ ok: false, e: String(e) + " " + String(e && e.stack) }));`,
        args,
      );
      if (!res.ok) throw new Error(res.e);
      return res.v;
    });
  }

  function handle(h) {
    return {
      handle: h,
      get url() {
        return inWindow(h, () => driver.getCurrentUrl());
      },
      eval: (fn, ...args) => run(h, fn, args),
      async id() {
        const url = await inWindow(h, () => driver.getCurrentUrl());
        return waitFor(() => run(extHandle, (u) => browser.runtime.sendMessage({ type: 'test:tabFor', url: u }), [url]), { what: `tab id of ${url}` });
      },
      source: () => inWindow(h, () => driver.getPageSource()),
      reload: () => inWindow(h, () => driver.navigate().refresh()),
      goto: (url) => inWindow(h, () => driver.get(url)),
      click: (sel) => inWindow(h, async () => {
        const { By } = await import('selenium-webdriver');
        await (await driver.findElement(By.css(sel))).click();
      }),
      close: () => inWindow(h, () => driver.close()).then(() => driver.switchTo().window(extHandle)),
    };
  }

  return {
    name: 'firefox',
    driver,
    errors,
    async open(url) {
      await driver.switchTo().newWindow('tab');
      const h = await driver.getWindowHandle();
      await driver.get(url);
      return handle(h);
    },
    /** Opens `url` in a new private window (launch with `private: true`). */
    async openPrivate(url) {
      const before = new Set(await driver.getAllWindowHandles());
      await driver.setContext('chrome');
      try {
        await driver.executeScript(
          `Services.wm.getMostRecentWindow('navigator:browser').openTrustedLinkIn(arguments[0], 'window', { private: true });`,
          url,
        );
      } finally {
        await driver.setContext('content');
      }
      const h = await waitFor(async () => (await driver.getAllWindowHandles()).find((x) => !before.has(x)), { what: 'private window' });
      await driver.switchTo().window(h);
      await waitFor(async () => (await driver.getCurrentUrl()) === url, { what: `${url} in the private window` });
      return handle(h);
    },
    ext: (fn, ...args) => run(extHandle, fn, args),
    async extPage(p) {
      const h = await openExtTab(base + p);
      await waitFor(() => run(h, () => document.body.dataset.ready === 'true', []), { what: `${p} ready` });
      return handle(h);
    },
    popup(tabId) {
      return this.extPage(`popup/popup.html?tab=${tabId}`);
    },
    extUrl: (p) => base + p,
    /** Zooms the tab's page (1.5 = 150 %), as the reader's Ctrl and + does. */
    async zoom(tab, factor) {
      await driver.switchTo().window(tab.handle);
      await driver.setContext('chrome');
      try {
        await driver.executeScript('const w = Services.wm.getMostRecentWindow("navigator:browser"); w.ZoomManager.setZoomForBrowser(w.gBrowser.selectedBrowser, arguments[0]);', factor);
      } finally {
        await driver.setContext('content');
      }
    },
    /** Installs the extension again over itself, as an update does. */
    async update() {
      await driver.installAddon(extDir, true);
      const handles = await driver.getAllWindowHandles();
      if (!handles.includes(extHandle)) await driver.switchTo().window(handles[0]);
      extHandle = await openExtTab(base + 'popup/popup.html?tab=-1');
    },
    /**
     * Errors the browser's console holds whose source is the extension (its
     * content script, background or pages), or starts with `prefix`: "time
     * message @ source:line".
     */
    async consoleErrors(prefix = base) {
      await driver.setContext('chrome');
      try {
        return await driver.executeScript(
          `const out = [];
           for (const m of Services.console.getMessageArray() || []) {
             if (!(m instanceof Ci.nsIScriptError) || (m.flags & Ci.nsIScriptError.warningFlag)) continue;
             const src = String(m.sourceName || '');
             if (src.startsWith(arguments[0])) out.push(m.timeStamp + ' ' + m.errorMessage + ' @ ' + src + ':' + m.lineNumber);
           }
           return out;`,
          prefix,
        );
      } finally {
        await driver.setContext('content');
      }
    },
    async close() {
      await driver.quit();
    },
  };
}
