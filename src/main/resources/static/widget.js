/*!
 * Throughline web-chat widget.
 *
 * Embed on any site with one tag:
 *   <script src="https://your-throughline-host/widget.js" defer></script>
 * Optional attributes on that tag:
 *   data-title="Chat with us"   panel heading
 *   data-color="#2f5d50"        accent colour (any CSS colour)
 *   data-open="true"            open the panel when the page loads
 *   data-user-email="ann@example.com"  the site's signed-in user, with
 *   data-user-hash="..."        hex HMAC-SHA256 of that exact email with the identity secret the site
 *                               shares with Throughline; computed on the site's server, never in the page
 *
 * Plain JS, no dependencies, no build step. Everything is rendered inside a Shadow DOM so the host
 * page's CSS cannot break it, and every piece of server data is inserted with textContent (never
 * innerHTML), so a message cannot inject markup.
 *
 * Talks to the public web-chat contract (see DESIGN.md):
 *   GET  {origin}/api/webchat/{visitorId}/events    Server-Sent Events, `event: message`
 *   POST {origin}/api/webchat/{visitorId}/messages  {"text","clientMessageId"} -> 202 / 200 (repeat)
 *   POST {origin}/api/webchat/{visitorId}/identity  {"email","userHash"} once on start, when both are given
 * and, to offer help articles while the visitor types (self-service before a contact):
 *   GET  {origin}/help/suggest?q=...                  {"articles":[{"title","path","section"}]}
 *   POST {origin}/api/webchat/{visitorId}/article-views  {"path"}  when the visitor opens one
 *
 * The visitor id is a random UUID kept in localStorage under `throughline.visitorId`. It is the
 * visitor's only key (a bearer secret): it only ever appears in the API paths above and is never
 * logged.
 *
 * Stable hooks for tests (inside the shadow root of <throughline-chat id="throughline-chat">):
 *   #tl-launcher, #tl-panel, #tl-messages (children .tl-msg[data-author][data-id]),
 *   .tl-citation, textarea#tl-input, button#tl-send, #tl-status, #tl-error, #tl-typing,
 *   #tl-suggestions (children a.tl-suggestion[data-path])
 */
