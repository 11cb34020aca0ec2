/* Draws report.html's charts with Apache ECharts (inlined before this script) from the JSON in #report-data.
   Rendered as SVG with no animation, so the page looks the same on screen, in print and in a screenshot. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var t = data.labels;
  var whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  var money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  var palette = ['#3b6fb6', '#e8a33d', '#4ba386', '#c8553d', '#7b68b5', '#5fa8d3', '#b56576', '#8c9a3a',
                 '#d08c60', '#6d7f99', '#c9a227', '#2f9c95'];
  var base = { animation: false, color: palette, textStyle: { fontFamily: getComputedStyle(document.body).fontFamily } };

  function max(values) {
    return values.reduce(function (m, v) { return Math.max(m, v); }, 0);
  }

  var charts = {
    segments: function () {
      var s = data.segments;
      return {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0, data: [t['axis.customers'], t['axis.revenue']] },
        grid: { left: 56, right: 72, top: 36, bottom: 96 },
        xAxis: { type: 'category', data: s.names, axisLabel: { rotate: 35, interval: 0 } },
        yAxis: [{ type: 'value', name: t['axis.customers'] },
                { type: 'value', name: t['axis.revenue'] + ' (' + data.currency + ')', splitLine: { show: false } }],
        series: [{ name: t['axis.customers'], type: 'bar', data: s.customers },
                 { name: t['axis.revenue'], type: 'bar', yAxisIndex: 1, data: s.revenue }]
      };
    },
    rfGrid: function () {
      var scores = ['1', '2', '3', '4', '5'];
      return {
        tooltip: {
          formatter: function (p) {
            return 'R ' + (p.value[1] + 1) + ' · F ' + (p.value[0] + 1) + '<br>' + t['axis.customers'] + ': '
              + whole.format(p.value[2]) + '<br>' + t['axis.average_monetary'] + ': ' + money.format(p.value[3]);
          }
        },
        grid: { left: 72, right: 24, top: 16, bottom: 96 },
        xAxis: { type: 'category', data: scores, name: t['axis.f'], nameLocation: 'middle', nameGap: 28, splitArea: { show: true } },
        yAxis: { type: 'category', data: scores, name: t['axis.r'], nameLocation: 'middle', nameGap: 36, splitArea: { show: true } },
        visualMap: { min: 0, max: Math.max(1, max(data.rfGrid.map(function (c) { return c[2]; }))), dimension: 2,
                     calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f2f6fb', '#3b6fb6'] } },
        series: [{
          type: 'heatmap', data: data.rfGrid,
          label: { show: true, formatter: function (p) {
            return p.value[2] === 0 ? '' : whole.format(p.value[2]) + '\n' + money.format(p.value[3]);
          } }
        }]
      };
    },
    stages: function () {
      var s = data.stages;
      return {
        tooltip: { trigger: 'item' },
        series: [{
          type: 'funnel', sort: 'none', left: '10%', width: '80%', top: 16, bottom: 16, minSize: '8%', gap: 2,
          label: { show: true, position: 'inside', formatter: function (p) { return p.name + '  ' + whole.format(p.value); } },
          data: s.names.map(function (name, i) { return { name: name, value: s.counts[i] }; })
        }]
      };
    },
    migration: function () {
      var m = data.migration;
      return {
        tooltip: {
          formatter: function (p) {
            var from = document.createElement('span');
            from.textContent = m.fromNames[p.value[1]] + ' \u2192 ' + m.toNames[p.value[0]];
            return from.innerHTML + '<br>' + t['axis.customers'] + ': ' + whole.format(p.value[2]);
          }
        },
        grid: { left: 120, right: 24, top: 16, bottom: 120 },
        xAxis: { type: 'category', data: m.toNames, name: t['axis.to'], nameLocation: 'middle', nameGap: 96,
                 axisLabel: { rotate: 35, interval: 0 }, splitArea: { show: true } },
        yAxis: { type: 'category', data: m.fromNames, name: t['axis.from'], nameLocation: 'middle', nameGap: 104,
                 inverse: true, axisLabel: { interval: 0 },
                 splitArea: { show: true } },
        visualMap: { min: 0, max: Math.max(1, max(m.cells.map(function (c) { return c[2]; }))), dimension: 2, show: false,
                     inRange: { color: ['#fdf3e3', '#e8a33d'] } },
        series: [{ type: 'heatmap', data: m.cells, label: { show: true } }]
      };
    },
    tasks: function () {
      var k = data.tasks;
      return {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { type: 'scroll', top: 0 },
        grid: { left: 48, right: 24, top: 40, bottom: 64 },
        xAxis: { type: 'category', data: k.days, name: t['axis.due'], nameLocation: 'middle', nameGap: 44,
                 axisLabel: { rotate: 35 } },
        yAxis: { type: 'value', name: t['axis.tasks'], minInterval: 1 },
        series: k.owners.map(function (owner, i) {
          return { name: owner, type: 'bar', stack: 'tasks', data: k.counts[i] };
        })
      };
    },
    churnReasons: function () {
      var r = data.churnReasons;
      return {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 96, right: 48, top: 16, bottom: 32 },
        xAxis: { type: 'value', minInterval: 1, name: t['axis.customers'] },
        yAxis: { type: 'category', data: r.names, inverse: true },
        series: [{ type: 'bar', data: r.counts, itemStyle: { color: '#c8553d' },
                   label: { show: true, position: 'right' } }]
      };
    }
  };

  var drawn = [];
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(Object.assign({}, base, charts[el.getAttribute('data-chart')]()));
    drawn.push(chart);
  });
  window.addEventListener('resize', function () {
    drawn.forEach(function (c) { c.resize(); });
  });
  document.documentElement.setAttribute('data-charts-drawn', String(drawn.length));
})();
