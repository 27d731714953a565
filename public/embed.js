/*
 * Liveline embed host script. Put it on a page next to Liveline embeds:
 *   <iframe src="https://live.example/embed/SLUG" data-liveline="SLUG" …></iframe>   (as the newsroom's snippet gives it)
 *   <div data-liveline-embed="SLUG"></div>                                          (this script puts the iframe in)
 *   <script async src="https://live.example/embed.js"></script>
 * Each embed reports its content height ({ type: "liveline:resize", slug, height }); this script sets the
 * iframe's height from it. Messages are only believed from the origin this script was loaded from, and
 * only for the frame that sent them.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src || window.__livelineEmbedHost) return;
  window.__livelineEmbedHost = true;
  var origin = new URL(script.src, window.location.href).origin;

  function measure(frame) {
    try {
      if (frame.contentWindow) frame.contentWindow.postMessage({ type: "liveline:measure" }, origin);
    } catch {
      /* the frame is not on Liveline's origin (yet): it reports on its own once loaded */
    }
  }

  function watch(frame) {
    if (frame.__livelineWatched) return;
    frame.__livelineWatched = true;
    frame.addEventListener("load", function () {
      measure(frame);
    });
    measure(frame);
  }

  function upgrade() {
    var placeholders = document.querySelectorAll("div[data-liveline-embed]");
    for (var i = 0; i < placeholders.length; i++) {
      var placeholder = placeholders[i];
      if (placeholder.querySelector("iframe[data-liveline]")) continue;
      var slug = placeholder.getAttribute("data-liveline-embed") || "";
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) continue;
      var frame = document.createElement("iframe");
      frame.src = origin + "/embed/" + slug;
      frame.setAttribute("data-liveline", slug);
      frame.title = placeholder.getAttribute("data-title") || "Live blog";
      frame.loading = "lazy";
      frame.style.cssText = "display:block;width:100%;height:600px;border:0";
      placeholder.appendChild(frame);
    }
    var frames = document.querySelectorAll("iframe[data-liveline]");
    for (var j = 0; j < frames.length; j++) watch(frames[j]);
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== "liveline:resize" || typeof data.height !== "number" || !isFinite(data.height)) return;
    var frames = document.querySelectorAll("iframe[data-liveline]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (data.slug && frame.getAttribute("data-liveline") !== data.slug) continue;
      frame.style.height = Math.max(0, Math.min(Math.ceil(data.height), 100000)) + "px";
    }
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", upgrade);
  else upgrade();
})();
