// browser.mjs — a visitor's path through arkiv.cgi in real Chromium
// (Debian's /usr/bin/chromium driven by playwright-core): load the search
// page, type a query, submit, click a facet, open a document, follow a
// name to the person page; a hostile document runs no script. Screenshots
// of each page go to OUT_DIR.
//
//   node browser.mjs BASE_URL OUT_DIR HOSTILE_DOC_PATH
//
// Run by tests/test_web (tc_browser.c) against its lighttpd; exits 0 when
// every step held, 1 with the reason on stderr otherwise.
import { chromium } from 'playwright-core';

const [base, out, hostile] = process.argv.slice(2);
if (!base || !out || !hostile) {
  console.error('usage: node browser.mjs BASE_URL OUT_DIR HOSTILE_DOC_PATH');
  process.exit(2);
}

function check(ok, what) {
  if (!ok) throw new Error(what);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
let failed = null;
try {
  const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Any alert(), confirm() or prompt() means a payload ran.
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const shot = (name) => page.screenshot({ path: `${out}/${name}.png`, fullPage: true });

  await page.goto(`${base}/`);
  await shot('1-start');
  await page.fill('input[name="q"]', 'HARMONI');
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
  check(/[?&]q=HARMONI/.test(page.url()), `submit did not search: ${page.url()}`);
  check(await page.locator('a[href^="/doc/"]').count() > 0, 'no hits for HARMONI');
  await shot('2-search');

  const facet = page.locator('a[href*="council="]').first();
  await Promise.all([page.waitForNavigation(), facet.click()]);
  check(/[?&]council=/.test(page.url()), `the facet did not filter: ${page.url()}`);
  await shot('3-facet');

  await Promise.all([page.waitForNavigation(), page.locator('a[href^="/doc/"]').first().click()]);
  check(/\/doc\/[0-9a-f]{16}/.test(page.url()), `no document page: ${page.url()}`);
  await shot('4-document');

  const person = page.locator('a[href^="/person"]').first();
  check(await person.count() > 0, 'the document names nobody');
  await Promise.all([page.waitForNavigation(), person.click()]);
  check(/\/person/.test(page.url()), `no person page: ${page.url()}`);
  check((await page.locator('h1').count()) > 0, 'the person page has no heading');
  await shot('5-person');

  await page.goto(`${base}${hostile}`);
  await page.waitForTimeout(300);
  check((await page.locator('body script, head script').count()) === 0, 'a script element is in the DOM');
  check(!/pwned/.test(await page.title()), 'the hostile text changed the title');
  await shot('6-hostile');
  await page.goto(`${base}/person?name=%3Cscript%3Ealert(1)%3C%2Fscript%3E`);
  await page.goto(`${base}/search?q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E`);
  await page.waitForTimeout(300);
  check(dialogs.length === 0, `a payload ran: ${dialogs.join(', ')}`);
} catch (e) {
  failed = e;
} finally {
  await browser.close();
}
if (failed) {
  console.error(`browser.mjs: ${failed.message}`);
  process.exit(1);
}
