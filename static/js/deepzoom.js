/* Deep zoom for large scans: loads OpenSeadragon (served by the site) only when a reader asks,
   and drives it with the IIIF Image API. Keyboard: the viewer takes focus; + and - zoom, arrow
   keys move, 0 shows the whole image. No animation for readers who prefer reduced motion. */
(function () {
  "use strict";

  function button(label, onClick) {
    var node = document.createElement("button");
    node.type = "button";
    node.className = "button--secondary";
    node.textContent = label;
    node.addEventListener("click", onClick);
    return node;
  }

  function load(src, done, fail) {
    if (window.OpenSeadragon) return done();
    var script = document.createElement("script");
    script.src = src;
    script.onload = done;
    script.onerror = fail;
    document.head.append(script);
  }

  function setUp(root) {
    var labels = root.dataset;
    var open = root.querySelector("[data-deepzoom-open]");
    if (!open) return;
    open.hidden = false;
    var viewer = null;
    open.addEventListener("click", function () {
      open.disabled = true;
      load(labels.script, function () {
        var reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
        var controls = document.createElement("div");
        controls.className = "deepzoom__controls";
        var stage = document.createElement("div");
        stage.className = "deepzoom__stage";
        stage.tabIndex = 0;
        stage.setAttribute("role", "application");
        stage.setAttribute("aria-label", labels.labelViewer);
        root.append(controls, stage);
        viewer = window.OpenSeadragon({
          element: stage,
          tileSources: labels.info,
          showNavigationControl: false,
          animationTime: reduce ? 0 : 1.0,
          springStiffness: reduce ? 100 : 6.5,
          blendTime: 0,
          immediateRender: reduce,
          gestureSettingsMouse: { clickToZoom: false },
          crossOriginPolicy: false
        });
        viewer.addHandler("open-failed", function () {
          stage.textContent = labels.labelError;
        });
        controls.append(
          button(labels.labelZoomIn, function () { viewer.viewport.zoomBy(1.5); }),
          button(labels.labelZoomOut, function () { viewer.viewport.zoomBy(1 / 1.5); }),
          button(labels.labelReset, function () { viewer.viewport.goHome(); }),
          button(labels.labelClose, function () {
            viewer.destroy();
            controls.remove();
            stage.remove();
            open.disabled = false;
            open.focus();
          })
        );
        stage.focus();
      }, function () {
        open.disabled = false;
        root.append(document.createTextNode(labels.labelError));
      });
    });
  }

  document.querySelectorAll("[data-deepzoom]").forEach(setUp);
})();
