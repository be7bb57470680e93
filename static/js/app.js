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
