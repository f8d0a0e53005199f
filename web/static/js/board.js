// The board's drag and drop: SortableJS moves cards between stage columns;
// while dragging, only the columns the card's stage may move to light up.
// The server decides every drop: a refused one shows its reason and the
// card goes back; declining and following up open the studio.
(function () {
  "use strict";
  var board = document.querySelector("[data-board]");
  if (!board || typeof Sortable === "undefined") return;
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var status = document.getElementById("board-status");

  function columns() { return board.querySelectorAll(".column"); }

  function highlight(card) {
    var allowed = (card.getAttribute("data-allowed") || "").split(" ");
    columns().forEach(function (col) {
      var stage = col.getAttribute("data-stage");
      if (allowed.indexOf(stage) >= 0) col.classList.add("drop-ok");
      else if (stage !== card.getAttribute("data-stage")) col.classList.add("drop-no");
    });
  }

  function clear() {
    columns().forEach(function (col) { col.classList.remove("drop-ok", "drop-no"); });
  }

  function putBack(evt) {
    var ref = evt.from.children[evt.oldIndex] || null;
    evt.from.insertBefore(evt.item, ref);
  }

  function say(text) { status.textContent = text; }

  // A note the server sent with a move (the day an offer is dated) is
  // kept over the reload that follows, then shown with a link to the
  // application it is about.
  var noteKey = "tracker-board-note";
  try {
    var kept = JSON.parse(sessionStorage.getItem(noteKey) || "null");
    sessionStorage.removeItem(noteKey);
    if (kept && kept.text && kept.href) {
      say(kept.company + " moved. " + kept.text + " ");
      var link = document.createElement("a");
      link.href = kept.href;
      link.textContent = "Open " + kept.company;
      status.appendChild(link);
    }
  } catch (e) { /* no storage: the note is only lost */ }

  function drop(evt) {
    clear();
    var card = evt.item;
    var to = evt.to.getAttribute("data-stage");
    if (evt.from === evt.to) return;
    var body = new URLSearchParams({ to: to, back: "/board", _csrf: csrf });
    fetch("/applications/" + card.getAttribute("data-id") + "/move", {
      method: "POST",
      headers: { "Accept": "application/json", "X-CSRF-Token": csrf },
      body: body,
      credentials: "same-origin"
    }).then(function (res) {
      return res.json().then(function (ans) { return { ok: res.ok, ans: ans }; });
    }).then(function (r) {
      if (r.ans.redirect) { window.location.assign(r.ans.redirect); return; }
      if (!r.ok || !r.ans.ok) {
        putBack(evt);
        say("Not moved: " + (r.ans.message || "the move was refused") + ".");
        return;
      }
      if (r.ans.message) {
        try {
          sessionStorage.setItem(noteKey, JSON.stringify({ company: card.getAttribute("data-company"),
            text: r.ans.message, href: "/applications/" + card.getAttribute("data-id") }));
        } catch (e) { /* no storage */ }
      }
      say(card.getAttribute("data-company") + " moved. Updating the board…");
      window.location.reload();
    }).catch(function () {
      putBack(evt);
      say("Not moved: the server could not be reached.");
    });
  }

  board.querySelectorAll(".column-cards").forEach(function (list) {
    Sortable.create(list, {
      group: "board",
      animation: 120,
      forceFallback: true,
      filter: "details, summary, button, a.button",
      preventOnFilter: false,
      onStart: function (evt) { highlight(evt.item); },
      onEnd: drop
    });
  });
})();
