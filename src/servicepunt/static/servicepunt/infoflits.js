// The suggestions panel arrives from two kinds of answers: a saved step (out of band) and a
// decision. They can cross on the way back, so the older one would overwrite the newer: a
// decision just clicked would seem undone. Each panel says which answers and decisions it shows
// (data-state "situation-version.decision"); a panel older in either is not swapped in, and
// when neither is newer in both, the page asks the server for the panel as it is now.
//
// A panel is always swapped by its id at the moment its answer arrives (out of band), never
// into the element that was there when the request left: a step save may have replaced that
// element in the meantime, and an answer swapped into a replaced element is lost. So the
// decision forms are sent from here, as the body's request; without JavaScript they post and
// redirect like every form.
(function () {
  "use strict";

  function state(element) {
    var parts = String((element && element.dataset.state) || "0.0").split(".");
    return [Number(parts[0]) || 0, Number(parts[1]) || 0];
  }

  function incoming(fragment) {
    if (!fragment) return null;
    if (fragment.id === "suggestions") return fragment;
    return fragment.querySelector ? fragment.querySelector("#suggestions") : null;
  }

  function guard(fragment) {
    var current = document.getElementById("suggestions");
    var panel = incoming(fragment);
    if (!current || !panel) return true;
    var now = state(current), next = state(panel);
    if (next[0] >= now[0] && next[1] >= now[1]) return true;
    if (next[0] <= now[0] && next[1] <= now[1]) return false;
    panelRequest("GET", current.dataset.refresh, {});
    return false;
  }

  function panelRequest(verb, url, values) {
    window.htmx.ajax(verb, url, { source: document.body, values: values, swap: "none", selectOOB: "suggestions" });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("#suggestions form[data-decision]")) return;
    event.preventDefault();
    var values = {};
    new FormData(form).forEach(function (value, name) { values[name] = value; });
    panelRequest("POST", form.action, values);
  });

  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    if (!guard(event.detail.fragment)) event.detail.shouldSwap = false;
  });
})();
