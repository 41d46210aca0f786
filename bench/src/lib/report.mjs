// Renders suite results as the Markdown tables of BENCHMARKS.md.

const n = (value, digits = 0) =>
  Number.isFinite(value)
    ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '–';

/** `min / **median** / max`. */
const mmm = (s, digits = 0) =>
  s ? `${n(s.min, digits)} / **${n(s.median, digits)}** / ${n(s.max, digits)}` : '–';
const goal = (met) => (met === undefined ? '' : met ? 'met' : '**missed**');
const table = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

function overheadRows(rows) {
  return table(
    [
      'channel',
      'conc.',
      'baseline req/s',
      'roomcast req/s',
      'throughput ratio',
      'p50 ms (base → rc)',
      'p99 ms (base → rc)',
      'CPU µs/req baseline',
      'CPU µs/req roomcast',
      'CPU ratio',
      'goal ≥ 0.95',
    ],
    rows.map((r) => [
      `\`${r.channel}\``,
      r.concurrency,
      mmm(r.baseline.throughput),
      mmm(r.roomcast.throughput),
      mmm(r.ratio.throughput, 3),
      `${n(r.baseline.p50Ms.median, 2)} → ${n(r.roomcast.p50Ms.median, 2)}`,
      `${n(r.baseline.p99Ms.median, 2)} → ${n(r.roomcast.p99Ms.median, 2)}`,
      mmm(r.baseline.cpuUsPerRequest),
      mmm(r.roomcast.cpuUsPerRequest),
      mmm(r.ratio.cpuPerRequest, 2),
      goal(r.goalMet),
    ]),
  );
}

