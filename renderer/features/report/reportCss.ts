// The report's stylesheet as a string, inlined into the HTML file: screen (light and dark) and A4 print.

export const reportCss = `
:root {
  --tc-bg: #ffffff;
  --tc-fg: #1d232a;
  --tc-muted: #5b6470;
  --tc-rule: #d9dde3;
  --tc-soft: #f4f6f8;
  color-scheme: light dark;
}
@media screen and (prefers-color-scheme: dark) {
  :root { --tc-bg: #15191e; --tc-fg: #e6e9ed; --tc-muted: #a2abb6; --tc-rule: #333b45; --tc-soft: #1e242b; }
}
* { box-sizing: border-box; }
html { background: var(--tc-bg); color: var(--tc-fg); }
body {
  margin: 0;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  -webkit-font-smoothing: antialiased;
}
.tc-report { max-width: 760px; margin: 0 auto; padding: 40px 40px 48px; }
.tc-sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

.tc-header { border-bottom: 2px solid var(--tc-fg); padding-bottom: 20px; margin-bottom: 8px; }
.tc-kicker { margin: 0; color: var(--tc-muted); font-size: 13px; letter-spacing: 0.04em; text-transform: uppercase; }
h1 { font-size: 30px; line-height: 1.2; margin: 6px 0 18px; }
.tc-headline { display: flex; gap: 28px; align-items: center; }
.tc-share { margin: 0; display: flex; flex-direction: column; align-items: flex-start; min-width: 150px; }
.tc-share-number { font-size: 64px; font-weight: 800; line-height: 1; letter-spacing: -0.02em; }
.tc-share-caption { color: var(--tc-muted); font-size: 14px; margin-top: 4px; }
.tc-verdict { margin: 0; font-size: 20px; line-height: 1.4; font-weight: 600; }

.tc-section { padding-top: 26px; }
h2 { font-size: 19px; margin: 0 0 6px; padding-bottom: 4px; border-bottom: 1px solid var(--tc-rule); }
.tc-lead { margin: 0 0 12px; max-width: 68ch; }
.tc-note { margin: 10px 0 0; color: var(--tc-muted); font-size: 13px; max-width: 72ch; }

.tc-chart { color: var(--tc-muted); }
.tc-chart svg { overflow: visible; }
.tc-chart .recharts-text { font-family: inherit; }
.tc-legend, .tc-tier-donut { color: var(--tc-fg); }
.tc-tier { white-space: nowrap; }
.tc-legend-detail { color: var(--tc-muted); }

.tc-tiers { display: flex; gap: 20px; align-items: center; }
.tc-tiers > .tc-chart { flex: 0 0 220px; width: 220px; }
.tc-tiers .tc-legend { display: none !important; }
.tc-tier-table { flex: 1; }

table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--tc-rule); vertical-align: top; }
thead th { font-weight: 600; color: var(--tc-muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.03em; border-bottom: 1px solid var(--tc-fg); }
tbody th { font-weight: 600; white-space: nowrap; }
.tc-num { text-align: right; font-variant-numeric: tabular-nums; }
.tc-date { white-space: nowrap; font-variant-numeric: tabular-nums; }
.tc-name { font-weight: 600; }
.tc-position { color: var(--tc-muted); }
.tc-people tbody tr:nth-child(even) { background: var(--tc-soft); }
.tc-swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: baseline; }

.tc-line-legend { margin: 4px 0 0; font-size: 13px; color: var(--tc-fg); }
.tc-line { display: inline-block; width: 22px; border-top: 2px solid; vertical-align: middle; margin: 0 6px 0 0; }
.tc-line-dashed { border-top-style: dashed; margin-left: 16px; }

.tc-footer { margin-top: 36px; padding-top: 12px; border-top: 2px solid var(--tc-fg); font-size: 13px; color: var(--tc-muted); }
.tc-footer p { margin: 0 0 10px; }
.tc-rules caption { text-align: left; font-weight: 600; color: var(--tc-fg); padding: 4px 0; }
.tc-rules th { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-weight: 500; }

@page { size: A4; margin: 15mm; }
@media print {
  :root { --tc-bg: #ffffff; --tc-fg: #000000; --tc-muted: #444c56; --tc-rule: #c8ccd2; --tc-soft: transparent; }
  html, body { background: none; }
  body { font-size: 11pt; }
  .tc-report { max-width: none; padding: 0; }
  .tc-page { break-before: page; page-break-before: always; }
  .tc-keep { break-inside: avoid; page-break-inside: avoid; }
  .tc-section { padding-top: 14px; }
  .tc-chart, figure, svg, .tc-headline, .tc-tiers { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .tc-lead { break-after: avoid; }
  tr, th, td { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .tc-people tbody tr:nth-child(even) { background: none; }
  .tc-swatch, .tc-share-number, .recharts-surface { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .tc-footer { break-inside: avoid; margin-top: 16px; }
}
`;
