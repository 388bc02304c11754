// letopis web page: hash routes over the JSON API. Text from documents is data, never markup:
// every node is built with createElement/textContent; innerHTML is never used.
import { h, api, query, formValues, TYPES, MODALITIES } from "./dom.js";
import { drawTimeline, drawNetwork, drawMap, drawBars } from "./charts.js";

const view = document.getElementById("view");

function route() {
  const [path, search] = location.hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(search || "");
  const parts = (path || "/search").split("/").filter(Boolean).map(decodeURIComponent);
  for (const a of document.querySelectorAll("nav a[data-nav]")) {
    a.classList.toggle("active", a.dataset.nav === (parts[0] === "doc" ? "search" : parts[0] === "entity" ? "entities" : parts[0]));
  }
  const pages = { search: searchPage, doc: documentPage, entity: entityPage, entities: entitiesPage, events: eventsPage };
  const page = pages[parts[0]] || searchPage;
  view.replaceChildren(h("p", { class: "meta" }, "Загрузка…"));
  page(parts.slice(1).join("/"), params).catch((error) => {
    view.replaceChildren(h("div", { class: "error" }, String(error.message || error)));
  });
}

function go(path, values) {
  const q = query(values);
  location.hash = path + (q ? "?" + q : "");
}

function select(name, options, value, label) {
  return h("label", {}, label, h("select", { name }, h("option", { value: "" }, "любой"),
    ...options.map((o) => h("option", { value: o, selected: o === value ? "" : null }, o))));
}

function field(name, value, label, attrs = {}) {
  return h("label", {}, label, h("input", { name, value: value || "", ...attrs }));
}

function eventFilterFields(params) {
  return [
    field("actor", params.get("actor"), "Актор (код)", { placeholder: "KAZ, EU…" }),
    select("type", TYPES, params.get("type"), "Тип события"),
    select("modality", MODALITIES, params.get("modality"), "Модальность"),
    field("location", params.get("location"), "Место"),
    field("since", params.get("since"), "С даты", { placeholder: "2020-01-01" }),
    field("until", params.get("until"), "По дату", { placeholder: "2020-12-31" }),
    field("source", params.get("source"), "Источник"),
  ];
}

function pager(path, params, total, limit) {
  const offset = Number(params.get("offset") || 0);
  const move = (delta) => () => go(path, { ...Object.fromEntries(params), offset: Math.max(0, offset + delta) });
  return h("div", { class: "pager" },
    h("button", { class: "plain", disabled: offset <= 0 ? "" : null, onclick: move(-limit) }, "← Назад"),
    h("span", { class: "meta" }, total ? `${offset + 1}–${Math.min(offset + limit, total)} из ${total}` : "0"),
    h("button", { class: "plain", disabled: offset + limit >= total ? "" : null, onclick: move(limit) }, "Дальше →"));
}

function highlighted(text, ranges) {
  const nodes = [];
  let at = 0;
  for (const [start, stop] of ranges) {
    if (start < at) continue;
    nodes.push(text.slice(at, start), h("mark", {}, text.slice(start, stop)));
    at = stop;
  }
  nodes.push(text.slice(at));
  return nodes;
}

async function searchPage(_, params) {
  const form = h("form", { class: "filters", role: "search" },
    h("div", { class: "wide" },
      h("input", { name: "q", value: params.get("q") || "", placeholder: "Слова в любой форме или \"фраза\"", "aria-label": "Запрос", type: "search" }),
      h("button", { type: "submit" }, "Искать")),
    h("label", { class: "check" }, h("input", { type: "checkbox", name: "expand", value: "true", checked: params.get("expand") ? "" : null }), "казахстанский → Казахстан"),
    ...eventFilterFields(params));
  form.addEventListener("submit", (event) => { event.preventDefault(); go("/search", formValues(form)); });
  const data = await api("/api/search", { ...Object.fromEntries(params), limit: 20 });
  const list = h("ul", { class: "results" }, ...data.items.map((hit) => h("li", {},
    h("a", { class: "title", href: `#/doc/${encodeURIComponent(hit.id)}` }, hit.headline || hit.doc_id),
    h("div", { class: "meta" }, [hit.published, hit.source, hit.doc_id].filter(Boolean).join(" · ")),
    h("div", { class: "snippet" }, ...highlighted(hit.snippet, hit.highlights)))));
  const terms = data.terms.length ? `Леммы запроса: ${data.terms.join(", ")}` : "Все документы, новые сверху";
  view.replaceChildren(h("h1", {}, "Поиск"), form, h("p", { class: "meta" }, terms),
    data.total ? list : h("p", { class: "empty" }, "Ничего не найдено."), pager("/search", params, data.total, 20));
}

