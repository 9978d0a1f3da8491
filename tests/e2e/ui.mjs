// Driving the extension's own UI as a reader does, in both browsers: the
// toolbar button and the shortcut, real key presses and clicks inside the
// sidebar's shadow root, and the clipboard.
/** Opens or closes the sidebar by the toolbar button (`toolbar`) or the shortcut (`shortcut`). */
export async function toggle(b, tab, how = 'toolbar') {
  if (b.name === 'chromium') {
    if (how === 'shortcut') {
      const s = await b.context.newCDPSession(tab.page);
      for (const type of ['rawKeyDown', 'keyUp']) {
        await s.send('Input.dispatchKeyEvent', { type, modifiers: 9, key: 'D', code: 'KeyD', windowsVirtualKeyCode: 68, nativeVirtualKeyCode: 68 });
      }
      await s.detach();
    } else {
      await tab.page.bringToFront();
      const cdp = await b.context.browser().newBrowserCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{}] });
      const target = targetInfos.find((t) => t.type === 'tab' && t.url === tab.url);
      await cdp.send('Extensions.triggerAction', { id: b.extId, targetId: target.targetId });
      await cdp.detach();
    }
    return;
  }
  const d = b.driver;
  await d.switchTo().window(tab.handle);
  await d.setContext('chrome');
  try {
    if (how === 'shortcut') {
      const { Key } = await import('selenium-webdriver');
      await d.actions().keyDown(Key.ALT).keyDown(Key.SHIFT).sendKeys('d').keyUp(Key.SHIFT).keyUp(Key.ALT).perform();
    } else {
      await d.executeScript(`
        const { ExtensionParent } = ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs");
        const ext = ExtensionParent.GlobalManager.getExtension("dossier@dossier.invalid");
        ExtensionParent.apiManager.global.browserActionFor(ext).triggerAction(Services.wm.getMostRecentWindow("navigator:browser"));`);
    }
  } finally {
    await d.setContext('content');
  }
}

export const isOpen = (tab) => tab.eval(() => !!document.querySelector('dossier-sidebar'));

/** Presses a key (`Tab`, `Enter`, ` `) as the reader does: trusted events, with user activation. */
export async function press(b, tab, key) {
  if (b.name === 'chromium') return tab.page.keyboard.press(key === ' ' ? 'Space' : key);
  const { Key } = await import('selenium-webdriver');
  const k = { Tab: Key.TAB, Enter: Key.ENTER, ' ': Key.SPACE, Escape: Key.ESCAPE }[key] || key;
  await b.driver.switchTo().window(tab.handle);
  await b.driver.actions().sendKeys(k).perform();
}

/** What has the focus inside the sidebar: `{cls, text}` of its active element. */
export const focused = (tab) =>
  tab.eval(() => {
    const host = document.querySelector('dossier-sidebar');
    const a = host && host.shadowRoot.activeElement;
    return a ? { cls: a.className, text: a.textContent, data: a.dataset.export || '' } : null;
  });

/** Tabs forward from the current focus until `pred(focused)` holds (at most `max` presses). */
export async function tabTo(b, tab, pred, max = 15) {
  for (let i = 0; i < max; i++) {
    const f = await focused(tab);
    if (f && pred(f)) return f;
    await press(b, tab, 'Tab');
  }
  throw new Error('could not reach the control with Tab');
}

/** A real click (trusted, with user activation) on `css` inside the sidebar's shadow root. */
export async function clickIn(b, tab, css) {
  if (b.name === 'chromium') return tab.page.locator(`dossier-sidebar ${css}`).first().click(); // Playwright's CSS pierces open shadow roots
  const { By } = await import('selenium-webdriver');
  await b.driver.switchTo().window(tab.handle);
  const host = await b.driver.findElement(By.css('dossier-sidebar'));
  const root = await host.getShadowRoot();
  await (await root.findElement(By.css(css))).click();
}

/** The system clipboard's text. */
export async function clipboardText(b, tab) {
  if (b.name === 'chromium') {
    await tab.page.bringToFront();
    return tab.page.evaluate(() => navigator.clipboard.readText());
  }
  const d = b.driver;
  await d.setContext('chrome');
  try {
    return await d.executeScript(`
      const trans = Cc["@mozilla.org/widget/transferable;1"].createInstance(Ci.nsITransferable);
      trans.init(null);
      trans.addDataFlavor("text/plain");
      Services.clipboard.getData(trans, Ci.nsIClipboard.kGlobalClipboard);
      const out = {};
      try { trans.getTransferData("text/plain", out); } catch (e) { return null; }
      return out.value.QueryInterface(Ci.nsISupportsString).data;`);
  } finally {
    await d.setContext('content');
  }
}