(function () {
  "use strict";

  if (window.Throughline && window.Throughline.__widget) {
    return; // loaded twice on the same page
  }

  // ---- where we come from -------------------------------------------------------------------
  // document.currentScript is only set while this script runs for the first time, so read it now.
  var script = document.currentScript;
  if (!script) {
    var candidates = document.querySelectorAll("script[src]");
    for (var i = candidates.length - 1; i >= 0; i--) {
      if (/\/widget\.js(?:[?#].*)?$/.test(candidates[i].getAttribute("src") || "")) {
        script = candidates[i];
        break;
      }
    }
  }
  var origin;
  try {
    origin = new URL(script && script.src ? script.src : "/", window.location.href).origin;
  } catch (e) {
    origin = window.location.origin;
  }
  function attr(name) {
    return script ? script.getAttribute(name) : null;
  }

  var TITLE = (attr("data-title") || "Chat with us").slice(0, 80);
  var COLOR = attr("data-color");
  if (COLOR && !(window.CSS && CSS.supports && CSS.supports("color", COLOR))) {
    COLOR = null;
  }
  var OPEN_ON_LOAD = attr("data-open") === "true";
  var USER_EMAIL = attr("data-user-email");
  var USER_HASH = attr("data-user-hash");
  var MAX_LENGTH = 4000;

  // ---- storage and ids ----------------------------------------------------------------------
  var KEY_VISITOR = "throughline.visitorId";
  var KEY_STARTED = "throughline.started";
  var KEY_LAST_READ = "throughline.lastReadAt";
  var UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  var memoryStore = {};

  function load(key) {
    try {
      var v = window.localStorage.getItem(key);
      return v === null ? memoryStore[key] || null : v;
    } catch (e) {
      return memoryStore[key] || null; // storage blocked (privacy mode, sandboxed iframe)
    }
  }
  function save(key, value) {
    memoryStore[key] = String(value);
    try {
      window.localStorage.setItem(key, String(value));
    } catch (e) {
      /* memory only */
    }
  }

  function uuid() {
    var c = window.crypto;
    if (c && typeof c.randomUUID === "function") {
      try {
        return c.randomUUID(); // only in secure contexts (https, localhost)
      } catch (e) {
        /* fall through */
      }
    }
    var b = new Uint8Array(16);
    if (c && typeof c.getRandomValues === "function") {
      c.getRandomValues(b);
    } else {
      for (var i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
    }
    b[6] = (b[6] & 0x0f) | 0x40; // version 4
    b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
    var h = [];
    for (var j = 0; j < 16; j++) h.push((b[j] + 0x100).toString(16).slice(1));
    return (
      h.slice(0, 4).join("") + "-" + h.slice(4, 6).join("") + "-" + h.slice(6, 8).join("") + "-" +
      h.slice(8, 10).join("") + "-" + h.slice(10, 16).join("")
    );
  }

  var visitorId = load(KEY_VISITOR);
  if (!visitorId || !UUID_RE.test(visitorId)) {
    visitorId = uuid().toLowerCase();
    save(KEY_VISITOR, visitorId);
  }
  function apiBase() {
    return origin + "/api/webchat/" + encodeURIComponent(visitorId);
  }

  // ---- styles -------------------------------------------------------------------------------
  var CSS_TEXT = [
    ":host{all:initial;}",
    "*,*::before,*::after{box-sizing:border-box;}",
    ".tl-root{--tl-accent:#2f5d50;--tl-accent-text:#fff;--tl-bg:#fff;--tl-fg:#1d2327;--tl-muted:#5f6b73;",
    "  --tl-bubble:#eef1f3;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;",
    "  font-size:15px;line-height:1.4;color:var(--tl-fg);-webkit-font-smoothing:antialiased;}",
    "button,textarea{font:inherit;color:inherit;}",
    "[hidden]{display:none !important;}",
    ".tl-launcher{position:fixed;right:20px;bottom:20px;width:58px;height:58px;border-radius:50%;border:0;",
    "  background:var(--tl-accent);color:var(--tl-accent-text);cursor:pointer;display:flex;align-items:center;",
    "  justify-content:center;box-shadow:0 6px 20px rgba(0,0,0,.25);padding:0;z-index:2;}",
    ".tl-launcher:hover{filter:brightness(1.08);}",
    ".tl-launcher:focus-visible,.tl-close:focus-visible,.tl-send:focus-visible,.tl-retry:focus-visible{outline:3px solid #ffbf47;outline-offset:2px;}",
    ".tl-launcher svg{width:28px;height:28px;fill:currentColor;}",
    ".tl-badge{position:absolute;top:-2px;right:-2px;min-width:20px;height:20px;padding:0 5px;border-radius:10px;",
    "  background:#d93025;color:#fff;font-size:12px;font-weight:700;line-height:20px;text-align:center;}",
    ".tl-panel{position:fixed;right:20px;bottom:92px;width:370px;height:560px;max-height:calc(100vh - 112px);",
    "  background:var(--tl-bg);border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.28);display:flex;",
    "  flex-direction:column;overflow:hidden;z-index:1;}",
    ".tl-header{background:var(--tl-accent);color:var(--tl-accent-text);padding:12px 12px 12px 16px;display:flex;",
    "  align-items:center;gap:8px;flex:none;}",
    ".tl-title{font-size:16px;font-weight:600;margin:0;flex:1;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;}",
    ".tl-close{background:transparent;border:0;color:inherit;width:36px;height:36px;border-radius:8px;cursor:pointer;",
    "  font-size:22px;line-height:1;padding:0;}",
    ".tl-close:hover{background:rgba(255,255,255,.15);}",
    ".tl-status{font-size:12px;padding:4px 16px;background:#fff4ce;color:#5c4300;flex:none;}",
    ".tl-messages{flex:1;overflow-y:auto;padding:14px 12px;display:flex;flex-direction:column;gap:10px;",
    "  overscroll-behavior:contain;background:#fafbfc;}",
    ".tl-empty{color:var(--tl-muted);font-size:14px;text-align:center;margin:auto 12px;}",
    ".tl-msg{position:relative;max-width:85%;display:flex;flex-direction:column;gap:3px;}",
    ".tl-msg[data-author=customer]{align-self:flex-end;align-items:flex-end;}",
    ".tl-msg[data-author=bot],.tl-msg[data-author=agent]{align-self:flex-start;align-items:flex-start;}",
    ".tl-msg[data-author=system]{align-self:center;align-items:center;max-width:95%;}",
    ".tl-label{font-size:12px;font-weight:600;color:var(--tl-muted);padding:0 4px;}",
    ".tl-bubble{padding:9px 12px;border-radius:16px;white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word;}",
    ".tl-msg[data-author=customer] .tl-bubble{background:var(--tl-accent);color:var(--tl-accent-text);border-bottom-right-radius:4px;}",
    ".tl-msg[data-author=bot] .tl-bubble,.tl-msg[data-author=agent] .tl-bubble{background:var(--tl-bubble);border-bottom-left-radius:4px;}",
    ".tl-msg[data-author=agent] .tl-bubble{box-shadow:inset 3px 0 0 var(--tl-accent);}",
    ".tl-msg[data-author=system] .tl-bubble{background:transparent;color:var(--tl-muted);font-size:13px;font-style:italic;text-align:center;padding:2px 8px;}",
    ".tl-citations{display:flex;flex-direction:column;gap:2px;padding:0 4px;}",
    ".tl-citation{font-size:12px;color:var(--tl-muted);overflow-wrap:anywhere;}",
    ".tl-citation a{color:var(--tl-accent);text-decoration:underline;}",
    ".tl-meta{font-size:11px;color:var(--tl-muted);padding:0 4px;display:flex;gap:6px;align-items:center;}",
    ".tl-msg.tl-pending .tl-bubble{opacity:.7;}",
    ".tl-msg.tl-failed .tl-bubble{background:#fbe9e7;color:#7f1d1d;}",
    ".tl-retry{background:none;border:0;padding:0;color:#b3261e;text-decoration:underline;cursor:pointer;font-size:11px;}",
    ".tl-typing{align-self:flex-start;background:var(--tl-bubble);border-radius:16px;padding:10px 14px;display:flex;gap:4px;}",
    ".tl-typing span{width:7px;height:7px;border-radius:50%;background:var(--tl-muted);animation:tl-blink 1.2s infinite ease-in-out;}",
    ".tl-typing span:nth-child(2){animation-delay:.2s;}.tl-typing span:nth-child(3){animation-delay:.4s;}",
    "@keyframes tl-blink{0%,80%,100%{opacity:.25;}40%{opacity:1;}}",
    "@media (prefers-reduced-motion:reduce){.tl-typing span{animation:none;opacity:.6;}}",
    ".tl-error{font-size:13px;color:#b3261e;background:#fdecea;padding:6px 12px;flex:none;}",
    ".tl-form{display:flex;gap:8px;align-items:flex-end;padding:10px;border-top:1px solid #e3e6e8;background:var(--tl-bg);flex:none;}",
    ".tl-input{flex:1;resize:none;min-height:40px;max-height:120px;border:1px solid #c9cfd3;border-radius:10px;padding:9px 10px;",
    "  background:#fff;color:var(--tl-fg);font-size:15px;line-height:1.35;}",
    ".tl-input:focus{outline:2px solid var(--tl-accent);outline-offset:0;border-color:transparent;}",
    ".tl-send{flex:none;height:40px;padding:0 14px;border:0;border-radius:10px;background:var(--tl-accent);",
    "  color:var(--tl-accent-text);font-weight:600;cursor:pointer;}",
    ".tl-send:disabled{opacity:.5;cursor:default;}",
    ".tl-suggestions{flex:none;padding:6px 12px 8px;border-top:1px solid #e3e6e8;background:var(--tl-bg);}",
    ".tl-suggestions-title{font-size:12px;color:var(--tl-muted);margin:0 0 4px;}",
    ".tl-suggestion{display:block;font-size:13px;color:var(--tl-accent);text-decoration:underline;padding:2px 0;overflow-wrap:anywhere;}",
    ".tl-counter{font-size:11px;color:var(--tl-muted);text-align:right;padding:0 12px 6px;flex:none;}",
    ".tl-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;}",
    "@media (max-width:480px){",
    "  .tl-panel{right:0;bottom:0;left:0;top:0;width:auto;height:auto;max-height:none;border-radius:0;}",
    "  .tl-root.tl-is-open .tl-launcher{display:none;}",
    "  .tl-input{font-size:16px;}", // 16px stops iOS zooming into the field
    "}"
  ].join("\n");

  var ICON_CHAT =
    '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 ' +
    '2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';
  var ICON_CLOSE =
    '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 ' +
    '12 13.4 17.6 19 19 17.6 13.4 12 19 6.4 17.6 5 12 10.6z"/></svg>';

  // ---- DOM ------------------------------------------------------------------------------------
  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      for (var k in props) {
        if (!Object.prototype.hasOwnProperty.call(props, k)) continue;
        var v = props[k];
        if (v === null || v === undefined || v === false) continue;
        if (k === "text") node.textContent = v;
        else if (k === "className") node.className = v;
        else if (k === "hidden") node.hidden = !!v;
        else node.setAttribute(k, v === true ? "" : v);
      }
    }
    if (children) {
      for (var i = 0; i < children.length; i++) if (children[i]) node.appendChild(children[i]);
    }
    return node;
  }

  var host, root, ui = {};

  function build() {
    host = document.createElement("throughline-chat");
    host.id = "throughline-chat";
    // Inline !important wins over anything the host page's stylesheets say about our host element.
    host.style.cssText =
      "all:initial !important;display:block !important;position:fixed !important;right:0 !important;" +
      "bottom:0 !important;width:0 !important;height:0 !important;overflow:visible !important;" +
      "z-index:2147483000 !important;";
    var shadow = host.attachShadow({ mode: "open" });
    // A constructed stylesheet is not an inline <style>, so host pages with a strict Content-Security-Policy
    // (no 'unsafe-inline' for styles) still style the widget; older browsers get the <style> element.
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS_TEXT);
      shadow.adoptedStyleSheets = [sheet];
    } catch (e) {
      shadow.appendChild(el("style", { text: CSS_TEXT }));
    }

    root = el("div", { className: "tl-root" });
    if (COLOR) root.style.setProperty("--tl-accent", COLOR);

    ui.launcher = el("button", {
      id: "tl-launcher", className: "tl-launcher", type: "button",
      "aria-label": "Open chat", "aria-expanded": "false", "aria-controls": "tl-panel"
    });
    ui.launcherIcon = el("span", { "aria-hidden": "true" });
    ui.launcherIcon.innerHTML = ICON_CHAT; // static markup from this file, never server data
    ui.badge = el("span", { className: "tl-badge", hidden: true, "aria-hidden": "true" });
    ui.launcher.appendChild(ui.launcherIcon);
    ui.launcher.appendChild(ui.badge);

    ui.title = el("h2", { id: "tl-title", className: "tl-title", text: TITLE });
    ui.close = el("button", { id: "tl-close", className: "tl-close", type: "button", "aria-label": "Close chat", text: "\u00d7" });
    ui.status = el("div", { id: "tl-status", className: "tl-status", role: "status", hidden: true });
    ui.messages = el("div", {
      id: "tl-messages", className: "tl-messages", role: "log", "aria-live": "polite",
      "aria-relevant": "additions", "aria-label": "Conversation", tabindex: "0"
    });
    ui.empty = el("p", { className: "tl-empty", text: "Ask us anything \u2014 we usually answer right away." });
    ui.typing = el("div", { id: "tl-typing", className: "tl-typing", hidden: true, role: "status", "aria-label": "Replying\u2026" },
      [el("span"), el("span"), el("span")]);
    ui.error = el("div", { id: "tl-error", className: "tl-error", role: "alert", hidden: true });
    ui.input = el("textarea", {
      id: "tl-input", className: "tl-input", rows: "1", maxlength: String(MAX_LENGTH),
      placeholder: "Type your message\u2026", "aria-label": "Message", autocomplete: "off"
    });
    ui.send = el("button", { id: "tl-send", className: "tl-send", type: "submit", "aria-label": "Send message", text: "Send" });
    ui.counter = el("div", { id: "tl-counter", className: "tl-counter", hidden: true, "aria-live": "polite" });
    ui.form = el("form", { id: "tl-form", className: "tl-form", novalidate: true }, [ui.input, ui.send]);
    ui.suggestionList = el("div", { className: "tl-suggestion-list" });
    ui.suggestions = el("nav", { id: "tl-suggestions", className: "tl-suggestions", hidden: true, "aria-label": "Help articles" },
      [el("p", { className: "tl-suggestions-title", text: "Articles that may help:" }), ui.suggestionList]);

    ui.panel = el("div", {
      id: "tl-panel", className: "tl-panel", role: "dialog", "aria-modal": "false",
      "aria-labelledby": "tl-title", hidden: true
    }, [
      el("div", { className: "tl-header" }, [ui.title, ui.close]),
      ui.status,
      ui.messages,
      ui.error,
      ui.counter,
      ui.suggestions,
      ui.form
    ]);
    ui.messages.appendChild(ui.empty);
    ui.messages.appendChild(ui.typing);

    root.appendChild(ui.panel);
    root.appendChild(ui.launcher);
    shadow.appendChild(root);
    document.body.appendChild(host);

    ui.launcher.addEventListener("click", function () {
      if (isOpen) close(true); else open(true);
    });
    ui.close.addEventListener("click", function () { close(true); });
    ui.panel.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { e.preventDefault(); close(true); }
    });
    ui.form.addEventListener("submit", function (e) {
      e.preventDefault();
      submit();
    });
    ui.input.addEventListener("keydown", function (e) {
      // Enter sends, Shift+Enter is a new line; never send in the middle of an IME composition.
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
        e.preventDefault();
        submit();
      }
    });
    ui.input.addEventListener("input", function () {
      autosize();
      updateCounter();
      if (!ui.error.hidden) showError(null);
      suggestSoon();
    });
    // Keep the page behind from scrolling when the list reaches its end (handled by overscroll-behavior),
    // and remember whether the visitor scrolled up so we do not yank them back down.
    ui.messages.addEventListener("scroll", function () {
      var m = ui.messages;
      stickToBottom = m.scrollHeight - m.scrollTop - m.clientHeight < 40;
    });
    updateCounter();
  }

  function autosize() {
    ui.input.style.height = "auto";
    ui.input.style.height = Math.min(ui.input.scrollHeight + 2, 120) + "px";
  }

  function updateCounter() {
    var n = ui.input.value.length;
    if (n > MAX_LENGTH - 500) {
      ui.counter.hidden = false;
      ui.counter.textContent = n + " / " + MAX_LENGTH;
    } else {
      ui.counter.hidden = true;
    }
  }

  function showError(text) {
    if (text) {
      ui.error.textContent = text;
      ui.error.hidden = false;
    } else {
      ui.error.textContent = "";
      ui.error.hidden = true;
    }
  }

  var statusTimer = null;
  function showStatus(text) {
    clearTimeout(statusTimer);
    if (text) {
      // Brief blips (a reconnect that succeeds at once) should not flash a banner.
      statusTimer = setTimeout(function () {
        ui.status.textContent = text;
        ui.status.hidden = false;
      }, 1200);
    } else {
      ui.status.hidden = true;
      ui.status.textContent = "";
    }
  }

  // ---- open / close ---------------------------------------------------------------------------
  var isOpen = false;
  var openWhenReady = null; // open()/close() called before the page body existed
  function open(userAction) {
    if (!root) { openWhenReady = true; return; }
    connect();
    isOpen = true;
    ui.panel.hidden = false;
    root.classList.add("tl-is-open");
    ui.launcher.setAttribute("aria-expanded", "true");
    ui.launcher.setAttribute("aria-label", "Close chat");
    ui.launcherIcon.innerHTML = ICON_CLOSE;
    markRead();
    scrollToBottom(true);
    if (userAction !== false) {
      // Only move focus when the visitor asked for the panel; an auto-open must not steal focus.
      setTimeout(function () { ui.input.focus(); }, 0);
    }
  }
  function close(userAction) {
    if (!root) { openWhenReady = false; return; }
    isOpen = false;
    ui.panel.hidden = true;
    root.classList.remove("tl-is-open");
    ui.launcher.setAttribute("aria-expanded", "false");
    ui.launcher.setAttribute("aria-label", "Open chat");
    ui.launcherIcon.innerHTML = ICON_CHAT;
    if (userAction) ui.launcher.focus();
  }

  // ---- unread badge ---------------------------------------------------------------------------
  var unread = 0;
  var lastReadAt = Number(load(KEY_LAST_READ)) || 0;
  var newestAt = 0;
  function markRead() {
    unread = 0;
    ui.badge.hidden = true;
    if (newestAt > lastReadAt) {
      lastReadAt = newestAt;
      save(KEY_LAST_READ, String(lastReadAt));
    }
  }
  function countUnread(author, atMs) {
    if (atMs > newestAt) newestAt = atMs;
    if (isOpen) {
      markRead();
      return;
    }
    if (author === "customer" || (atMs && atMs <= lastReadAt)) return;
    unread++;
    ui.badge.textContent = unread > 9 ? "9+" : String(unread);
    ui.badge.hidden = false;
    ui.launcher.setAttribute("aria-label", "Open chat (" + unread + " new)");
  }

  // ---- rendering ------------------------------------------------------------------------------
  var seen = {}; // message id -> true; a replay after a reconnect must not duplicate bubbles
  var stickToBottom = true;
  var LABELS = { bot: "Bot", agent: "Agent", system: null, customer: null };

  function scrollToBottom(force) {
    if (force || stickToBottom) {
      ui.messages.scrollTop = ui.messages.scrollHeight;
      stickToBottom = true;
    }
  }

  function formatTime(at) {
    if (!at) return null;
    var d = new Date(at);
    if (isNaN(d.getTime())) return null;
    try {
      return d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    } catch (e) {
      return d.toISOString().slice(11, 16);
    }
  }

  function isHttpUrl(s) {
    return typeof s === "string" && /^https?:\/\//i.test(s);
  }

  function renderCitations(citations) {
    if (!Array.isArray(citations) || citations.length === 0) return null;
    var box = el("div", { className: "tl-citations" });
    for (var i = 0; i < citations.length; i++) {
      var c = citations[i] || {};
      var source = typeof c.source === "string" ? c.source : "";
      var title = typeof c.title === "string" && c.title.trim() ? c.title.trim() : source || "source";
      var line = el("div", { className: "tl-citation", "data-source": source || null });
      line.appendChild(document.createTextNode("Source: "));
      if (isHttpUrl(source)) {
        line.appendChild(el("a", {
          href: source, target: "_blank", rel: "noopener noreferrer nofollow", title: source, text: title
        }));
      } else {
        line.appendChild(el("span", { title: source || null, text: title }));
      }
      box.appendChild(line);
    }
    return box;
  }

  function buildMessage(m) {
    var author = LABELS.hasOwnProperty(m.author) ? m.author : "system";
    var node = el("div", {
      className: "tl-msg tl-msg-" + author,
      "data-author": author,
      "data-id": m.id != null ? String(m.id) : ""
    });
    if (LABELS[author]) node.appendChild(el("div", { className: "tl-label", text: LABELS[author] }));
    else if (author === "customer") node.appendChild(el("div", { className: "tl-label tl-sr", text: "You" }));
    // .tl-text holds exactly the message text (tests read it); textContent only, never innerHTML.
    node.appendChild(el("div", { className: "tl-bubble tl-text", text: typeof m.text === "string" ? m.text : "" }));
    if (author !== "customer") {
      var cites = renderCitations(m.citations);
      if (cites) node.appendChild(cites);
    }
    var meta = el("div", { className: "tl-meta" });
    var time = formatTime(m.at);
    if (time) meta.appendChild(el("time", { className: "tl-time", datetime: String(m.at), text: time }));
    node.appendChild(meta);
    return node;
  }

  function append(node) {
    ui.empty.hidden = true;
    ui.messages.insertBefore(node, ui.typing); // the typing indicator always stays last
  }

  function onServerMessage(m) {
    if (!m || m.id == null) return;
    var id = String(m.id);
    if (seen[id]) return;
    seen[id] = true;
    var atMs = Date.parse(m.at) || 0;

    if (m.author === "customer") {
      // Our own message coming back: adopt the optimistic bubble instead of drawing a second one.
      var pending = findPendingByText(typeof m.text === "string" ? m.text : "", atMs);
      if (pending) {
        adopt(pending, id, m);
        countUnread("customer", atMs);
        return;
      }
    } else {
      hideTyping();
    }
    append(buildMessage(m));
    countUnread(m.author, atMs);
    scrollToBottom(m.author === "customer");
  }

  function adopt(item, id, m) {
    item.node.setAttribute("data-id", id);
    item.id = id;
    item.node.classList.remove("tl-pending", "tl-failed");
    setMeta(item, m && m.at ? formatTime(m.at) : formatTime(new Date().toISOString()), m && m.at);
  }

  function setMeta(item, text, datetime, retryable) {
    var meta = item.node.querySelector(".tl-meta");
    meta.textContent = "";
    if (text) {
      meta.appendChild(el(datetime ? "time" : "span", {
        className: datetime ? "tl-time" : "tl-state", datetime: datetime ? String(datetime) : null, text: text
      }));
    }
    if (retryable) {
      var b = el("button", { className: "tl-retry", type: "button", text: "Retry" });
      b.addEventListener("click", function () {
        item.node.classList.remove("tl-failed");
        item.node.classList.add("tl-pending");
        setMeta(item, "Sending\u2026");
        item.attempts = 0;
        queue.push(item);
        pump();
      });
      meta.appendChild(b);
    }
  }

  // ---- typing indicator -----------------------------------------------------------------------
  var typingTimer = null;
  function showTyping() {
    clearTimeout(typingTimer);
    ui.typing.hidden = false;
    scrollToBottom(true);
    typingTimer = setTimeout(hideTyping, 30000);
  }
  function hideTyping() {
    clearTimeout(typingTimer);
    ui.typing.hidden = true;
  }

  // ---- receiving: Server-Sent Events ----------------------------------------------------------
  var source = null;
  var reconnectTimer = null;
  var reconnectDelay = 1000;

  function connect() {
    if (source || reconnectTimer || typeof window.EventSource !== "function") return;
    save(KEY_STARTED, "1");
    var es = new EventSource(apiBase() + "/events");
    source = es;
    es.onopen = function () {
      reconnectDelay = 1000;
      showStatus(null);
    };
    // Every event is `event: message`, which EventSource delivers as a plain "message" event.
    es.onmessage = function (e) {
      var data;
      try {
        data = JSON.parse(e.data);
      } catch (err) {
        return; // not ours to render
      }
      onServerMessage(data);
    };
    es.onerror = function () {
      if (es.readyState === EventSource.CLOSED) {
        // The browser gave up (an HTTP error, or a non-event-stream answer): reconnect ourselves.
        // A new connection replays the open conversation; `seen` drops what we already show.
        es.close();
        if (source === es) source = null;
        showStatus("Reconnecting\u2026");
        reconnectTimer = setTimeout(function () {
          reconnectTimer = null;
          connect();
        }, reconnectDelay);
        reconnectDelay = Math.min(reconnectDelay * 2, 30000);
      } else {
        // CONNECTING: the browser reconnects by itself and sends Last-Event-ID.
        showStatus("Reconnecting\u2026");
      }
    };
  }

  // ---- sending --------------------------------------------------------------------------------
  var queue = []; // sent one at a time, so messages arrive in the order they were typed
  var busy = false;
  var pendingItems = [];

  // An older message with the same words (replayed history) must not be mistaken for the new one:
  // only adopt stream messages stamped around or after the moment the bubble was drawn (allowing for clock skew).
  function findPendingByText(text, atMs) {
    for (var i = 0; i < pendingItems.length; i++) {
      var p = pendingItems[i];
      if (!p.id && p.text === text && (!atMs || atMs >= p.createdAt - 300000)) return p;
    }
    return null;
  }
  function forget(item) {
    var i = pendingItems.indexOf(item);
    if (i >= 0) pendingItems.splice(i, 1);
  }

  // ---- help articles while the visitor types ---------------------------------------------------
  // The visitor may find the answer before writing; opening an article is recorded so the business can count
  // self-service (a view not followed by a contact).
  var SUGGEST_MIN_CHARS = 12;
  var suggestTimer = null;
  var suggestSeq = 0;

  function suggestSoon() {
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(suggest, 400);
  }

  function suggest() {
    var q = ui.input.value.replace(/^\s+|\s+$/g, "");
    var seq = ++suggestSeq;
    if (q.length < SUGGEST_MIN_CHARS) {
      showSuggestions([]);
      return;
    }
    fetch(origin + "/help/suggest?q=" + encodeURIComponent(q.slice(0, 300)), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { articles: [] }; })
      .then(function (body) {
        if (seq === suggestSeq) showSuggestions(body && body.articles ? body.articles : []);
      })
      .catch(function () { /* suggestions are a nicety: the chat works without them */ });
  }

  function showSuggestions(articles) {
    while (ui.suggestionList.firstChild) ui.suggestionList.removeChild(ui.suggestionList.firstChild);
    var shown = 0;
    for (var i = 0; i < articles.length && shown < 3; i++) {
      var path = String(articles[i].path || "");
      var url;
      try {
        url = new URL("/help/" + path.split("/").map(encodeURIComponent).join("/"), origin);
      } catch (e) {
        continue;
      }
      if (url.origin !== origin || /^[a-z]+:/i.test(path)) continue; // only our own help centre's articles
      var link = el("a", {
        className: "tl-suggestion", href: url.href, target: "_blank", rel: "noopener",
        "data-path": path, text: String(articles[i].title || path)
      });
      link.addEventListener("click", recordView.bind(null, path));
      ui.suggestionList.appendChild(link);
      shown++;
    }
    ui.suggestions.hidden = shown === 0;
  }

  function recordView(path) {
    fetch(apiBase() + "/article-views", {
      method: "POST", keepalive: true, headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ path: path })
    }).catch(function () { /* best effort */ });
  }

  function submit() {
    var raw = ui.input.value;
    var text = raw.replace(/^\s+|\s+$/g, "");
    if (!text) return;
    if (text.length > MAX_LENGTH) {
      showError("Your message is too long: please keep it under " + MAX_LENGTH + " characters.");
      return;
    }
    showError(null);
    suggestSeq++;
    clearTimeout(suggestTimer);
    showSuggestions([]);
    connect(); // so the answer has somewhere to arrive
    var item = { text: text, clientMessageId: uuid(), attempts: 0, id: null, createdAt: Date.now() };
    item.node = buildMessage({ id: null, author: "customer", text: text });
    item.node.classList.add("tl-pending");
    item.node.setAttribute("data-client-message-id", item.clientMessageId);
    setMeta(item, "Sending\u2026");
    pendingItems.push(item);
    append(item.node);
    scrollToBottom(true);
    ui.input.value = "";
    autosize();
    updateCounter();
    ui.input.focus();
    queue.push(item);
    pump();
  }

  function sleep(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  function pump() {
    if (busy || queue.length === 0) return;
    busy = true;
    var item = queue.shift();
    post(item).then(function () {
      busy = false;
      pump();
    });
  }

  var RETRY_DELAYS = [1000, 2000, 4000, 8000, 15000];

  // Posts one message, retrying with the SAME clientMessageId while the failure is the network's or the
  // server's (the server dedupes: 202 the first time, 200 on a repeat). Never rejects.
  function post(item) {
    return fetch(apiBase() + "/messages", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: item.text, clientMessageId: item.clientMessageId }),
      credentials: "omit",
      mode: "cors",
      cache: "no-store"
    }).then(function (res) {
      return res.text().then(function (body) {
        var json = null;
        try { json = body ? JSON.parse(body) : null; } catch (e) { json = null; }
        return { status: res.status, ok: res.ok, json: json };
      });
    }).then(function (r) {
      if (r.ok) {
        accepted(item, r.json && r.json.messageId != null ? String(r.json.messageId) : null);
        return;
      }
      if (r.status >= 500 || r.status === 408 || r.status === 429) {
        return retry(item, "The chat is busy right now.");
      }
      rejected(item, (r.json && typeof r.json.error === "string" && r.json.error) ||
        "Your message could not be sent (HTTP " + r.status + ").");
    }, function () {
      return retry(item, "You seem to be offline.");
    });
  }

  function retry(item, why) {
    if (item.id) {
      accepted(item, item.id); // the stream already showed it arrived: only the answer got lost
      return;
    }
    if (item.attempts >= RETRY_DELAYS.length) {
      item.node.classList.remove("tl-pending");
      item.node.classList.add("tl-failed");
      setMeta(item, "Not sent.", null, true);
      showError(why + " Your message was not sent; press Retry to try again.");
      return;
    }
    var delay = RETRY_DELAYS[item.attempts++];
    setMeta(item, "Sending\u2026 (retrying)");
    return Promise.race([sleep(delay), onlineAgain()]).then(function () { return post(item); });
  }

  function onlineAgain() {
    return new Promise(function (resolve) {
      window.addEventListener("online", function h() {
        window.removeEventListener("online", h);
        resolve();
      });
    });
  }

  function accepted(item, messageId) {
    showError(null);
    item.node.classList.remove("tl-pending", "tl-failed");
    if (!item.id) {
      if (messageId && !seen[messageId]) {
        // The stream has not delivered it yet: it will be recognised by id when it does.
        seen[messageId] = true;
        item.node.setAttribute("data-id", messageId);
        item.id = messageId;
        forget(item);
      }
      // else: another bubble with the same text adopted this id first; this one adopts the next.
      setMeta(item, formatTime(new Date().toISOString()), new Date().toISOString());
    } else {
      forget(item);
    }
    showTyping();
  }

  function rejected(item, message) {
    forget(item);
    if (item.node.parentNode) item.node.parentNode.removeChild(item.node);
    if (!ui.messages.querySelector(".tl-msg")) ui.empty.hidden = false;
    if (!ui.input.value) {
      ui.input.value = item.text; // give the text back so the visitor can fix it
      autosize();
      updateCounter();
    }
    showError(message);
  }

  // ---- public API -----------------------------------------------------------------------------
  window.Throughline = {
    __widget: true,
    open: function () { open(false); },
    close: function () { close(false); },
    // visitorId() exists for the demo page's test hooks only (e.g. to look the visitor up with
    // GET /api/customers?identity=visitor:{id}). It is a bearer secret: do not send it anywhere else.
    visitorId: function () { return visitorId; }
  };

  // The site vouches for its signed-in user: the visitor and that email become one customer, so the
  // conversation continues by email and anywhere else they are known. Without it the chat works as before.
  function identify() {
    if (!USER_EMAIL || !USER_HASH || typeof window.fetch !== "function") return;
    fetch(apiBase() + "/identity", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: USER_EMAIL, userHash: USER_HASH }),
      credentials: "omit",
      mode: "cors",
      cache: "no-store"
    }).catch(function () { /* offline or refused: the chat works without it */ });
  }

  function start() {
    if (root) return;
    build();
    identify();
    window.addEventListener("online", function () {
      if (!source && reconnectTimer) {
        clearTimeout(reconnectTimer);
        reconnectTimer = null;
        connect();
      }
    });
    if (openWhenReady === true || (OPEN_ON_LOAD && openWhenReady !== false)) {
      open(false);
    } else if (load(KEY_STARTED)) {
      connect(); // a returning visitor: show replies that came while they were away as a badge
    }
  }

  if (document.body) {
    start();
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
