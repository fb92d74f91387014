// The share button: the phone's share sheet (Web Share API) where there is one, else copy
// the link. Without JavaScript the button stays hidden and the address field does the job.
(function () {
  "use strict";
  document.querySelectorAll("[data-share-button]").forEach(function (button) {
    var section = button.closest("section") || document;
    var status = section.querySelector("[data-share-status]");
    var field = section.querySelector("input[readonly]");
    var url = button.dataset.shareUrl;
    var canShare = typeof navigator.share === "function";
    var canCopy = navigator.clipboard && typeof navigator.clipboard.writeText === "function";

    function say(text) {
      if (status) {
        status.textContent = "";
        // A fresh text node so screen readers announce the same message twice in a row too.
        window.setTimeout(function () { status.textContent = text; }, 50);
      }
    }

    function selectField() {
      if (field) {
        field.focus();
        field.select();
      }
      say(button.dataset.select);
    }

    function copy() {
      if (!canCopy) {
        selectField();
        return;
      }
      navigator.clipboard.writeText(url).then(function () {
        say(button.dataset.copied);
      }, selectField);
    }

    button.hidden = false;
    button.addEventListener("click", function () {
      if (!canShare) {
        copy();
        return;
      }
      navigator.share({ title: button.dataset.shareTitle, text: button.dataset.shareText, url: url })
        .catch(function (error) {
          // The person closed the share sheet: nothing to do. Anything else: copy instead.
          if (!error || error.name !== "AbortError") {
            copy();
          }
        });
    });
  });
})();
