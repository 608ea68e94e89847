// Suunta consultation: a progressive enhancement of the round page. A reader who selects a passage
// of a paragraph and then follows that paragraph's "comment" link gets the passage filled in as the
// quote of the comment form (the link works the same without this script).
(function () {
  'use strict';
  var last = null;
  function paragraphOf(node) {
    var el = node && node.nodeType === 1 ? node : node && node.parentElement;
    return el ? el.closest('.consultation-paragraph') : null;
  }
  document.addEventListener('selectionchange', function () {
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed) return;
    var text = sel.toString().replace(/\s+/g, ' ').trim();
    var p = paragraphOf(sel.anchorNode);
    if (text && p && p === paragraphOf(sel.focusNode)) last = { paragraph: p, text: text.slice(0, 2000) };
  });
  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('.consultation-paragraph .comment-link a') : null;
    if (!link || !last || paragraphOf(link) !== last.paragraph) return;
    var url = new URL(link.href);
    url.searchParams.set('quote', last.text);
    link.href = url.toString();
  });
})();