function documentText(doc, onEntity) {
  // Cut the clean text at every mention and evidence boundary; each piece knows what covers it.
  const cuts = new Set([0, doc.text.length]);
  for (const m of doc.mentions) { cuts.add(m.start); cuts.add(m.stop); }
  const evidence = doc.events.filter((e) => e.evidence_start >= 0 && e.evidence_stop > e.evidence_start);
  for (const e of evidence) { cuts.add(e.evidence_start); cuts.add(e.evidence_stop); }
  const points = [...cuts].filter((n) => n >= 0 && n <= doc.text.length).sort((a, b) => a - b);
  const box = h("div", { class: "text", lang: "ru" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, stop] = [points[i], points[i + 1]];
    const piece = doc.text.slice(start, stop);
    const mention = doc.mentions.find((m) => m.start <= start && stop <= m.stop);
    let node = mention
      ? h("a", { class: `ent ent-${mention.type}`, href: `#/entity/${encodeURIComponent(mention.code || mention.entity)}`, title: `${mention.name} (${mention.type}${mention.code ? ", " + mention.code : ""})` }, piece)
      : document.createTextNode(piece);
    for (const e of evidence) {
      if (e.evidence_start <= start && stop <= e.evidence_stop) node = h("mark", { class: "evidence", "data-event": String(e.id) }, node);
    }
    box.append(node);
  }
  return box;
}

async function documentPage(id) {
  const doc = await api(`/api/documents/${encodeURIComponent(id)}`);
  const text = documentText(doc);
  const raw = h("pre", { class: "raw", hidden: "" }, doc.raw);
  const rawButton = h("button", { class: "plain", onclick: () => { raw.hidden = !raw.hidden; } }, "Исходный текст");
  const choose = (event, item) => {
    for (const li of events.querySelectorAll("li")) li.classList.toggle("active", li === item);
    const marks = text.querySelectorAll("mark.evidence");
    for (const m of marks) m.classList.toggle("active", m.dataset.event === String(event.id));
    const first = text.querySelector(`mark.evidence[data-event="${event.id}"]`);
    if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
  };
  const events = h("ul", { class: "events" }, ...doc.events.map((e) => {
    const item = h("li", { tabindex: "0" },
      h("span", { class: "tag" }, e.type), h("span", { class: "meta" }, `${e.modality} · ${e.date || "дата?"} · ${Number(e.confidence).toFixed(2)}`),
      h("div", {}, actorLinks(e.sources), " → ", actorLinks(e.targets)),
      e.location ? h("div", { class: "meta" }, "Место: " + (e.location.name || e.location.country)) : "",
      h("div", { class: "meta" }, "«" + e.evidence + "»"));
    item.addEventListener("click", () => choose(e, item));
    item.addEventListener("keydown", (k) => { if (k.key === "Enter") choose(e, item); });
    return item;
  }));
  const legend = h("div", { class: "legend" }, ...["PER", "LOC", "ORG", "PROGRAMME"].map((t) => h("span", { class: `ent ent-${t}` }, t)));
  view.replaceChildren(
    h("h1", {}, doc.headline || doc.doc_id),
    h("p", { class: "meta" }, [doc.published, doc.source, doc.doc_id, doc.url].filter(Boolean).join(" · ")),
    h("div", { class: "doc" },
      h("section", { class: "panel" }, legend, text, h("p", {}, rawButton, " ", h("a", { href: `/api/documents/${encodeURIComponent(doc.id)}/raw` }, "raw"), " ", h("a", { href: `/api/documents/${encodeURIComponent(doc.id)}` }, "JSON")), raw),
      h("aside", { class: "panel" }, h("h2", {}, `События (${doc.events.length})`),
        doc.events.length ? events : h("p", { class: "empty" }, "Событий не найдено."))));
  if (doc.events.length) choose(doc.events[0], events.firstChild);
}

function actorLinks(actors) {
  const span = h("span", {});
  actors.forEach((a, i) => { if (i) span.append(", "); span.append(h("a", { href: `#/entity/${encodeURIComponent(a)}` }, a)); });
  return span;
}

function eventsTable(events) {
  if (!events.length) return h("p", { class: "empty" }, "Событий нет.");
  return h("table", {}, h("thead", {}, h("tr", {}, ...["Дата", "Тип", "Кто", "Кому", "Свидетельство"].map((t, i) => h("th", { class: i === 4 ? "hide-narrow" : "" }, t)))),
    h("tbody", {}, ...events.map((e) => h("tr", {},
      h("td", {}, e.date || "—"), h("td", {}, h("span", { class: "tag" }, e.type)),
      h("td", {}, actorLinks(e.sources)), h("td", {}, actorLinks(e.targets)),
      h("td", { class: "hide-narrow" }, h("a", { href: `#/doc/${encodeURIComponent(e.document_id)}` }, e.evidence))))));
}

