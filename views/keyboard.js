// Keyboard support Streamlit's widgets lack (installed once per page; our own static code, never data).
(() => {
  if (window.__tumenKeyboard) return;
  window.__tumenKeyboard = true;
  // Enter commits a typed date. The field applies a typed value when focus leaves it for an element outside its
  // calendar, and ignores Enter; so Enter moves focus to a stand-in just after the field (Tab goes on from there).
  const inDateField = (element) => element && element.closest && element.closest('[data-testid="stDateInputField"]');
  document.addEventListener("keydown", (event) => {
    const field = event.key === "Enter" && event.isTrusted && inDateField(event.target);
    if (!field) return;
    event.preventDefault();
    event.stopPropagation();
    const standIn = document.createElement("span");
    standIn.tabIndex = -1;
    standIn.setAttribute("aria-hidden", "true");
    standIn.addEventListener("blur", () => standIn.remove());
    field.after(standIn);
    standIn.focus();
  }, true);
  // Opening a popover moves focus into it, once its contents have arrived (they are built when it opens): to its
  // first code block (the link) when it has one. For a second after, focus that a re-render drops is put back.
  const focusInto = (button, tries) => {
    if (button.getAttribute("aria-expanded") !== "true" || tries <= 0) return;
    const body = document.querySelector('[data-testid="stPopoverBody"]');
    const code = body && body.querySelector('[data-testid="stCode"]');
    const first = code || (tries < 70 && body && body.querySelector('button, a[href], input, [tabindex="0"]'));
    const lost = !document.activeElement || document.activeElement === document.body || document.activeElement === button;
    if (first && lost) first.focus();
    if (!first || tries > 90) setTimeout(() => focusInto(button, tries - 1), 100);
  };
  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest('[data-testid="stPopoverButton"]');
    if (button) setTimeout(() => focusInto(button, 100), 50);
  }, true);
})();
