/*
 * wagtail-localize 1.14 writes the heading of its translation editor in English whatever the admin
 * language: "Tiếng Việt to ភាសាខ្មែរ translation" is a template string in its script, with no
 * gettext. The editor's template gives the heading in the person's
 * admin language (data-translation-heading); this puts it in place of the English one, also when
 * the editor draws it again (another tab). Loaded as a file: the Content-Security-Policy allows no
 * inline script, and deferred: Wagtail writes the editor's scripts before the page's body.
 */
(function () {
  'use strict';

  var texts = document.querySelector('[data-translation-heading]');
  var editor = document.querySelector('.js-translation-editor');
  if (!texts || !editor) {
    return;
  }
  var props = JSON.parse(editor.getAttribute('data-props'));
  var english = props.sourceLocale.displayName + ' to ' + props.locale.displayName + ' translation';
  var heading = texts.getAttribute('data-translation-heading');

  function translate() {
    var headings = editor.querySelectorAll('section > div > h3');
    for (var i = 0; i < headings.length; i += 1) {
      if (headings[i].textContent === english) {
        headings[i].textContent = heading;
      }
    }
  }

  // React writes a heading's text again in place (a characterData change), not only as new nodes.
  new MutationObserver(translate).observe(editor, { childList: true, characterData: true, subtree: true });
  translate();
})();
