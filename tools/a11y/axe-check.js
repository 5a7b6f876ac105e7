// WCAG 2.2 A/AA check of the staff pages with axe-core in headless Chromium (Debian's chromium).
// Usage: tools/a11y/axe-check.sh [BASE_URL]  — against a running `bin/madoguchi start-dev`.
const { chromium } = require('playwright-core');
const fs = require('fs');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
(async () => {
  const B = process.argv[2] || 'http://localhost:8080';
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const results = {};
  for (const [user, pass, pages] of [
      ['shinsa', 'shinsa-demo', ['/staff/residents', '/staff/residents?kana=' + encodeURIComponent('やま'), 'PERSON', 'HOUSEHOLD', '/staff/move-in', 'MOVEOUT', 'BADMOVEIN']],
      ['kanri', 'kanri-demo', ['/staff/residents/import']],
      ['kansa', 'kansa-demo', ['/staff/audit']]]) {
    for (const width of [375, 1280]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'ja-JP' });
      const page = await ctx.newPage(); page.setDefaultTimeout(60000);
      await page.goto(B + '/login');
      if (!results['/login@' + width]) results['/login@' + width] = await audit(page);
      await page.fill('#username', user); await page.fill('#password', pass);
      await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
      let personHref;
      for (let p of pages) {
        if (p === 'PERSON' || p === 'HOUSEHOLD' || p === 'MOVEOUT') {
          await page.goto(B + '/staff/residents?kana=' + encodeURIComponent('やま'));
          personHref = await page.getAttribute('table a', 'href');
          p = p === 'PERSON' ? personHref : p === 'MOVEOUT' ? personHref + '/move-out'
            : await (async () => { await page.goto(B + personHref); return await page.getAttribute('a[href^="/staff/households/"]', 'href'); })();
        }
        if (p === 'BADMOVEIN') {
          await page.goto(B + '/staff/move-in');
          await page.fill('[id="persons[0].familyNameKana"]', 'abc');
          await Promise.all([page.waitForNavigation(), page.click('button[value=submit]')]);
        } else {
          await page.goto(B + p);
        }
        results[p + '@' + width] = await audit(page);
      }
      await ctx.close();
    }
  }
  let total = 0;
  for (const [k, v] of Object.entries(results)) {
    total += v.length;
    console.log(k.padEnd(60), v.length === 0 ? 'ok' : v.map(x => x.id + '(' + x.impact + ',' + x.nodes + ')').join(' '));
  }
  console.log('violations:', total);
  await browser.close();
  process.exit(total === 0 ? 0 : 1);
  async function audit(page) {
    await page.addScriptTag({ content: axeSource });
    const r = await page.evaluate(async () => await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
    return r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0].target }));
  }
})().catch(e => { console.error(e); process.exit(1); });
