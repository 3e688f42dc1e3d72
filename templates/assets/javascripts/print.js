// Shows the Print button of a worksheet page (hidden without script, where it could not work)
// and makes it open the browser's print dialog. No other behaviour; nothing leaves the page.
document.querySelectorAll("[data-guide-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
