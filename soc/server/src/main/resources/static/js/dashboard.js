/* Ramparts dashboard behaviour: charts from data-chart attributes (ECharts), the small-screen menu.
   No inline scripts anywhere, so the Content-Security-Policy can forbid them. */
(function () {
  'use strict';

  var accent = '#0b5cad';
  var root = document.documentElement;
  // times are shown in the dashboard's zone (as the tables are), not the browser's
  var zone = root.getAttribute('data-time-zone') || undefined;
  var language = root.getAttribute('lang') || 'vi';

  function timeFormat(options) {
    try {
      return new Intl.DateTimeFormat(language, Object.assign({ timeZone: zone, hour12: false }, options));
    } catch (e) {
      return new Intl.DateTimeFormat(language, Object.assign({ hour12: false }, options));
    }
  }

  var clock = timeFormat({ hour: '2-digit', minute: '2-digit' });
  var day = timeFormat({ day: '2-digit', month: '2-digit' });
  var full = timeFormat({ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });

  function axisTime(value) {
    var text = clock.format(new Date(value));
    return text === '00:00' || text === '24:00' ? day.format(new Date(value)) : text;
  }

  function tooltipTime(params) {
    var first = Array.isArray(params) ? params[0] : params;
    var lines = [full.format(new Date(first.value[0]))];
    (Array.isArray(params) ? params : [params]).forEach(function (p) {
      lines.push(p.marker + p.seriesName + ': ' + p.value[1].toLocaleString(language));
    });
    return lines.join('<br>');
  }

  function chartOption(spec, label) {
    if (spec.type === 'histogram' || spec.type === 'rate') {
      var bars = spec.type === 'histogram';
      return {
        animation: false,
        grid: { left: 56, right: 16, top: 16, bottom: 32 },
        tooltip: { trigger: 'axis', formatter: tooltipTime },
        xAxis: { type: 'time', axisLabel: { formatter: axisTime, hideOverlap: true } },
        yAxis: { type: 'value', minInterval: bars ? 1 : 0 },
        series: [{
          type: bars ? 'bar' : 'line', name: label, data: spec.points, showSymbol: false,
          barMaxWidth: 24, itemStyle: { color: accent }, areaStyle: bars ? undefined : { opacity: 0.15 }
        }]
      };
    }
    if (spec.type === 'datasets') {
      var names = spec.points.map(function (p) { return p[0]; }).reverse();
      var counts = spec.points.map(function (p) { return p[1]; }).reverse();
      return {
        animation: false,
        grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: names },
        series: [{ type: 'bar', name: label, data: counts, itemStyle: { color: accent }, barMaxWidth: 22 }]
      };
    }
    return null;
  }

  function render(el) {
    if (typeof echarts === 'undefined') {
      return;
    }
    var option = chartOption(JSON.parse(el.getAttribute('data-chart')), el.getAttribute('data-label') || '');
    if (option) {
      var chart = echarts.getInstanceByDom(el) || echarts.init(el);
      chart.setOption(option, true);
    }
  }

  function within(root, selector) {
    var found = Array.prototype.slice.call(root.querySelectorAll(selector));
    if (root.matches && root.matches(selector)) {
      found.push(root);
    }
    return found;
  }

  function renderAll(root) {
    within(root || document, '[data-chart]').forEach(render);
  }

  document.addEventListener('DOMContentLoaded', function () {
    renderAll(document);
    var range = document.getElementById('range');
    ['from', 'to'].forEach(function (id) {
      var input = document.getElementById(id);
      if (input && range) {
        input.addEventListener('change', function () {
          range.value = 'custom';
        });
      }
    });
    var toggle = document.querySelector('.menu-toggle');
    var nav = document.getElementById('site-nav');
    if (toggle && nav) {
      toggle.addEventListener('click', function () {
        var open = nav.classList.toggle('open');
        toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      });
    }
  });

  document.addEventListener('htmx:beforeSwap', function (event) {
    if (typeof echarts === 'undefined') {
      return;
    }
    within(event.detail.target, '[data-chart]').forEach(function (el) {
      var chart = echarts.getInstanceByDom(el);
      if (chart) {
        chart.dispose();
      }
    });
  });

  document.addEventListener('htmx:afterSettle', function (event) {
    renderAll(document);
    // an event opened from the table: take keyboard and screen-reader focus to it
    if (event.detail.target && event.detail.target.id === 'document') {
      var heading = event.detail.target.querySelector('h2, .notice');
      if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus();
      }
    }
  });

  window.addEventListener('resize', function () {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var chart = echarts.getInstanceByDom(el);
      if (chart) {
        chart.resize();
      }
    });
  });
}());
