// Small SVG charts: stacked timeline, actor network (circle layout), world map from world-atlas.
import { h, svg, colorOf } from "./dom.js";

const empty = (text) => h("p", { class: "empty" }, text);

export function drawBars(pairs) {
  if (!pairs.length) return empty("Нет данных.");
  const width = 600, height = 160, pad = 24, max = Math.max(...pairs.map((p) => p[1]));
  const step = (width - pad) / pairs.length;
  return svg("svg", { viewBox: `0 0 ${width} ${height + 30}`, role: "img", "aria-label": "Упоминания по месяцам" },
    ...pairs.map(([label, value], i) => {
      const bar = (value / max) * height;
      return svg("g", {}, svg("rect", { x: pad + i * step + 2, y: height - bar, width: Math.max(2, step - 4), height: bar, fill: "#1f5fbf" }, svg("title", {}, `${label}: ${value}`)),
        pairs.length <= 24 || i % Math.ceil(pairs.length / 12) === 0 ? svg("text", { x: pad + i * step + 2, y: height + 14 }, label) : null);
    }), svg("text", { x: 0, y: 12 }, String(max)));
}

export function drawTimeline(all) {
  const rows = all.filter((r) => r.period !== "unknown");
  const undated = all.filter((r) => r.period === "unknown").reduce((n, r) => n + r.events, 0);
  if (!rows.length) return empty(undated ? `Событий без даты: ${undated}.` : "Нет событий для этих фильтров.");
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const types = [...new Set(rows.map((r) => r.type))].sort();
  const totals = Object.fromEntries(periods.map((p) => [p, 0]));
  for (const r of rows) totals[r.period] += r.events;
  const max = Math.max(...Object.values(totals));
  const width = 1000, height = 180, pad = 30, step = (width - pad) / periods.length;
  const base = Object.fromEntries(periods.map((p) => [p, 0]));
  const bars = rows.map((r) => {
    const i = periods.indexOf(r.period), bar = (r.events / max) * height, y = height - base[r.period] - bar;
    base[r.period] += bar;
    return svg("rect", { x: pad + i * step + 1, y, width: Math.max(2, step - 2), height: bar, fill: colorOf(r.type), "data-type": r.type },
      svg("title", {}, `${r.period} ${r.type}: ${r.events}`));
  });
  const every = Math.ceil(periods.length / 14);
  const labels = periods.map((p, i) => (i % every === 0 ? svg("text", { x: pad + i * step + 1, y: height + 14 }, p) : null));
  return h("div", {}, svg("svg", { viewBox: `0 0 ${width} ${height + 22}`, role: "img", "aria-label": "События по месяцам и типам", "data-bars": String(rows.length) },
    svg("text", { x: 0, y: 12 }, String(max)), ...bars, ...labels),
  undated ? h("p", { class: "meta" }, `Ещё без даты: ${undated}`) : null,
  h("div", { class: "chart-legend" }, ...types.map((t) => h("span", {}, svg("svg", { class: "swatch", viewBox: "0 0 10 10" }, svg("rect", { width: 10, height: 10, fill: colorOf(t) })), t))));
}

export function drawNetwork(network, onPick) {
  const nodes = network.nodes.slice(0, 40);
  if (!nodes.length) return empty("Нет пар акторов.");
  const size = 420, r = 150, c = size / 2, max = Math.max(...network.edges.map((e) => e.events));
  const at = Object.fromEntries(nodes.map((n, i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [n.id, [c + r * Math.cos(angle), c + r * Math.sin(angle), angle]];
  }));
  const edges = network.edges.filter((e) => at[e.source] && at[e.target]).map((e) => {
    const [x1, y1] = at[e.source], [x2, y2] = at[e.target];
    return svg("line", { x1, y1, x2, y2, stroke: "#1f5fbf", "stroke-opacity": 0.5, "stroke-width": 1 + (4 * e.events) / max },
      svg("title", {}, `${e.source} → ${e.target}: ${e.events}`));
  });
  const points = nodes.map((n) => {
    const [x, y, angle] = at[n.id], right = Math.cos(angle) >= 0;
    const g = svg("g", { class: "node", tabindex: "0", role: "button" },
      svg("circle", { cx: x, cy: y, r: 4 + Math.sqrt(n.events), fill: "#b3261e" }),
      svg("text", { x: x + (right ? 9 : -9), y: y + 4, "text-anchor": right ? "start" : "end" }, n.id.length > 20 ? n.id.slice(0, 19) + "…" : n.id),
      svg("title", {}, `${n.id}: ${n.events}`));
    g.addEventListener("click", () => onPick(n.id));
    return g;
  });
  return svg("svg", { viewBox: `-150 0 ${size + 300} ${size}`, role: "img", "aria-label": "Сеть акторов" }, ...edges, ...points);
}

let atlas = null;

export async function drawMap(locations) {
  if (!window.topojson) return empty("Карта недоступна.");
  if (!atlas) atlas = await (await fetch("/static/vendor/countries-110m.json")).json();
  const width = 960, height = 480;
  const project = ([lon, lat]) => [((lon + 180) / 360) * width, ((90 - lat) / 180) * height];
  const counts = {};
  for (const l of locations) if (l.numeric) counts[l.numeric] = (counts[l.numeric] || 0) + l.events;
  const max = Math.max(1, ...Object.values(counts));
  const countries = window.topojson.feature(atlas, atlas.objects.countries).features.map((f) => {
    const d = pathOf(f.geometry, project);
    const n = counts[f.id];
    return svg("path", { d, class: "country", fill: n ? `rgba(179, 38, 30, ${0.2 + (0.8 * n) / max})` : null },
      svg("title", {}, `${f.properties.name}${n ? ": " + n : ""}`));
  });
  const dots = locations.filter((l) => l.latitude !== null && l.longitude !== null).map((l) => {
    const [x, y] = project([l.longitude, l.latitude]);
    return svg("circle", { cx: x, cy: y, r: 3 + Math.sqrt(l.events), fill: "#1f5fbf", "fill-opacity": 0.7 }, svg("title", {}, `${l.name}: ${l.events}`));
  });
  const note = locations.length ? null : empty("У событий нет мест.");
  return h("div", {}, svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Карта мест событий" }, ...countries, ...dots), note);
}

function pathOf(geometry, project) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  let d = "";
  for (const polygon of polygons) {
    for (const ring of polygon) {
      let previous = null;
      ring.forEach((point, i) => {
        const [x, y] = project(point);
        // A ring that crosses the antimeridian would smear across the map: start a new piece.
        const jump = previous && Math.abs(x - previous) > 480;
        d += (i === 0 || jump ? "M" : "L") + x.toFixed(1) + "," + y.toFixed(1);
        previous = x;
      });
      d += "Z";
    }
  }
  return d;
}
