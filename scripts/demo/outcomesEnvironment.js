// The sample repository's outcome sources, with values relative to now: a real Prometheus
// (Debian's package, history backfilled with promtool) for checkout conversion, a local JSON
// endpoint for API uptime (missed), and the CSV a CI job would write for payment success. Without
// Prometheus installed, checkout conversion reads the CSV instead. The hosts are allowed in the
// user settings, as a user would; the workspace's OWNERS.yaml gets the real ports.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const DAY = 86_400_000;
const DAYS = 120;

/** Day i before today (00:00 UTC), oldest first, today left out (the CI job has not run yet). */
function days(now) {
  const today = Date.UTC(
    new Date(now).getUTCFullYear(),
    new Date(now).getUTCMonth(),
    new Date(now).getUTCDate(),
  );
  return Array.from({ length: DAYS }, (_, i) => today - (DAYS - i) * DAY);
}

const conversion = i => Math.round((3.1 + 0.6 * (i / DAYS) + 0.08 * Math.sin(i / 4)) * 100) / 100;
const paymentSuccess = i => Math.round((99.25 + 0.2 * Math.sin(i / 9)) * 100) / 100;

/** The product's clock (src/core/clock.ts, built into out/): OWNERSHIP_LENS_NOW moves the values' days with the extension's. */
const clockNow = () => require(path.join(ROOT, 'out/src/core/clock.js')).nowMs();

async function startOutcomeSources(ws, dirs, now = clockNow()) {
  const stops = [];
  const dates = days(now);
  const iso = t => new Date(t).toISOString().slice(0, 10);
  const csvRows = dates.map((t, i) => `${iso(t)},payment-success,${paymentSuccess(i)}`);

  const json = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ last30d: { value: 99.91, window: '30d' } }));
  });
  await new Promise(r => json.listen(0, '127.0.0.1', r));
  stops.push(() => new Promise(r => json.close(() => r())));

  let owners = fs
    .readFileSync(path.join(ws, 'OWNERS.yaml'), 'utf8')
    .replace(
      'http://127.0.0.1:9091/availability',
      `http://127.0.0.1:${json.address().port}/availability`,
    );
  let prometheus = 'not installed: checkout conversion reads the CSV';
  try {
    const { startPrometheus } = require(path.join(ROOT, 'out/test/fixtures/prometheusServer.js'));
    const server = await startPrometheus(
      [
        {
          name: 'checkout_conversion_percent',
          help: 'orders per checkout session',
          samples: dates.map((t, i) => [t / 1000, conversion(i)]),
        },
      ],
      ['--query.lookback-delta=2d'],
    );
    stops.push(() => server.stop());
    owners = owners.replace('http://127.0.0.1:9090', server.url);
    prometheus = server.url;
  } catch (e) {
    owners = owners.replace(
      /prometheus: http:\/\/127\.0\.0\.1:9090\n\s*query: checkout_conversion_percent/,
      'file: deploy/metrics/outcomes.csv',
    );
    csvRows.push(...dates.map((t, i) => `${iso(t)},checkout-conversion,${conversion(i)}`));
    console.log(`  outcomes: Prometheus ${String(e.message).split('\n')[0]}`);
  }
  fs.writeFileSync(path.join(ws, 'OWNERS.yaml'), owners);
  fs.mkdirSync(path.join(ws, 'deploy/metrics'), { recursive: true });
  fs.writeFileSync(
    path.join(ws, 'deploy/metrics/outcomes.csv'),
    `date,outcome,value\n${csvRows.join('\n')}\n`,
  );

  const settingsFile = path.join(dirs.tmp, 'user-data/User/settings.json');
  const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
  settings['ownershipLens.outcomes.allowedHosts'] = ['127.0.0.1'];
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  return {
    prometheus,
    stop: async () => {
      for (const s of stops.reverse()) await s();
    },
  };
}

module.exports = { startOutcomeSources };
