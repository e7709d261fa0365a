/**
 * The flags the e2e tests and the bench start Chromium with (the distribution's own build,
 * headless, driven by Playwright). Beyond what it needs to run here at all (no sandbox, no
 * GPU), they turn off the browser's own background work, which would otherwise share the CPU
 * with the page being tested or timed.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Each new window renders a hidden omnibox popup (a WebUI page in a renderer process of its
  // own) in case the address bar is used. Every Playwright context is a new window: on two
  // cores this took about a third of the CPU during a cold visit to the console (0.9–1.3 s
  // of 2.9–3.1 s), and a headless test never opens the address bar.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
];
