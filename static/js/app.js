// Small behaviours that htmx attributes do not cover. No inline scripts: the CSP forbids them.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-print]");
  if (button) {
    event.preventDefault();
    window.print();
  }
});

// "Another agreement": a formset row more, from the form's own <template>, without a round trip.
// The button stays hidden without JavaScript; a draft then brings fresh rows.
const addRowButtons = () => document.querySelectorAll("[data-add-row]");

function updateAddRow(button) {
  const prefix = button.dataset.addRow;
  const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
  const max = document.getElementById(`id_${prefix}-MAX_NUM_FORMS`);
  button.hidden = Number(total.value) >= Number(max.value);
}

document.addEventListener("DOMContentLoaded", () => addRowButtons().forEach(updateAddRow));

document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-add-row]");
  if (!button) return;
  const prefix = button.dataset.addRow;
  const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
  const index = Number(total.value);
  const template = document.getElementById(button.dataset.template);
  const html = template.innerHTML
    .replaceAll("__prefix__", String(index))
    .replaceAll("__number__", String(index + 1));
  const rows = document.getElementById(button.dataset.rows);
  rows.insertAdjacentHTML("beforeend", html);
  total.value = String(index + 1);
  updateAddRow(button);
  rows.lastElementChild.querySelector("input, select")?.focus();
});

// A form with data-confirm asks before it is sent: for removing what cannot come back.
document.addEventListener("submit", (event) => {
  const message = event.target.dataset?.confirm;
  if (message && !window.confirm(message)) event.preventDefault();
});

// The session form loses nothing typed. Every keystroke is copied to this tab's storage, so a
// reload puts it back at once; leaving the page or the tab sends what the last autosave did
// not have yet to the server (sendBeacon), so reopening the form later brings it back too.
// The final save clears the copy.
const NOT_KEPT = new Set(["csrfmiddlewaretoken", "session_id", "revision", "form_key"]);

function draftCopy(form) {
  const fields = [];
  for (const [name, value] of new FormData(form)) {
    if (!NOT_KEPT.has(name) && typeof value === "string") fields.push([name, value]);
  }
  return { revision: form.querySelector("#revision")?.value || "", fields };
}

function keepCopy(form) {
  try {
    sessionStorage.setItem(form.dataset.draftKey, JSON.stringify(draftCopy(form)));
  } catch {
    // Storage full or switched off: the autosave still keeps the draft on the server.
  }
}

function restoreCopy(form) {
  let copy;
  try {
    copy = JSON.parse(sessionStorage.getItem(form.dataset.draftKey) || "null");
  } catch {
    copy = null;
  }
  const revision = form.querySelector("#revision")?.value || "";
  // Only a copy at least as new as what the server gave this page.
  if (!copy || (copy.revision && copy.revision !== revision)) return false;
  const values = new Map();
  for (const [name, value] of copy.fields) values.set(name, [...(values.get(name) || []), value]);
  const total = form.querySelector("[id$='-TOTAL_FORMS']");
  const wanted = Number((values.get(total?.name) || [])[0] || 0);
  const addRow = form.querySelector("[data-add-row]");
  while (total && addRow && Number(total.value) < wanted && !addRow.hidden) addRow.click();
  let changed = false;
  for (const element of form.elements) {
    if (!element.name || NOT_KEPT.has(element.name) || element.type === "hidden") continue;
    const kept = values.get(element.name) || [];
    if (element.type === "checkbox" || element.type === "radio") {
      const checked = kept.includes(element.value);
      changed ||= checked !== element.checked;
      element.checked = checked;
    } else if (element.type !== "submit" && element.type !== "button") {
      const value = kept[0] ?? "";
      changed ||= value !== element.value;
      element.value = value;
    }
  }
  return changed;
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form[data-draft-key]").forEach((form) => {
    let dirty = restoreCopy(form);
    let submitted = false;
    if (dirty && window.htmx) window.htmx.trigger(form, "change");
    const typed = () => {
      dirty = true;
      keepCopy(form);
    };
    form.addEventListener("input", typed);
    form.addEventListener("change", typed);
    form.addEventListener("htmx:afterRequest", (event) => {
      if (event.detail.elt === form && event.detail.successful) {
        dirty = false;
        keepCopy(form); // the copy now carries the revision the server answered with
      }
    });
    form.addEventListener("submit", () => {
      submitted = true;
      sessionStorage.removeItem(form.dataset.draftKey);
    });
    const leave = () => {
      if (!dirty || submitted || !navigator.sendBeacon) return;
      dirty = !navigator.sendBeacon(form.dataset.autosave, new FormData(form));
    };
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") leave();
    });
    window.addEventListener("pagehide", leave);
  });
});

// A session protocol gives the form its words: the labels change as one picks, and a
// protocol's usual length and kind of work fill in what is still at its default.
function applyProtocol(fieldset, fillIn) {
  const form = fieldset.form || fieldset.closest("form");
  const picked = form.querySelector('input[name="protocol"]:checked');
  const texts = JSON.parse(document.getElementById(fieldset.dataset.protocols).textContent);
  const words = picked && texts[picked.value];
  if (!words) return;
  for (const name of ["tried", "learned", "focus"]) {
    const label = form.querySelector(`label[for="id_${name}"]`);
    if (label && words[name]) label.textContent = words[name];
  }
  const focus = form.querySelector('[data-protocol-part="focus"]');
  const focusInput = form.querySelector("#id_focus");
  if (focus) focus.hidden = !words.focus && !(focusInput && focusInput.value);
  const legend = form.querySelector('[data-protocol-part="agreements"]');
  if (legend) legend.textContent = words.agreements;
  if (!fillIn) return;
  const minutes = form.querySelector("#id_duration_minutes");
  if (minutes && words.minutes && !minutes.value) minutes.value = words.minutes;
  const kind = form.querySelector("#id_work_kind");
  if (kind && words.work_kind) kind.value = words.work_kind;
}

document.addEventListener("change", (event) => {
  const fieldset = event.target.closest("fieldset[data-protocols]");
  if (fieldset && event.target.name === "protocol") applyProtocol(fieldset, true);
});
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("fieldset[data-protocols]").forEach((f) => applyProtocol(f, false));
});

// Taking a person to the exact place that needs them: the part named by the address
// (#plan-borging from a dashboard signal) or by a refused move is opened, marked and focused.
function openPart(id) {
  const part = id && document.getElementById(id);
  if (!part) return;
  for (let el = part; el; el = el.parentElement) {
    if (el.tagName === "DETAILS") el.open = true;
  }
  part.classList.add("needs-attention");
  const field = part.matches("input, select, textarea")
    ? part
    : part.querySelector("input:not([type=hidden]), select, textarea, button");
  part.scrollIntoView({ block: "center" });
  (field || part).focus({ preventScroll: true });
}

function openMarkedPart() {
  const marker = document.querySelector("[data-open-part]");
  if (!marker) return false;
  marker.remove(); // once
  openPart(marker.dataset.openPart);
  return true;
}

// After "load": the browser's own jump to the #part would otherwise take the focus away again.
window.addEventListener("load", () => {
  if (!openMarkedPart() && location.hash.length > 1) {
    requestAnimationFrame(() => openPart(decodeURIComponent(location.hash.slice(1))));
  }
});

document.addEventListener("htmx:afterSettle", openMarkedPart);
