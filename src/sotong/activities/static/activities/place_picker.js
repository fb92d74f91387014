/* The place picker on the activity form: a small map under the place fields. Clicking (or
   tapping) it, dragging the marker or "지도 가운데를 장소로 정하기" fills the latitude and
   longitude fields, which stay in the form and work on their own without JavaScript. */
(function () {
  "use strict";

  var configElement = document.getElementById("place-picker-config");
  var latitude = document.querySelector('[data-place-picker="latitude"]');
  var longitude = document.querySelector('[data-place-picker="longitude"]');
  if (!configElement || !latitude || !longitude || typeof window.L === "undefined") {
    return;
  }
  var L = window.L;
  var config = JSON.parse(configElement.textContent);
  var messages = config.messages;
  var form = latitude.form || document;
  var online = form.querySelector('input[name="is_online"]');
  var region = form.querySelector('select[name="region"]');

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

  var anchor = longitude.closest(".form-group") || longitude.parentNode;
  var wrapper = element("div", "place-picker");
  var hint = element("p", "place-picker__hint", messages.hint);
  hint.id = "place-picker-hint";
  var mapElement = element("div", "place-picker__map");
  mapElement.setAttribute("role", "region");
  mapElement.setAttribute("aria-label", messages.label);
  mapElement.setAttribute("aria-describedby", hint.id);
  var tools = element("div", "place-picker__tools");
  var centreButton = element("button", "krds-btn small secondary", messages.centre);
  centreButton.type = "button";
  var clearButton = element("button", "krds-btn small tertiary", messages.clear);
  clearButton.type = "button";
  var status = element("p", "place-picker__status");
  status.setAttribute("role", "status");
  tools.appendChild(centreButton);
  tools.appendChild(clearButton);
  wrapper.appendChild(hint);
  wrapper.appendChild(mapElement);
  wrapper.appendChild(tools);
  wrapper.appendChild(status);
  anchor.parentNode.insertBefore(wrapper, anchor.nextSibling);

  var map = null;
  var marker = null;

  function typedPoint() {
    var lat = parseFloat(latitude.value);
    var lng = parseFloat(longitude.value);
    return isFinite(lat) && isFinite(lng) ? L.latLng(lat, lng) : null;
  }

  function regionBounds() {
    var option = region && region.options[region.selectedIndex];
    var raw = option && option.getAttribute("data-bounds");
    var sides = (raw || config.korea.join(",")).split(",").map(Number);
    return [[sides[0], sides[1]], [sides[2], sides[3]]];
  }

  function showMarker(point) {
    if (!marker) {
      marker = L.marker(point, {
        draggable: true,
        keyboard: true,
        title: messages.marker,
        icon: L.divIcon({
          className: "activity-map-pin",
          iconSize: [30, 30],
          iconAnchor: [15, 30],
        }),
      }).addTo(map);
      marker.on("dragend", function () {
        fillFields(marker.getLatLng());
      });
      var icon = marker.getElement();
      if (icon) {
        icon.setAttribute("aria-label", messages.marker);
      }
    } else {
      marker.setLatLng(point);
    }
  }

  function fillFields(point) {
    latitude.value = point.lat.toFixed(6);
    longitude.value = point.lng.toFixed(6);
    status.textContent = messages.set
      .replace("%(lat)s", latitude.value)
      .replace("%(lng)s", longitude.value);
  }

  function choose(point) {
    showMarker(point);
    fillFields(point);
  }

  function createMap() {
    map = L.map(mapElement, { scrollWheelZoom: false, keyboard: true });
    L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: 19 }).addTo(map);
    var point = typedPoint();
    if (point) {
      map.setView(point, 16);
      showMarker(point);
    } else {
      map.fitBounds(regionBounds());
    }
    map.on("click", function (event) {
      choose(event.latlng);
    });
  }

  function syncOnline() {
    wrapper.hidden = Boolean(online && online.checked);
    if (wrapper.hidden) {
      return;
    }
    if (!map) {
      createMap();
    } else {
      map.invalidateSize();
    }
  }

  centreButton.addEventListener("click", function () {
    if (map) {
      choose(map.getCenter());
    }
  });
  clearButton.addEventListener("click", function () {
    latitude.value = "";
    longitude.value = "";
    if (marker) {
      map.removeLayer(marker);
      marker = null;
    }
    status.textContent = messages.cleared;
  });
  [latitude, longitude].forEach(function (input) {
    input.addEventListener("change", function () {
      var point = typedPoint();
      if (map && point) {
        showMarker(point);
        map.setView(point, Math.max(map.getZoom(), 15));
      }
    });
  });
  if (region) {
    region.addEventListener("change", function () {
      if (map && !marker) {
        map.fitBounds(regionBounds());
      }
    });
  }
  if (online) {
    online.addEventListener("change", syncOnline);
  }
  syncOnline();
})();
