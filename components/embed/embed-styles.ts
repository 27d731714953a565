// The embed's whole stylesheet, inlined in its page: a few kilobytes, without the reader app's CSS. The theme
// is the one the snippet asked for (data-theme on <html>); only "auto" follows the reader's OS.
const LIGHT = `--bg:#fff;--fg:#171717;--muted:#525252;--line:#e5e5e5;--accent:#b91c1c;--pinned-bg:#fffbeb;--pinned-fg:#78350f;--key:#b45309;--focus:#1d4ed8;--ended-bg:#f5f5f5;`;
const DARK = `--bg:#0a0a0a;--fg:#f5f5f5;--muted:#a3a3a3;--line:#404040;--accent:#f87171;--pinned-bg:#171717;--pinned-fg:#fcd34d;--key:#fbbf24;--focus:#93c5fd;--ended-bg:#262626;`;

export const EMBED_STYLES = `
:root{${LIGHT}color-scheme:light}
:root[data-theme=dark]{${DARK}color-scheme:dark}
@media (prefers-color-scheme:dark){:root[data-theme=auto]{${DARK}color-scheme:dark}}
*,*::before,*::after{box-sizing:border-box}
html{height:auto}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;-webkit-font-smoothing:antialiased}
main{padding:12px}
a{color:var(--accent)}
a:focus-visible,.entry:focus-visible{outline:2px solid var(--focus);outline-offset:2px}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
[hidden]{display:none!important}
.embed-header{border-bottom:1px solid var(--line);padding-bottom:12px;margin-bottom:12px}
.status{display:flex;flex-wrap:wrap;align-items:center;gap:4px 12px;min-height:24px;margin:0 0 4px;font-size:12px}
.badge{border-radius:4px;padding:2px 8px;font-weight:700;text-transform:uppercase;letter-spacing:.05em;color:#fff;background:#525252}
.connection{display:inline-flex;align-items:center;gap:6px;color:var(--muted)}
.dot{width:8px;height:8px;border-radius:50%;background:#a3a3a3}
.connection[data-state=live] .dot{background:#dc2626}
.connection[data-state=live] [role=status]{color:var(--accent);font-weight:700;text-transform:uppercase;letter-spacing:.05em}
.connection[data-state=reconnecting] .dot{background:#f59e0b}
h1{font-size:1.5rem;line-height:1.25;font-weight:800;margin:0;overflow-wrap:anywhere}
.summary{margin:8px 0 0;color:var(--muted)}
.ended-note{margin:12px 0 0;padding:8px 12px;border-radius:6px;background:var(--ended-bg);font-size:14px}
.pinned{background:var(--pinned-bg);border-radius:8px;padding:12px;margin-bottom:16px}
.pinned h2{margin:0 0 4px;font-size:14px;font-weight:700;text-transform:uppercase;letter-spacing:.05em;color:var(--pinned-fg)}
.entry{border-left:4px solid var(--line);padding:12px 0 12px 14px}
.entry[data-pinned]{border-left-color:#dc2626}
.entry-meta,.entry-footer{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 12px;font-size:14px;color:var(--muted)}
.entry-meta{margin-bottom:6px}
.entry-footer{margin-top:8px}
.author{font-weight:500}
time{font-variant-numeric:tabular-nums}
.correction{margin:8px 0 0;border-left:4px solid #f59e0b;background:#fffbeb;color:#171717;padding:4px 8px;font-size:14px}
.label{border-radius:4px;padding:2px 6px;background:#b91c1c;color:#fff;font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.05em}
.key-event{font-size:12px;font-weight:600;text-transform:uppercase;color:var(--key)}
.headline{font-size:1.2rem;line-height:1.35;font-weight:700;margin:0 0 6px}
.entry-body{overflow-wrap:anywhere}
.entry-body>*{margin:0}
.entry-body>*+*{margin-top:.75rem}
.entry-body ul{list-style:disc;padding-left:1.5rem}
.entry-body ol{list-style:decimal;padding-left:1.5rem}
.entry-body blockquote{border-left:3px solid currentColor;padding-left:1rem;font-style:italic;opacity:.9}
.entry-body h2,.entry-body h3,.entry-body h4{font-weight:700;font-size:1.1rem}
.entry-body img{max-width:100%;height:auto;border-radius:4px}
.entry-body figcaption{font-size:14px;opacity:.75;margin-top:4px}
.entry-body iframe{width:100%;aspect-ratio:16/9;border:0;border-radius:4px}
.entry-body figure[data-embed]{border:1px solid var(--line);border-radius:4px;padding:12px}
.entry-body figure[data-embed] blockquote{border-left:0;padding-left:0;font-style:normal}
.empty{color:var(--muted)}
.read-more{margin:12px 0 0;padding-top:12px;border-top:1px solid var(--line);font-weight:600}
`;
