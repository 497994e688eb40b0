// Live updates: poll the explorer's /api/head (the node's latest block) and
// show new blocks without a reload. Plain JavaScript, no build step.
(function () {
  "use strict";
  var heightLink = document.getElementById("live-height");
  var timeEl = document.getElementById("live-time");
  var down = document.getElementById("node-down");
  var blocks = document.getElementById("blocks");
  var overviewHeight = document.getElementById("overview-height");
  var overviewTime = document.getElementById("overview-time");
  var last = 0;

  function fmt(t) {
    var d = new Date(t);
    return isNaN(d) ? "" : d.toISOString().replace("T", " ").replace(/\..*Z$/, " UTC");
  }

  function addBlockRow(h, t) {
    if (!blocks) return;
    var tbody = blocks.tBodies[0] || blocks;
    var row = document.createElement("tr");
    row.className = "new-block";
    var a = document.createElement("a");
    a.href = "/block/" + h;
    a.textContent = String(h);
    var c1 = document.createElement("td");
    c1.appendChild(a);
    var c2 = document.createElement("td");
    c2.textContent = fmt(t);
    row.appendChild(c1);
    row.appendChild(c2);
    row.appendChild(document.createElement("td"));
    row.appendChild(document.createElement("td"));
    var header = tbody.rows[0];
    if (header && header.nextSibling) tbody.insertBefore(row, header.nextSibling);
    else tbody.appendChild(row);
    // keep the list short: the header and the 20 latest blocks
    while (tbody.rows.length > 21) tbody.deleteRow(tbody.rows.length - 1);
  }

  function poll() {
    fetch("/api/head", { cache: "no-store" })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
      .then(function (res) {
        if (!res.ok) throw new Error(res.body.error || "the node did not answer");
        down.hidden = true;
        var h = parseInt(res.body.height, 10);
        if (h > last) {
          if (last > 0) {
            for (var x = last + 1; x <= h && x <= last + 10; x++) addBlockRow(x, x === h ? res.body.time : "");
          }
          last = h;
          heightLink.textContent = String(h);
          heightLink.href = "/block/" + h;
          timeEl.textContent = fmt(res.body.time);
          if (overviewHeight) overviewHeight.textContent = String(h);
          if (overviewTime) overviewTime.textContent = fmt(res.body.time);
        }
      })
      .catch(function (e) {
        down.hidden = false;
        down.textContent = "The node is unreachable: " + e.message + " (retrying)";
      })
      .then(function () { setTimeout(poll, 1500); });
  }
  poll();
})();

// Live story: a proposal's page polls its story feed (the history query,
// rendered by the explorer) and replaces the list when a step is added or
// the status moves, marking the new steps.
(function () {
  "use strict";
  var story = document.getElementById("story");
  if (!story || !story.dataset.live) return;
  var status = document.getElementById("proposal-status");
  var note = document.getElementById("story-live");
  var count = parseInt(story.dataset.count, 10) || 0;

  function keys() {
    var seen = {};
    var items = story.querySelectorAll("li.step");
    for (var i = 0; i < items.length; i++) seen[items[i].textContent.replace(/\s+/g, " ").trim()] = true;
    return seen;
  }

  function poll() {
    fetch(story.dataset.live, { cache: "no-store" })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
      .then(function (res) {
        if (!res.ok) throw new Error(res.body.error || "the node did not answer");
        var b = res.body;
        if (b.count !== count || (status && status.textContent !== b.status)) {
          var before = keys();
          story.innerHTML = b.steps;
          var items = story.querySelectorAll("li.step");
          for (var i = 0; i < items.length; i++) {
            if (!before[items[i].textContent.replace(/\s+/g, " ").trim()]) items[i].classList.add("new-step");
          }
          count = b.count;
          story.dataset.count = String(count);
          if (status) status.textContent = b.status;
        }
        if (note) note.textContent = "Follows the chain: new steps appear here as they happen (checked " + new Date().toISOString().replace("T", " ").replace(/\..*Z$/, " UTC") + ").";
      })
      .catch(function (e) {
        if (note) note.textContent = "Live updates paused: " + e.message + " (retrying)";
      })
      .then(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 2000);
})();
