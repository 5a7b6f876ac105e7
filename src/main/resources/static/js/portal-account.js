/* Resident portal, progressive: every page works without this file.
   1. "Show password": a check box after each password field marked data-reveal (its text is the attribute).
   2. The sign-in time on form pages (#session-timeout): a warning data-warn seconds before the end, with a
      button that asks the server to keep the sign-in (GET data-keepalive, 204 while signed in). */
(function () {
  'use strict';

  document.querySelectorAll('input[type="password"][data-reveal]').forEach(function (input) {
    var wrapper = document.createElement('div');
    wrapper.className = 'dads-checkbox mg-reveal';
    var box = document.createElement('input');
    box.type = 'checkbox';
    box.className = 'dads-checkbox__input';
    box.id = input.id + '-reveal';
    box.setAttribute('aria-controls', input.id);
    var label = document.createElement('label');
    label.className = 'dads-checkbox__label';
    label.htmlFor = box.id;
    label.textContent = input.getAttribute('data-reveal');
    box.addEventListener('change', function () {
      input.type = box.checked ? 'text' : 'password';
    });
    // the password is hidden again before the form is sent, so the browser does not keep it as text
    if (input.form) {
      input.form.addEventListener('submit', function () { input.type = 'password'; });
    }
    wrapper.appendChild(box);
    wrapper.appendChild(label);
    input.insertAdjacentElement('afterend', wrapper);
  });

  var note = document.getElementById('session-timeout');
  var warning = document.getElementById('session-warning');
  if (!note || !warning) {
    return;
  }
  var seconds = parseInt(note.getAttribute('data-seconds'), 10);
  var warnBefore = parseInt(note.getAttribute('data-warn'), 10);
  var text = document.getElementById('session-warning-text');
  var button = document.getElementById('session-continue');
  var warnTimer;
  var endTimer;

  function expired() {
    text.textContent = text.getAttribute('data-expired');
    button.hidden = true;
    warning.hidden = false;
  }

  function arm() {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(function () {
      warning.hidden = false;
      button.focus();
    }, Math.max(0, seconds - warnBefore) * 1000);
    endTimer = setTimeout(expired, seconds * 1000);
  }

  button.addEventListener('click', function () {
    fetch(note.getAttribute('data-keepalive'), {
      credentials: 'same-origin',
      redirect: 'manual',
      headers: { 'X-Requested-With': 'XMLHttpRequest' }
    }).then(function (response) {
      if (response.status === 204) {
        warning.hidden = true;
        arm();
      } else {
        expired();
      }
    }, expired);
  });
  arm();
}());
