// Small enhancements of pages that work without them: the CSRF header on
// htmx requests, copy buttons, the offer of the browser's time zone, the
// invitation file read as soon as it is picked or dropped, and a studio
// letter the user edited kept from being rewritten behind their back.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute("content") : "";

  document.body.addEventListener("htmx:configRequest", function (e) {
    e.detail.headers["X-CSRF-Token"] = csrf;
  });

  document.addEventListener("click", function (e) {
    var btn = e.target.closest("[data-copy]");
    if (!btn) return;
    var src = document.querySelector(btn.getAttribute("data-copy"));
    if (!src) return;
    var text = "value" in src ? src.value : src.textContent;
    var done = function () {
      var label = btn.textContent;
      btn.textContent = "Copied";
      setTimeout(function () { btn.textContent = label; }, 1500);
    };
    if (navigator.clipboard) {
      navigator.clipboard.writeText(text).then(done, function () {});
    }
  });

  var zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (err) { zone = ""; }
  var offer = document.querySelector("[data-tz-offer]");
  if (offer && zone && zone !== offer.getAttribute("data-tz-current")) {
    offer.querySelector("[data-tz-name]").textContent = zone;
    offer.querySelector("[data-tz-input]").value = zone;
    offer.hidden = false;
  }
  var list = document.getElementById("tz-browser");
  if (list && zone) {
    var opt = document.createElement("option");
    opt.value = zone;
    list.appendChild(opt);
  }

  // The studio rewrites the letter when a choice changes. Once the user has
  // edited the letter, a change of choice asks first, and a letter written
  // while they were typing is not swapped over their typing.
  var edited = false;
  document.addEventListener("input", function (e) {
    if (e.target.id === "s-body" || e.target.id === "s-subject") edited = true;
  });
  document.body.addEventListener("htmx:confirm", function (e) {
    if (!edited || !e.target.matches("fieldset.choices, [data-rewrite]")) return;
    e.preventDefault();
    if (window.confirm("Write the letter again from your choices? Your edits to it will be replaced.")) {
      edited = false;
      e.detail.issueRequest(true);
    }
  });
  document.body.addEventListener("htmx:beforeSwap", function (e) {
    if (edited && e.detail.target && e.detail.target.id === "letter") e.detail.shouldSwap = false;
  });

  var drop = document.querySelector("[data-file-drop]");
  if (drop) {
    var file = drop.querySelector("input[type=file]");
    var send = function () { if (file.files.length) drop.submit(); };
    file.addEventListener("change", send);
    drop.addEventListener("dragover", function (e) { e.preventDefault(); drop.classList.add("dragging"); });
    drop.addEventListener("dragleave", function () { drop.classList.remove("dragging"); });
    drop.addEventListener("drop", function (e) {
      e.preventDefault();
      drop.classList.remove("dragging");
      if (!e.dataTransfer || !e.dataTransfer.files.length) return;
      file.files = e.dataTransfer.files;
      send();
    });
  }
})();
