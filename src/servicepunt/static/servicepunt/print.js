// The "Afdrukken" buttons (data-print): hidden without JavaScript (the PDF is the way to print
// then), shown and wired here. A file, not inline script: the Content-Security-Policy forbids that.
document.querySelectorAll("button[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
