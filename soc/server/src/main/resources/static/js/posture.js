/* Ramparts posture charts (ECharts): shares by district, unit scores, history trend, read from
   data-posture-chart attributes; a click on a district or unit bar opens it. No inline scripts. */
(function () {
  'use strict';

  var colours = ['#0b5cad', '#2e8540', '#b35c00', '#6f42c1', '#222'];
  var root = document.documentElement;
  var zone = root.getAttribute('data-time-zone') || undefined;
  var language = root.getAttribute('lang') || 'vi';

  function dateFormat() {
    try {
      return new Intl.DateTimeFormat(language, { timeZone: zone, day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
    } catch (e) {
      return new Intl.DateTimeFormat(language, { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
    }
  }

  var when = dateFormat();

  function bars(spec, percent) {
    return {
      animation: false,
      color: colours,
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: spec.categories, axisLabel: { interval: 0, rotate: spec.categories.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: percent ? '{value}%' : '{value}' } },
      series: spec.series.map(function (values, i) {
        return { type: 'bar', name: spec.seriesNames[i], data: values, barMaxWidth: 28, cursor: 'pointer' };
      })
    };
  }

  function trend(spec) {
    return {
      animation: false,
      color: colours,
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'time', axisLabel: { formatter: function (v) { return when.format(new Date(v)); }, hideOverlap: true } },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: spec.series.map(function (points, i) {
        return { type: 'line', name: spec.seriesNames[i], data: points, showSymbol: points.length < 2, connectNulls: false };
      })
    };
  }

  function render(el) {
    if (typeof echarts === 'undefined') {
      return;
    }
    var spec = JSON.parse(el.getAttribute('data-posture-chart'));
    var option = spec.type === 'shares' ? bars(spec, true) : spec.type === 'scores' ? bars(spec, false) : trend(spec);
    var chart = echarts.getInstanceByDom(el) || echarts.init(el);
    chart.setOption(option, true);
    el.setAttribute('data-rendered', 'true');
    if (spec.links) {
      chart.off('click');
      chart.on('click', function (params) {
        var link = spec.links[params.dataIndex];
        if (link) {
          window.location.assign(link);
        }
      });
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-posture-chart]').forEach(render);
  });

  window.addEventListener('resize', function () {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-posture-chart]').forEach(function (el) {
      var chart = echarts.getInstanceByDom(el);
      if (chart) {
        chart.resize();
      }
    });
  });
}());
