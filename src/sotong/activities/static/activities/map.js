/* The activity map: loads /activities/map/data.json for the visible box (points, or the
   server's clusters when there are many) and offers "내 주변". The list below the map shows
   the same activities without JavaScript. */
(function () {
  "use strict";

  var configElement = document.getElementById("activity-map-config");
  var container = document.getElementById("activity-map");
  if (!configElement || !container || typeof window.L === "undefined") {
    return;
  }
  var L = window.L;
  var config = JSON.parse(configElement.textContent);
  var messages = config.messages;
  var statusElement = document.getElementById("map-status");
  var locationStatusElement = document.getElementById("map-location-status");

  function say(text) {
    if (statusElement) {
      statusElement.textContent = text;
    }
  }

  function sayWhere(text) {
    if (locationStatusElement) {
      locationStatusElement.textContent = text;
    }
  }

  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : match;
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function clamp(value, low, high) {
    return Math.min(high, Math.max(low, value));
  }

  container.hidden = false;
  var map = L.map(container, { scrollWheelZoom: false, keyboard: true });
  L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: 19 }).addTo(map);
  var bounds = config.bounds;
  map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]]);

  // Nearby markers merge into a group button: give it a spoken name, not just a number.
  function groupIcon(group) {
    var count = group.getChildCount();
    var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
    var icon = element("div");
    var number = element("span", "", String(count));
    number.setAttribute("aria-hidden", "true");
    icon.appendChild(number);
    icon.appendChild(element("span", "sr-only", fill(messages.cluster, { count: count })));
    return L.divIcon({
      html: icon.innerHTML,
      className: "marker-cluster marker-cluster-" + size,
      iconSize: L.point(40, 40),
    });
  }

  var pointLayer = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 48,
    iconCreateFunction: groupIcon,
  });
  var clusterLayer = L.layerGroup();
  map.addLayer(pointLayer);
  map.addLayer(clusterLayer);

  function popupFor(point) {
    var box = element("div", "activity-map-popup");
    box.appendChild(element("p", "activity-map-popup__kind", point.kind_label + " · " + point.when));
    var title = element("p", "activity-map-popup__title");
    var link = element("a", "", point.title);
    link.href = point.url;
    title.appendChild(link);
    box.appendChild(title);
    if (point.place_name) {
      box.appendChild(element("p", "activity-map-popup__place", point.place_name));
    }
    var more = element("a", "krds-btn small secondary", messages.details);
    more.href = point.url;
    box.appendChild(more);
    return box;
  }

  function pointMarker(point) {
    var marker = L.marker([point.lat, point.lng], {
      icon: L.divIcon({
        className: "activity-map-pin activity-map-pin--" + point.kind,
        iconSize: [30, 30],
        iconAnchor: [15, 30],
        popupAnchor: [0, -28],
      }),
      title: point.title,
      keyboard: true,
    });
    marker.bindPopup(function () {
      return popupFor(point);
    });
    marker.on("add", function () {
      var icon = marker.getElement();
      if (icon) {
        icon.setAttribute("aria-label", point.title + ", " + point.when);
      }
    });
    return marker;
  }

  function clusterMarker(cluster) {
    var label = fill(messages.cluster, { count: cluster.count });
    var size = cluster.count < 100 ? 40 : cluster.count < 1000 ? 48 : 56;
    var marker = L.marker([cluster.lat, cluster.lng], {
      icon: L.divIcon({
        className: "activity-map-cluster",
        html: "<span>" + String(Number(cluster.count)) + "</span>",
        iconSize: [size, size],
      }),
      title: label,
      keyboard: true,
    });
    marker.on("add", function () {
      var icon = marker.getElement();
      if (icon) {
        icon.setAttribute("aria-label", label);
      }
    });
    marker.on("click", function () {
      var box = cluster.bounds;
      map.fitBounds([[box[0], box[1]], [box[2], box[3]]], { maxZoom: map.getZoom() + 3 });
    });
    return marker;
  }

  // The server answers for the asked box grown to whole tiles (data.bbox), so a little more
  // than is on screen: the status line counts only what lies in view.
  function visibleCount(data) {
    var box = map.getBounds();
    var items = data.mode === "clusters" ? data.clusters : data.points;
    return items.reduce(function (total, item) {
      var seen = box.contains([item.lat, item.lng]);
      return total + (seen ? (data.mode === "clusters" ? item.count : 1) : 0);
    }, 0);
  }

  function report(data) {
    var message = data.mode === "clusters" ? messages.clusters : messages.loaded;
    say(fill(message, { count: visibleCount(data) }));
  }

  var shown = null; // the last answer, its zoom and the box it covers

  function covers(answer, south, west, north, east) {
    var box = answer.data.bbox;
    return answer.zoom === map.getZoom() && box &&
      box[0] <= south && box[1] <= west && box[2] >= north && box[3] >= east;
  }

  function show(data, zoom) {
    pointLayer.clearLayers();
    clusterLayer.clearLayers();
    if (data.mode === "clusters") {
      data.clusters.forEach(function (cluster) {
        clusterLayer.addLayer(clusterMarker(cluster));
      });
    } else {
      pointLayer.addLayers(data.points.map(pointMarker));
    }
    shown = { data: data, zoom: zoom };
    report(data);
  }

  var pending = null;
  var timer = null;

  function load() {
    var box = map.getBounds();
    var south = clamp(box.getSouth(), -90, 90);
    var north = clamp(box.getNorth(), -90, 90);
    var west = clamp(box.getWest(), -180, 180);
    var east = clamp(box.getEast(), -180, 180);
    if (!(south < north && west < east)) {
      return;
    }
    if (shown && covers(shown, south, west, north, east)) {
      // Panned within what the last answer already holds: nothing new to ask for.
      if (pending) {
        pending.abort();
        pending = null;
      }
      report(shown.data);
      return;
    }
    var zoom = map.getZoom();
    // Five decimals (about a metre), rounded outward so the answer still covers the view.
    var bbox = [
      Math.floor(south * 1e5), Math.floor(west * 1e5),
      Math.ceil(north * 1e5), Math.ceil(east * 1e5),
    ].map(function (value) {
      return (value / 1e5).toFixed(5);
    }).join(",");
    if (pending) {
      pending.abort();
    }
    pending = typeof AbortController === "function" ? new AbortController() : null;
    say(messages.loading);
    fetch(config.dataUrl + "bbox=" + encodeURIComponent(bbox) + "&zoom=" + zoom, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      signal: pending ? pending.signal : undefined,
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        show(data, zoom);
      })
      .catch(function (error) {
        if (error && error.name === "AbortError") {
          return;
        }
        say(messages.failed);
      });
  }

  map.on("moveend", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(load, 200);
  });
  load();

  var nearMe = document.getElementById("map-near-me");
  var korea = config.korea;

  function showRegionCentre(message) {
    map.setView(config.centre, 14);
    sayWhere(message);
  }

  if (nearMe) {
    nearMe.hidden = false;
    nearMe.addEventListener("click", function () {
      if (!navigator.geolocation) {
        showRegionCentre(messages.fallback);
        return;
      }
      sayWhere(messages.locating);
      navigator.geolocation.getCurrentPosition(
        function (position) {
          var latitude = position.coords.latitude;
          var longitude = position.coords.longitude;
          var inKorea = latitude >= korea[0] && latitude <= korea[2] &&
            longitude >= korea[1] && longitude <= korea[3];
          if (!inKorea) {
            showRegionCentre(messages.outside);
            return;
          }
          map.setView([latitude, longitude], 15);
          sayWhere(messages.located);
        },
        function () {
          showRegionCentre(messages.fallback);
        },
        { timeout: 10000, maximumAge: 60000 }
      );
    });
  }
})();
