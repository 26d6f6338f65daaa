// Charts of the metrics dashboard, drawn from /api/metrics. The tables on the page hold the same
// figures, so nothing is lost without JavaScript or Chart.js.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }
  var api = document.getElementById('metrics-script').dataset.api;
  fetch(api, {headers: {'Accept': 'application/json'}})
    .then(function (response) { return response.json(); })
    .then(function (metrics) {
      var funnel = document.getElementById('funnel-chart');
      new Chart(funnel, {
        type: 'bar',
        data: {
          labels: funnel.dataset.labels.split('|'),
          datasets: [{data: metrics.funnel.map(function (s) { return s.count; }), backgroundColor: '#1f5f3a'}]
        },
        options: {indexAxis: 'y', maintainAspectRatio: false, plugins: {legend: {display: false}}}
      });
      var months = document.getElementById('months-chart');
      var names = months.dataset.series.split('|');
      var series = ['downloads', 'enterprisesReplicated', 'productionVolume'];
      var colours = ['#1f5fa8', '#1b7a3a', '#b8660b'];
      new Chart(months, {
        type: 'line',
        data: {
          labels: metrics.byMonth.map(function (m) { return m.month; }),
          datasets: series.map(function (key, i) {
            return {label: names[i], data: metrics.byMonth.map(function (m) { return m[key]; }),
                    borderColor: colours[i], backgroundColor: colours[i]};
          })
        },
        options: {maintainAspectRatio: false}
      });
    });
}());
