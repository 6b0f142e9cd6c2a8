// Buttons marked data-print open the browser's print dialog (no inline script: the CSP
// allows scripts from the app's own files only).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
