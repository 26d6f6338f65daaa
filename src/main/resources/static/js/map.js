// The public map from /api/map, in two layers told apart by each feature's "kind":
// - replicated enterprises: round pins coloured by designation, outlined by status;
// - where people are learning: purple squares at the towns of downloaders who agreed to show their town.
// Works without tiles (offline, or no tile URL configured): the pins still show on a plain background.
// Keyboard: the map takes the focus (arrows pan, + and - zoom), the zoom buttons are buttons, and every
// pin is a button named like its row in a table under the map; Enter opens its popup. The checkboxes
// above the legend show or hide each layer.
(function () {
  'use strict';
  var element = document.getElementById('map');
  if (!element || typeof L === 'undefined') {
    return;
  }
  var ENTERPRISE = 'replicated-enterprise';
  var TOWN = 'learning-town';
  // The words for designations, statuses and the towns' layer, in the page's language, from the legend.
  function words(attribute) {
    var found = {};
    document.querySelectorAll('[' + attribute + ']').forEach(function (node) {
      found[node.getAttribute(attribute)] = node.textContent.trim();
    });
    return found;
  }
  var designations = words('data-designation');
  var statuses = words('data-status');
  var kinds = words('data-kind');
  var language = document.documentElement.lang || 'en';
  var countryNames = typeof Intl !== 'undefined' && Intl.DisplayNames
    ? new Intl.DisplayNames([language], {type: 'region'}) : null;
  function country(p) {
    try {
      return (countryNames && p.countryCode && countryNames.of(p.countryCode)) || p.country || '';
    } catch (e) {
      return p.country || '';
    }
  }
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

  function enterpriseText(p) {
    return p.name + ' (' + p.enterprise + '), ' + p.city + ', ' + p.country + ': '
      + (designations[p.designation] || p.designation) + ', ' + (statuses[p.status] || p.status);
  }

  function townText(p) {
    var text = p.city + ', ' + country(p) + ': ' + (kinds[TOWN] || TOWN);
    if (p.downloads) {
      text += ', ' + p.downloads + ' ' + (element.dataset.downloadsWord || 'downloads');
    }
    if (p.enterprises) {
      text += ' (' + Object.keys(p.enterprises).map(function (slug) {
        return slug + ' ' + p.enterprises[slug];
      }).join(', ') + ')';
    }
    return text;
  }

  // A keyboard-focusable marker named by its text; the popup holds the same text as a text node
  // (names and towns are user data, never parsed as HTML).
  function marker(latlng, text, className, size) {
    var pin = L.marker(latlng, {
      title: text,
      keyboard: true,
      icon: L.divIcon({className: className, iconSize: [size, size]})
    });
    pin.on('add', function () {
      pin.getElement().setAttribute('aria-label', text);
    });
    var node = document.createElement('span');
    node.textContent = text;
    pin.bindPopup(node);
    return pin;
  }

  function kindOf(feature) {
    return (feature.properties && feature.properties.kind) || ENTERPRISE;
  }

  fetch(element.dataset.geojson, {headers: {'Accept': 'application/geo+json'}})
    .then(function (response) { return response.json(); })
    .then(function (data) {
      var layers = {};
      layers[TOWN] = L.geoJSON(data, {
        filter: function (feature) { return kindOf(feature) === TOWN; },
        pointToLayer: function (feature, latlng) {
          // larger than an enterprise's pin, so that where both are in one town the square frames the pin
          return marker(latlng, townText(feature.properties), 'map-town', 26);
        }
      }).addTo(map);
      // Enterprises after towns: their pins lie on top where both are in one town.
      layers[ENTERPRISE] = L.geoJSON(data, {
        filter: function (feature) { return kindOf(feature) === ENTERPRISE; },
        pointToLayer: function (feature, latlng) {
          var p = feature.properties;
          return marker(latlng, enterpriseText(p),
            'map-pin designation-' + p.designation + ' status-' + p.status, 18);
        }
      }).addTo(map);
      var toggles = document.getElementById('map-layers');
      if (toggles) {
        toggles.querySelectorAll('input[data-layer]').forEach(function (box) {
          box.addEventListener('change', function () {
            var layer = layers[box.getAttribute('data-layer')];
            if (box.checked) {
              layer.addTo(map);
            } else {
              map.removeLayer(layer);
            }
          });
        });
        toggles.hidden = false;
      }
      if (data.features.length > 0) {
        var bounds = L.featureGroup([layers[TOWN], layers[ENTERPRISE]]).getBounds();
        map.fitBounds(bounds, {maxZoom: 8, padding: [20, 20]});
      }
    });
}());
