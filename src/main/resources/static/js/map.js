// The map of replicated enterprises: pins from /api/map, coloured by designation, outlined by status.
// Works without tiles (offline, or no tile URL configured): the pins still show on a plain background.
// Keyboard: the map takes the focus (arrows pan, + and - zoom), the zoom buttons are buttons, and every
// pin is a button named like its row in the table under the map; Enter opens its popup.
(function () {
  'use strict';
  var element = document.getElementById('map');
  if (!element || typeof L === 'undefined') {
    return;
  }
  // The words for designations and statuses, in the page's language, from the legend.
  function words(attribute) {
    var found = {};
    document.querySelectorAll('[' + attribute + ']').forEach(function (node) {
      found[node.getAttribute(attribute)] = node.textContent.trim();
    });
    return found;
  }
  var designations = words('data-designation');
  var statuses = words('data-status');
  var map = L.map(element, {worldCopyJump: true}).setView([20, 0], 2);
  L.control.scale().addTo(map);
  var tileUrl = element.dataset.tileUrl;
  if (tileUrl) {
    var tiles = L.tileLayer(tileUrl, {maxZoom: 18, attribution: element.dataset.tileAttribution});
    tiles.on('tileerror', function () {
      document.getElementById('map-no-tiles').hidden = false;
    });
    tiles.addTo(map);
  } else {
    document.getElementById('map-no-tiles').hidden = false;
  }
  fetch(element.dataset.geojson, {headers: {'Accept': 'application/geo+json'}})
    .then(function (response) { return response.json(); })
    .then(function (data) {
      var layer = L.geoJSON(data, {
        pointToLayer: function (feature, latlng) {
          var p = feature.properties;
          var text = p.name + ' (' + p.enterprise + '), ' + p.city + ', ' + p.country + ': '
            + (designations[p.designation] || p.designation) + ', ' + (statuses[p.status] || p.status);
          var pin = L.marker(latlng, {
            title: text,
            keyboard: true,
            icon: L.divIcon({
              className: 'map-pin designation-' + p.designation + ' status-' + p.status,
              iconSize: [18, 18]
            })
          });
          pin.on('add', function () {
            pin.getElement().setAttribute('aria-label', text);
          });
          // A text node: names are user data and never parsed as HTML.
          var node = document.createElement('span');
          node.textContent = text;
          pin.bindPopup(node);
          return pin;
        }
      }).addTo(map);
      if (data.features.length > 0) {
        map.fitBounds(layer.getBounds(), {maxZoom: 8, padding: [20, 20]});
      }
    });
}());