const sections = {
  overhead(r) {
    const requests = [...new Set(r.rows.map((row) => `\`${row.channel}\`: ${row.request}`))].join('; ');
    return [
      `### 1. Client overhead — goal: ${r.goal}`,
      '',
      `Both clients against the same trivial responder (a bare \`node:http\` server in its own process answering the vendor's success JSON). Requests: ${requests}. roomcast runs with a rate-limit store that always grants, so the limiter is called but never paces. ${r.settings.loopback.rounds} alternating rounds of ${r.settings.loopback.total[1].toLocaleString('en-US')} (concurrency 1) / ${r.settings.loopback.total[32].toLocaleString('en-US')} (concurrency 32) requests each; ratios are roomcast ÷ baseline within a round. CPU is \`process.cpuUsage()\` of the client process per request (user + system, kernel loopback work included).`,
      '',
      '**a. Loopback (client cost as visible as it gets)**',
      '',
      overheadRows(r.rows),
      '',
      `**b. Responder answering after ${r.settings.vendorLatencyMs} ms (a vendor-like round trip)**, ${r.settings.latency.rounds} rounds of ${Object.entries(
        r.settings.latency.total,
      )
        .map(([c, t]) => `${t.toLocaleString('en-US')} (concurrency ${c})`)
        .join(' / ')} requests`,
      '',
      overheadRows(r.latencyRows),
      '',
      `**c. Where the CPU goes** — \`zego:signal\`, network replaced by a stub \`fetch\` answering at once (client work only), ${r.breakdown.calls.toLocaleString('en-US')} calls × ${r.breakdown.rounds} rounds, 32 in flight`,
      '',
      table(
        ['layer (each includes the ones above it in the stack)', 'CPU µs per request', '× hand-written'],
        r.breakdown.rows.map((row) => [row.layer, mmm(row.cpuUs, 1), n(row.ratioToBaseline, 2)]),
      ),
    ].join('\n');
  },
  quota(r) {
    return [
      `### 2. Quota saturation — goal: ${r.goal}`,
      '',
      `The emulator enforces SendCustomCommand at the quota (a token bucket of one second's capacity); each sender gets ${r.settings.multiple}× the quota's worth of requests (${r.settings.recipientsPerRequest} recipients each; roomcast as one fan-out \`rc.send\`). Achieved rate: accepted requests per second from the second to the last arrival at the emulator. ${r.settings.rounds} alternating rounds.`,
      '',
      table(
        [
          'quota',
          'sender',
          'achieved req/s',
          '÷ quota',
          'vendor rejections',
          'recipients failed',
          'wall time s',
          'goal',
        ],
        r.rows.map((row) => [
          `${row.quota.toLocaleString('en-US')}/s`,
          row.label + (row.vsPacedBaseline ? ` (÷ paced baseline: ${mmm(row.vsPacedBaseline, 3)})` : ''),
          mmm(row.achievedRate, 1),
          mmm(row.ratio, 4),
          mmm(row.rejections),
          mmm(row.recipientsFailed),
          mmm(
            { min: row.wallMs.min / 1000, median: row.wallMs.median / 1000, max: row.wallMs.max / 1000 },
            2,
          ),
          goal(row.goalMet),
        ]),
      ),
    ].join('\n');
  },
  fanout(r) {
    return [
      `### 3. Fan-out — goal: ${r.goal}`,
      '',
      table(
        [
          'sender',
          'recipients',
          'wall time s (ideal)',
          '÷ ideal',
          'vendor requests',
          'rejections',
          'accounted once',
          'users delivered',
          'duplicate deliveries',
          'goal',
        ],
        r.rows.map((row) => [
          row.label + (row.vsPacedBaseline ? ` (÷ paced baseline: ${mmm(row.vsPacedBaseline, 3)})` : ''),
          row.recipients.toLocaleString('en-US'),
          `${mmm({ min: row.wallMs.min / 1000, median: row.wallMs.median / 1000, max: row.wallMs.max / 1000 }, 3)} (${n(row.idealMs / 1000, 1)})`,
          mmm(row.ratioToIdeal, 4),
          mmm(row.vendorRequests),
          mmm(row.rejections),
          row.accountedOnce ? 'yes' : '**no**',
          mmm(row.deliveredUsers),
          mmm(row.duplicateDeliveries),
          goal(row.goalMet),
        ]),
      ),
    ].join('\n');
  },
  usersig(r) {
    return [
      `### 4. UserSig — goal: ${r.goal}`,
      '',
      `Same inputs (SDKAppID, key, user \`administrator\`, 86,400 s), ${r.settings.rounds} alternating rounds of ${r.settings.opsPerRound.toLocaleString('en-US')} signatures in one process. Byte-identical output for the same second: **${r.identicalOutput ? 'yes' : 'no'}**.`,
      '',
      table(
        ['implementation', 'ops/s', 'ratio (roomcast ÷ tls-sig-api-v2, per round)', 'goal'],
        [
          ...r.rows.map((row) => [
            row.label,
            mmm(row.opsPerSecond),
            row.ratio ? mmm(row.ratio, 3) : '',
            goal(row.goalMet),
          ]),
          [
            r.cached.label,
            mmm(r.cached.opsPerSecond),
            `${n(r.cached.nsPerRequest, 0)} ns per request = ${n(r.cached.fractionOfSigning * 100, 2)} % of one signature`,
            goal(r.cached.goalMet),
          ],
        ],
      ),
      ...(r.components
        ? [
            '',
            'Components of one signature (ns per call, median of rounds):',
            '',
            table(
              ['step', 'ns'],
              r.components.map((c) => [c.step, n(c.ns)]),
            ),
          ]
        : []),
    ].join('\n');
  },
  memory(r) {
    const rows = r.configs.flatMap((c) =>
      ['baseline', 'roomcast'].map((side) => [
        c.name,
        side === 'baseline'
          ? 'hand-written fan-out (baseline)'
          : "roomcast `rc.send('zego:signal', { to: 100,000 })`",
        mmm(c[side].peakRssMB, 1),
        mmm(c[side].heapAfterGcMB, 1),
        mmm(c[side].heapGrowthMB, 2),
        mmm(c[side].rssGrowthMB, 1),
        mmm(
          {
            min: c[side].wallMs.min / 1000,
            median: c[side].wallMs.median / 1000,
            max: c[side].wallMs.max / 1000,
          },
          2,
        ),
        side === 'roomcast' ? mmm(c.peakRssRatio, 3) : '',
      ]),
    );
    return [
      `### 5. Memory — goal: ${r.goal}`,
      '',
      `${r.settings.recipients.toLocaleString('en-US')} recipients = ${r.settings.requests.toLocaleString('en-US')} requests, ${r.settings.runsPerProcess} runs per process, ${r.settings.processes} fresh process(es) per sender and setting (\`--expose-gc\`), concurrency ${r.settings.concurrency}, against the trivial responder. Peak RSS: the process's \`maxRSS\`. Growth: heap (and RSS) after a full GC, last run minus the second.`,
      '',
      table(
        [
          'V8 setting',
          'sender',
          'peak RSS MB',
          'heap after GC MB',
          'heap growth MB',
          'RSS growth MB',
          'time per run s',
          'peak RSS ÷ baseline',
        ],
        rows,
      ),
      '',
      `Goal (default setting): ${goal(r.goalMet)}.`,
    ].join('\n');
  },
  footprint(r) {
    const kib = (b) => `${n(b / 1024, 1)} KiB`;
    return [
      `### 6. Footprint — goal: ${r.goal}`,
      '',
      "Tarballs from `pnpm pack`, installed with `npm install --offline` into an empty project: the other @roomcast tarballs stand in for the registry through `overrides`, and ky is `npm pack`ed from the copy the workspace installed (2.1.0, what core's `^2.1.0` resolves to), so nothing comes from the network.",
      '',
      table(
        [
          'install',
          'dependencies',
          'packages',
          'files',
          'installed (incl. maps, .d.ts)',
          'of which .js',
          'goal',
        ],
        r.installs.map((i) => [
          `\`${i.provider}\``,
          i.dependencyCount,
          i.dependencies.map((d) => `\`${d}\``).join(', '),
          i.files,
          kib(i.installedBytes),
          kib(i.installedJsBytes),
          i.provider === '@roomcast/zego-rtc'
            ? goal(r.goalMet)
            : i.onlyExpected
              ? 'as expected'
              : '**unexpected**',
        ]),
      ),
      '',
      `Minified + gzipped (level 9), ${r.bundler}. "With its dependencies" includes ky and the @roomcast packages it imports; the app rows are what a bundler keeps of \`createRoomcast\` plus one provider factory.`,
      '',
      table(
        [
          'bundle',
          'own code: min',
          'own code: min+gz',
          'with its dependencies: min',
          'with its dependencies: min+gz',
        ],
        r.bundles.map((b) => [
          b.bundle,
          b.own ? kib(b.own.minBytes) : '',
          b.own ? kib(b.own.gzipBytes) : '',
          b.withDependencies ? kib(b.withDependencies.minBytes) : '',
          b.withDependencies ? kib(b.withDependencies.gzipBytes) : '',
        ]),
      ),
      '',
      `Tarballs: ${Object.entries(r.tarballBytes)
        .map(([name, bytes]) => `${name} ${kib(bytes)}`)
        .join(', ')}.`,
    ].join('\n');
  },
  emulator(r) {
    const packaged = r.packaged?.requestsPerSecond
      ? `\`packages/emulator/bench/throughput.mjs\` as shipped (emulator CLI in a child process, ${r.packaged.concurrency} in flight, ${r.packaged.seconds} s): **${n(r.packaged.requestsPerSecond)} req/s**, p50 ${r.packaged.latencyMs.p50} ms, p99 ${r.packaged.latencyMs.p99} ms, ${r.packaged.failed} failed.`
      : `\`packages/emulator/bench/throughput.mjs\` could not run: ${r.packaged?.error}`;
    return [
      '### 7. Emulator throughput',
      '',
      `Signed SendCustomCommand (1 recipient) from the hand-written client, concurrency ${r.settings.concurrency}, ${r.settings.rounds} alternating rounds of ${r.settings.requestsPerRound.toLocaleString('en-US')} requests.`,
      '',
      table(
        ['server', 'req/s', 'p50 ms', 'p99 ms', '÷ trivial responder'],
        [
          [
            'trivial responder (baseline)',
            mmm(r.responder.requestsPerSecond),
            mmm(r.responder.p50Ms, 2),
            mmm(r.responder.p99Ms, 2),
            '',
          ],
          [
            '@roomcast/emulator, rate limits off',
            mmm(r.emulator.requestsPerSecond),
            mmm(r.emulator.p50Ms, 2),
            mmm(r.emulator.p99Ms, 2),
            mmm(r.ratio, 3),
          ],
        ],
      ),
      '',
      packaged,
    ].join('\n');
  },
};

