// The minutes as a reader's browser sees them, run by `.ci/browser`:
//
// 1. Each HTML page opens in headless Chromium, axe-core is injected and
//    run with every rule it has (WCAG A/AA and best practice); any
//    violation fails. A full-page screenshot and a PDF (the paper copy)
//    of each are saved for people to review.
// 2. The hostile Markdown minutes render through markdown-it with GFM's
//    bare-address links on: every link, image, heading, HTML block and
//    table cell in its output must be one the app wrote itself.
//
// Usage: node check.cjs OUT_DIR PAGE.html... -- MINUTES.md...
// Modules come from NODE_PATH (installed by .ci/browser, never committed).

const fs = require("fs");
const path = require("path");
const puppeteer = require("puppeteer-core");
const MarkdownIt = require("markdown-it");

const [outDir, ...rest] = process.argv.slice(2);
const split = rest.indexOf("--");
const pages = split < 0 ? rest : rest.slice(0, split);
const markdowns = split < 0 ? [] : rest.slice(split + 1);
const axeSource = require.resolve("axe-core/axe.min.js");
let failed = false;

function fail(message) {
  console.error(`FAIL ${message}`);
  failed = true;
}

async function checkPages() {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--font-render-hinting=none"],
  });
  try {
    for (const file of pages) {
      const name = path.basename(file, ".html");
      const page = await browser.newPage();
      await page.setViewport({ width: 1024, height: 768 });
      await page.goto("file://" + path.resolve(file), { waitUntil: "load" });
      await page.addScriptTag({ path: axeSource });
      const result = await page.evaluate(async () =>
        // Every rule axe has, not only WCAG's: best practice too.
        window.axe.run(document),
      );
      for (const v of result.violations) {
        const where = v.nodes.map((n) => n.target.join(" ")).join("; ");
        fail(`${name}: ${v.id} (${v.impact}): ${v.help} at ${where}`);
      }
      const fontSize = await page.evaluate(() =>
        Math.min(
          ...[...document.querySelectorAll("body *")]
            .filter((e) => e.textContent.trim() !== "")
            .map((e) => parseFloat(getComputedStyle(e).fontSize)),
        ),
      );
      // 14 pt is 18.67 CSS pixels.
      if (fontSize < 18.6) fail(`${name}: smallest text is ${fontSize}px, under 14 pt`);
      await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
      await page.pdf({ path: path.join(outDir, `${name}.pdf`), format: "A4" });
      const rules = result.passes.length + result.incomplete.length + result.inapplicable.length;
      if (result.violations.length === 0) {
        console.log(`ok ${name}: ${rules} axe-core rules, no violations; smallest text ${fontSize}px`);
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

function count(text, pattern) {
  return (text.match(pattern) || []).length;
}

function checkMarkdown() {
  const md = new MarkdownIt({ html: true, linkify: true });
  for (const file of markdowns) {
    const source = fs.readFileSync(file, "utf8");
    const html = md.render(source);
    const lines = source.split("\n");
    const headings = lines.filter((l) => /^#{1,6} /.test(l)).length;
    // The app's own table rows: every raw `|` in them is a cell edge, as the
    // file's pipes are written as entities.
    const cells = lines
      .filter((l) => l.startsWith("|") && !/^\| ---/.test(l))
      .reduce((n, l) => n + count(l, /\|/g) - 1, 0);
    const checks = [
      ["links", count(html, /<a\s/g), 0],
      ["images", count(html, /<img\s/g), 0],
      ["raw HTML", count(html, /<(script|div|b|img|iframe|!--)[\s>]/g), 0],
      ["headings", count(html, /<h[1-6]>/g), headings],
      ["table cells", count(html, /<t[hd][\s>]/g), cells],
    ];
    for (const [what, got, want] of checks) {
      if (got !== want) fail(`${file}: markdown-it made ${got} ${what}, the app wrote ${want}`);
    }
    console.log(`ok ${path.basename(file)}: markdown-it reads only the app's own structure`);
  }
}

(async () => {
  checkMarkdown();
  await checkPages();
  console.log(`screenshots and PDFs of each page in ${outDir}`);
  if (failed) process.exit(1);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
