(function () {
  'use strict';
  var form = document.getElementById('linkgate-form');
  var button = document.getElementById('linkgate-button');
  var status = document.getElementById('linkgate-status');
  var started = window.performance ? performance.now() : Date.now();
  var dwell = Number(form.getAttribute('data-dwell')) || 0;
  var gesture = false;
  var sent = false;

  function now() {
    return window.performance ? performance.now() : Date.now();
  }

  // A person's click, or Enter/Space on the focused button, is a trusted click event; a click or submit
  // made by a script is not. The page itself never submits.
  button.addEventListener('click', function (event) {
    gesture = event.isTrusted === true && now() - started >= dwell;
  });

  form.addEventListener('submit', function (event) {
    if (sent) {
      event.preventDefault();
      return;
    }
    sent = true;
    var fromButton = !('submitter' in event) || event.submitter === button;
    if (gesture && event.isTrusted === true && fromButton) {
      var proof = document.createElement('input');
      proof.type = 'hidden';
      proof.name = form.getAttribute('data-proof-field');
      proof.value = form.getAttribute('data-proof');
      form.appendChild(proof);
    }
    gesture = false;
    // The submission goes ahead (the button has no name in the form data); a second click does nothing.
    button.disabled = true;
    status.textContent = form.getAttribute('data-sending');
  });

  // Back from the next page (bfcache): let the person try again with a fresh state.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      sent = false;
      button.disabled = false;
      status.textContent = '';
      var old = form.querySelectorAll('input[name="' + form.getAttribute('data-proof-field') + '"]');
      for (var i = 0; i < old.length; i++) {
        old[i].parentNode.removeChild(old[i]);
      }
    }
  });

  // Show when the link was first opened in the reader's own time zone.
  try {
    var format = new Intl.DateTimeFormat(document.documentElement.lang || undefined,
      { dateStyle: 'long', timeStyle: 'short' });
    var times = document.querySelectorAll('time.linkgate-first-opened[datetime]');
    for (var j = 0; j < times.length; j++) {
      var when = new Date(times[j].getAttribute('datetime'));
      if (!isNaN(when.getTime())) {
        times[j].textContent = format.format(when);
      }
    }
  } catch (e) {
    // Older browsers keep the server's UTC text.
  }
})();