/** One line per goal: the headline figure (medians) and whether it is met. */
function glance(suites) {
  const byId = Object.fromEntries(suites.filter((s) => !s.error).map((s) => [s.id, s]));
  const rows = [];
  const range = (values, digits) => `${n(Math.min(...values), digits)}–${n(Math.max(...values), digits)}`;
  if (byId.overhead) {
    const o = byId.overhead;
    const ratios = o.rows.map((r) => r.ratio.throughput.median);
    const cpu = o.rows.map((r) => r.ratio.cpuPerRequest.median);
    const rtt = o.latencyRows.filter(
      (r) => r.concurrency === Math.min(...o.latencyRows.map((x) => x.concurrency)),
    );
    rows.push([
      '1. client overhead: throughput ≥ 0.95× hand-written',
      `loopback ${range(ratios, 2)}× (CPU per request ${range(cpu, 1)}×); with a ${o.settings.vendorLatencyMs} ms round trip at concurrency ${rtt[0]?.concurrency}: ${range(
        rtt.map((r) => r.ratio.throughput.median),
        2,
      )}×`,
      o.rows.every((r) => r.goalMet) ? 'met' : '**missed** on loopback',
    ]);
  }
  if (byId.quota) {
    for (const quota of [...new Set(byId.quota.rows.map((r) => r.quota))]) {
      const pick = (variant) => byId.quota.rows.find((r) => r.quota === quota && r.variant === variant);
      const one = pick('roomcast');
      const wide = pick('roomcast32');
      const shared = pick('shared');
      rows.push([
        `2. quota ${quota.toLocaleString('en-US')}/s: achieved ÷ quota ≥ 0.99, 0 rejections`,
        `one registry ${n(one.ratio.median, 3)} (concurrency 32: ${n(wide?.ratio.median, 3)}), two sharing a store ${n(shared.ratio.median, 3)}; rejections ${Math.max(one.rejections.max, wide?.rejections.max ?? 0, shared.rejections.max)}`,
        [one, wide, shared].every((r) => r?.goalMet)
          ? 'met'
          : one.goalMet || wide?.goalMet
            ? 'partly'
            : '**missed**',
      ]);
    }
  }
  if (byId.fanout) {
    const f = byId.fanout.rows.find((r) => r.variant === 'roomcast');
    rows.push([
      `3. fan-out ${f.recipients.toLocaleString('en-US')} users at 20/s: ≤ ${n((f.idealMs / 1000) * 1.02, 1)} s, each once`,
      `${n(f.wallMs.median / 1000, 3)} s (ideal ${n(f.idealMs / 1000, 1)}), accounted once: ${f.accountedOnce ? 'yes' : 'no'}, duplicates ${f.duplicateDeliveries.max}`,
      goal(f.goalMet),
    ]);
  }
  if (byId.usersig) {
    const u = byId.usersig;
    const ours = u.rows.find((r) => r.variant === 'roomcast');
    rows.push(['4. genUserSig ≥ 1.0× tls-sig-api-v2', `${n(ours.ratio.median, 2)}×`, goal(ours.goalMet)]);
    rows.push([
      '4. cached UserSig effectively free',
      `${n(u.cached.nsPerRequest, 0)} ns per request`,
      goal(u.cached.goalMet),
    ]);
  }
  if (byId.memory) {
    const m = byId.memory;
    const d = m.configs[0];
    rows.push([
      `5. memory, ${m.settings.recipients.toLocaleString('en-US')} recipients: peak RSS < 150 MB, no growth`,
      `peak ${n(d.roomcast.peakRssMB.median, 0)} MB (hand-written ${n(d.baseline.peakRssMB.median, 0)} MB); heap growth ${n(d.roomcast.heapGrowthMB.max, 1)} MB`,
      d.roomcast.heapGrowthMB.max < 1
        ? m.goalMet
          ? 'met'
          : '**missed** (peak); no growth: met'
        : '**missed**',
    ]);
  }
  if (byId.footprint) {
    const rtc = byId.footprint.installs.find((i) => i.provider === '@roomcast/zego-rtc');
    rows.push([
      '6. @roomcast/zego-rtc installs only core, zego-common, ky',
      `${rtc.dependencies.join(', ')}; ${n(rtc.installedBytes / 1024, 0)} KiB installed`,
      goal(byId.footprint.goalMet),
    ]);
  }
  return table(['goal', 'measured (medians)', 'status'], rows);
}

export function renderReport(results) {
  const env = results.environment;
  const lines = [
    `Run: \`${env.command}\` (${results.quick ? 'quick smoke run: too few rounds for conclusions' : 'full suite'}), ${env.date}, ${Math.round(results.durationMs / 1000)} s.`,
    `Node ${env.node} (V8 ${env.v8}), ${env.platform}, ${env.cpu} × ${env.cores} cores, ${env.memoryGiB} GiB; load average at start ${env.loadAverage.join(' / ')}; commit ${env.commit ?? 'unknown'} plus the working tree.`,
    'Figures are min / **median** / max over rounds.',
    '',
    glance(results.suites),
    '',
  ];
  for (const suite of results.suites) {
    if (suite.error) lines.push(`### ${suite.id}\n\nFailed: \`${suite.error}\`\n`);
    else lines.push(sections[suite.id](suite), '');
  }
  return lines.join('\n');
}
