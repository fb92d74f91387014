// The proposals map: markers (clustered) for the proposals listed below it. Without
// JavaScript the list alone remains, with the same links.
(function () {
  "use strict";
  function start() {
    var element = document.getElementById("proposal-map");
    var source = document.getElementById("proposal-map-config");
    if (!element || !source || !window.L) return;
    var config = JSON.parse(source.textContent);
    element.hidden = false;
    var map = L.map(element, { keyboard: true });
    L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: 19 }).addTo(map);
    var group = L.markerClusterGroup ? L.markerClusterGroup() : L.featureGroup();
    config.points.forEach(function (point) {
      var marker = L.marker([point.lat, point.lng], { title: point.title, alt: point.title });
      var link = document.createElement("a");
      link.href = point.url;
      link.textContent = point.title;
      var box = document.createElement("div");
      box.appendChild(link);
      var meta = document.createElement("p");
      meta.textContent = point.status + " · " + config.supportsLabel + " " + point.supports;
      box.appendChild(meta);
      marker.bindPopup(box);
      group.addLayer(marker);
    });
    group.addTo(map);
    if (config.points.length) {
      map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 15 });
    } else if (config.bounds) {
      map.fitBounds([[config.bounds[0], config.bounds[1]], [config.bounds[2], config.bounds[3]]]);
    } else {
      map.setView([36.5, 127.8], 7);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
