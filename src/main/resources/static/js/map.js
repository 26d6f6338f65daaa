// The map of replicated enterprises: pins from /api/map, coloured by designation, outlined by status.
// Works without tiles (offline, or no tile URL configured): the pins still show on a plain background.
(function () {
  'use strict';
  var element = document.getElementById('map');
  if (!element || typeof L === 'undefined') {
    return;
  }
  var colours = {'certified': '#1b7a3a', 'ose-compatible': '#1f5fa8', 'inspired': '#b8660b'};
  var outlines = {'active': '#222222', 'lapsed': '#bbbbbb'};
  var map = L.map(element, {worldCopyJump: true}).setView([20, 0], 2);
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
          return L.circleMarker(latlng, {
            radius: 8, weight: 3, fillOpacity: 0.9,
            fillColor: colours[p.designation] || '#666666',
            color: outlines[p.status] || '#222222'
          });
        },
        onEachFeature: function (feature, marker) {
          var p = feature.properties;
          var text = p.name + ' (' + p.enterprise + '), ' + p.city + ', ' + p.country + ': ' + p.designation + ', ' + p.status;
          // bindTooltip/bindPopup with a text node: names are user data and never parsed as HTML
          var node = document.createElement('span');
          node.textContent = text;
          marker.bindPopup(node);
        }
      }).addTo(map);
      if (data.features.length > 0) {
        map.fitBounds(layer.getBounds(), {maxZoom: 8, padding: [20, 20]});
      }
    });
}());
