"""The inline style sheet of the HTML report: no external fonts, images or scripts; prints well."""

CSS = """
:root { --ink: #1d2433; --muted: #5b6477; --line: #d9dee8; --paper: #ffffff; --wash: #f5f7fa;
  --error: #b42318; --error-bg: #fde8e6; --warning: #8a5a00; --warning-bg: #fff3d6;
  --info: #1f5fa8; --info-bg: #e3eefb; }
* { box-sizing: border-box; }
html { background: var(--wash); }
body { margin: 0 auto; max-width: 1360px; padding: 24px 28px 48px; color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans",
  sans-serif; }
h1, h2, h3 { line-height: 1.25; margin: 0; }
h1 { font-size: 26px; }
h2 { font-size: 20px; }
h3 { font-size: 16px; display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
code, .path { font: 12.5px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono",
  monospace; }
.path { overflow-wrap: break-word; }
.pos { white-space: nowrap; }
.muted { color: var(--muted); }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
  padding: 20px 22px; margin: 0 0 22px; }
header.card { border-top: 5px solid var(--ink); }
.tool { margin: 4px 0 16px; }
.counts { display: flex; flex-wrap: wrap; gap: 12px; margin: 0 0 18px; padding: 0; }
.counts div { min-width: 120px; padding: 10px 14px; border-radius: 8px; background: var(--wash);
  border: 1px solid var(--line); }
.counts dt { font-size: 12px; text-transform: uppercase; letter-spacing: .04em;
  color: var(--muted); }
.counts dd { margin: 0; font-size: 26px; font-weight: 700; }
.counts .zero { opacity: .6; }
.counts .error { background: var(--error-bg); border-color: #f4b8b1; }
.counts .error dd { color: var(--error); }
.counts .warning { background: var(--warning-bg); border-color: #f1d488; }
.counts .warning dd { color: var(--warning); }
.counts .info { background: var(--info-bg); border-color: #b6cff0; }
.counts .info dd { color: var(--info); }
table { border-collapse: collapse; width: 100%; }
.by-rule { max-width: 760px; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line);
  vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.toc { margin: 14px 0 0; padding-left: 20px; }
.badge { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12px;
  font-weight: 700; text-transform: uppercase; letter-spacing: .04em; border: 1px solid; }
.badge.error { color: var(--error); background: var(--error-bg); }
.badge.warning { color: var(--warning); background: var(--warning-bg); }
.badge.info { color: var(--info); background: var(--info-bg); }
.kind { display: inline-block; padding: 0 7px; border-radius: 4px; font-size: 12px;
  font-weight: 600; background: var(--ink); color: #fff; }
.renderings { list-style: none; padding: 0; margin: 10px 0 0; display: flex; flex-wrap: wrap;
  gap: 6px 18px; }
.article > .meta { margin: 6px 0 0; }
.rule { margin-top: 22px; border-top: 1px solid var(--line); padding-top: 16px; }
.rule .summary { margin: 4px 0 0; color: var(--muted); }
.finding { margin: 14px 0 0; padding: 12px 14px; border-radius: 8px; background: var(--wash);
  border-left: 4px solid var(--line); break-inside: avoid; }
.finding.error { border-left-color: var(--error); }
.finding.warning { border-left-color: #d99a00; }
.finding.info { border-left-color: var(--info); }
.message { margin: 0 0 10px; font-weight: 600; }
.places { display: grid; gap: 10px; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); }
.place { margin: 0; background: var(--paper); border: 1px solid var(--line); border-radius: 6px;
  padding: 8px 10px; break-inside: avoid; }
.place figcaption { font-size: 13px; margin-bottom: 6px; display: flex; flex-direction: column;
  gap: 2px; }
.place .section { font-weight: 600; }
.place .path { font-size: 11.5px; color: var(--muted); }
.place blockquote { margin: 0; font-family: Georgia, "Times New Roman", "DejaVu Serif", serif;
  font-size: 15px; }
mark { padding: 0 2px; border-radius: 3px; font-weight: 700; color: #111; }
mark.v0 { background: #ffe066; }
mark.v1 { background: #a5d8ff; }
mark.v2 { background: #b2f2bb; }
mark.v3 { background: #fcc2d7; }
mark.absent { background: #fff; border: 1px dashed var(--error); color: var(--error);
  font: italic 600 12px/1.2 system-ui, sans-serif; padding: 1px 4px; }
.none { color: var(--muted); font-style: italic; margin: 14px 0 0; }
footer { color: var(--muted); font-size: 13px; text-align: center; }
.filters { display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: end; margin: 16px 0 0;
  padding: 12px 14px; border-radius: 8px; background: var(--wash); }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 10px; }
.filters label { min-width: 0; max-width: 100%; }
.filters legend { float: left; margin-right: 8px; }
.filters select, .filters input[type=search] { font: inherit; max-width: 100%; }
.filters output { margin-left: auto; color: var(--muted); }
.anchor { color: var(--muted); text-decoration: none; }
.page { color: var(--muted); }
[hidden] { display: none !important; }
@media (max-width: 600px) {
  body { padding: 12px 10px 32px; }
  .places { grid-template-columns: 1fr; }
  .filters { flex-direction: column; align-items: stretch; }
  .filters label:not(fieldset label) { display: flex; flex-direction: column; gap: 4px; }
  .filters select, .filters input[type=search] { width: 100%; box-sizing: border-box; }
  .filters output { margin-left: 0; }
  table.by-rule { display: block; overflow-x: auto; }
}
@media print {
  .filters { display: none; }
  html, body { background: #fff; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  .card { border: none; padding: 0; margin-bottom: 18pt; }
  .article { break-before: page; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
"""
