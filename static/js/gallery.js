/* Exhibition gallery: opens an item in an accessible dialog with previous/next, without leaving
   the page. Without JavaScript each thumbnail is a link to the item's own page, which still works.
   Labels come from the page (data-label-*), so they are translated like every other string. */
(function () {
  "use strict";
  if (typeof HTMLDialogElement !== "function") return;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function setUp(gallery) {
    var links = Array.prototype.slice.call(gallery.querySelectorAll("a[data-gallery-src]"));
    if (!links.length) return;
    var labels = gallery.dataset;
    var current = 0;

    var dialog = el("dialog", "lightbox");
    dialog.setAttribute("aria-label", labels.labelDialog);
    var bar = el("div", "lightbox__bar");
    var position = el("p", "lightbox__position");
    position.setAttribute("aria-live", "polite");
    var close = el("button", "lightbox__close", labels.labelClose);
    close.type = "button";
    bar.append(position, close);
    var figure = el("figure", "lightbox__figure");
    var image = el("img");
    var caption = el("figcaption");
    figure.append(image, caption);
    var nav = el("div", "lightbox__nav");
    var previous = el("button", "button--secondary", labels.labelPrevious);
    var next = el("button", "button--secondary", labels.labelNext);
    previous.type = next.type = "button";
    var details = el("a", "lightbox__details", labels.labelDetails);
    details.href = links[0].href; // a real link from the start; show() points it at the open item
    nav.append(previous, details, next);
    dialog.append(bar, figure, nav);
    document.body.append(dialog);

    function show(index) {
      current = Math.max(0, Math.min(links.length - 1, index));
      var link = links[current];
      var source = link.closest("figure").querySelector("figcaption");
      image.src = link.dataset.gallerySrc;
      image.alt = link.dataset.galleryAlt || "";
      caption.textContent = source ? source.textContent.replace(/\s+/g, " ").trim() : "";
      position.textContent = labels.labelPosition
        .replace("{position}", current + 1)
        .replace("{count}", links.length);
      details.href = link.href;
      previous.disabled = current === 0;
      next.disabled = current === links.length - 1;
      if (!dialog.open) dialog.showModal();
    }

    links.forEach(function (link, index) {
      link.addEventListener("click", function (event) {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        show(index);
        close.focus();
      });
    });
    previous.addEventListener("click", function () { show(current - 1); });
    next.addEventListener("click", function () { show(current + 1); });
    close.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close();
    });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") { event.preventDefault(); show(current - 1); }
      if (event.key === "ArrowRight") { event.preventDefault(); show(current + 1); }
    });
    dialog.addEventListener("close", function () {
      image.removeAttribute("src");
      links[current].focus();
    });
  }

  document.querySelectorAll("[data-gallery]").forEach(setUp);
})();
