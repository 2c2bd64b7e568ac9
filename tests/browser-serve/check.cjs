// `coproduce serve` in headless Chromium: run by .ci/browser-serve as
//   node check.cjs COPRODUCE FIXTURE OUT
// Fails (exit 1) on any problem; leaves screenshots in OUT.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawn } = require("child_process");
const puppeteer = require("puppeteer-core");

const [bin, fixture, out] = process.argv.slice(2);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const problems = [];
const fail = (what) => { problems.push(what); console.error("FAIL: " + what); };

// The app's save: the whole file written beside it, then renamed over it.
function save(file, text) {
  const temp = path.join(path.dirname(file), ".meeting.yaml.tmp");
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}

function start(file) {
  const child = spawn(bin, ["serve", file, "--listen", "127.0.0.1:0"], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let printed = "";
    child.stdout.on("data", (chunk) => {
      printed += chunk;
      const url = printed.match(/http:\/\/\S+/);
      if (url && printed.includes("It only reads the file")) resolve({ child, url: url[0] });
    });
    child.on("exit", (code) => reject(new Error("serve ended with " + code + ": " + printed)));
  });
}

async function axe(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { rules: { "color-contrast-enhanced": { enabled: true } } }));
  for (const v of result.violations) {
    fail(`${name}: axe ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }
  console.log(`${name}: axe-core ${result.passes.length} rules passed, ${result.violations.length} violations`);
}

(async () => {
  fs.mkdirSync(out, { recursive: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "coproduce-serve-"));
  const file = path.join(dir, "meeting.yaml");
  fs.copyFileSync(fixture, file);
  const { child, url } = await start(file);
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-dev-shm-usage"],
  });
  try {
    const page = await browser.newPage();
    const refused = [];
    page.on("console", (m) => { if (/Content.Security.Policy|Refused/i.test(m.text())) refused.push(m.text()); });
    page.on("pageerror", (e) => fail("script error: " + e.message));
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(() => document.getElementById("connection").textContent.startsWith("Live"), { timeout: 5000 });

    // A save reaches the page within a second.
    const text = fs.readFileSync(file, "utf8").replace("title: Information we send out", "title: Budget for 2027");
    const before = Date.now();
    save(file, text);
    try {
      await page.waitForFunction(() => document.getElementById("item").textContent.includes("Budget for 2027"),
        { timeout: 1000, polling: "mutation" });
      console.log(`save to browser: ${Date.now() - before} ms`);
    } catch (e) {
      fail("the page did not show the save within a second");
    }
    if (refused.length) fail("the Content-Security-Policy refused something: " + refused.join(" | "));
    await axe(page, "live page");
    await page.screenshot({ path: path.join(out, "room.png"), fullPage: true });

    // 400% zoom: a 1280-pixel window at 400% is 320 CSS pixels wide.
    await page.setViewport({ width: 320, height: 640 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) fail(`at 400% zoom the page scrolls sideways by ${overflow}px`);
    await axe(page, "400% zoom");
    await page.screenshot({ path: path.join(out, "room-400.png"), fullPage: true });

    // A broken save keeps the state with a notice.
    save(file, "format: 1\ntitle: [broken\n");
    try {
      await page.waitForFunction(() => document.getElementById("notice").textContent.includes("does not load"),
        { timeout: 1000, polling: "mutation" });
    } catch (e) {
      fail("no notice within a second of a broken save");
    }
    if (!(await page.evaluate(() => document.getElementById("item").textContent.includes("Budget for 2027")))) {
      fail("a broken save lost the last good state");
    }

    // Without JavaScript: the snapshot, whole.
    const still = await browser.newPage();
    await still.setJavaScriptEnabled(false);
    await still.goto(url, { waitUntil: "load" });
    const snapshot = await still.evaluate(() => document.body.innerText);
    for (const words of ["Budget for 2027", "Raised hands", "Speaking by role", "Decided so far", "A snapshot"]) {
      if (!snapshot.includes(words)) fail(`the snapshot without JavaScript lacks "${words}"`);
    }
    await still.screenshot({ path: path.join(out, "room-no-script.png"), fullPage: true });
  } finally {
    await browser.close();
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (problems.length) {
    console.error(`${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log("browser-serve: all checks passed; screenshots in " + out);
})().catch((e) => { console.error(e); process.exit(1); });