async function entityPage(code) {
  let entity;
  try {
    entity = await api(`/api/entities/${encodeURIComponent(code)}`);
  } catch (error) {
    // An actor that never appears as a linked entity still has events: show those.
    entity = { key: code, name: code, type: "", code, timeline: [], documents: [], co_actors: [] };
    entity.events = (await api("/api/events", { actor: code, limit: 200, sort: "-date" })).items;
  }
  const actor = entity.code || entity.name;
  view.replaceChildren(
    h("h1", {}, entity.name),
    h("p", { class: "meta" }, [entity.type, entity.kind, entity.code, entity.country].filter(Boolean).join(" · ")),
    h("div", { class: "grid2" },
      h("section", { class: "panel" }, h("h2", {}, "Упоминания по месяцам"), drawBars(entity.timeline.map((t) => [t.period, t.mentions]))),
      h("section", { class: "panel" }, h("h2", {}, "Вместе с акторами"),
        entity.co_actors.length ? h("ul", {}, ...entity.co_actors.map((c) => h("li", {}, h("a", { href: `#/entity/${encodeURIComponent(c.actor)}` }, c.actor), ` — ${c.events}`)))
          : h("p", { class: "empty" }, "Нет общих событий."))),
    h("section", { class: "panel" }, h("h2", {}, `События (${entity.events.length})`),
      h("p", {}, h("a", { href: `#/events?actor=${encodeURIComponent(actor)}` }, "Открыть в обозревателе событий")), eventsTable(entity.events)),
    h("section", { class: "panel" }, h("h2", {}, "Документы"),
      h("ul", {}, ...entity.documents.map((d) => h("li", {}, h("a", { href: `#/doc/${encodeURIComponent(d.id)}` }, d.headline || d.doc_id), h("span", { class: "meta" }, ` ${d.published || ""} · ${d.mentions}`))))));
}

async function entitiesPage(_, params) {
  const form = h("form", { class: "filters" }, field("name", params.get("name"), "Имя содержит"),
    select("type", ["PER", "LOC", "ORG", "PROGRAMME"], params.get("type"), "Тип"), h("label", {}, "\u00a0", h("button", { type: "submit" }, "Показать")));
  form.addEventListener("submit", (event) => { event.preventDefault(); go("/entities", formValues(form)); });
  const data = await api("/api/entities", { ...Object.fromEntries(params), limit: 50 });
  view.replaceChildren(h("h1", {}, "Сущности"), form,
    h("table", {}, h("tbody", {}, ...data.items.map((e) => h("tr", {},
      h("td", {}, h("a", { class: `ent ent-${e.type}`, href: `#/entity/${encodeURIComponent(e.code || e.key)}` }, e.name)),
      h("td", {}, e.type), h("td", {}, e.code || ""), h("td", {}, `${e.mentions} упом.`), h("td", { class: "hide-narrow" }, `${e.documents} док.`))))),
    pager("/entities", params, data.total, 50));
}

async function eventsPage(_, params) {
  const form = h("form", { class: "filters" }, ...eventFilterFields(params), h("label", {}, "\u00a0", h("button", { type: "submit" }, "Применить")));
  form.addEventListener("submit", (event) => { event.preventDefault(); go("/events", formValues(form)); });
  const filters = Object.fromEntries(params);
  const data = await api("/api/events", { ...filters, summary: "true", limit: 50, sort: "-date" });
  const exportQuery = query({ ...filters, offset: undefined });
  const exports = h("p", {},
    h("a", { class: "button", href: `/api/export/events?format=csv${exportQuery ? "&" + exportQuery : ""}`, download: "events.csv" }, "Экспорт CSV"), " ",
    h("a", { class: "button", href: `/api/export/events?format=jsonl${exportQuery ? "&" + exportQuery : ""}`, download: "events.jsonl" }, "Экспорт JSONL"));
  const s = data.summary;
  view.replaceChildren(h("h1", {}, "События"), form,
    h("p", { class: "meta", id: "event-total" }, `Найдено событий: ${data.total}`), exports,
    h("section", { class: "panel", id: "timeline" }, h("h2", {}, "Динамика по типам"), drawTimeline(s.timeline)),
    h("div", { class: "grid2" },
      h("section", { class: "panel" }, h("h2", {}, "Сеть акторов"), drawNetwork(s.network, (id) => go("/events", { ...filters, actor: id, offset: undefined }))),
      h("section", { class: "panel", id: "map" }, h("h2", {}, "Карта"), await drawMap(s.locations))),
    h("section", { class: "panel" }, h("h2", {}, "Список"), eventsTable(data.items), pager("/events", params, data.total, 50)));
}

window.addEventListener("hashchange", route);
route();
