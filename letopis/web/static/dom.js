// DOM helpers: elements from createElement and text nodes only (document text is never markup).
export const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
export const MODALITIES = ["asserted", "planned", "negated", "hypothetical"];
const SVG_NS = "http://www.w3.org/2000/svg";
const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
  "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"];

export function colorOf(type) {
  const i = TYPES.indexOf(type);
  return PALETTE[(i < 0 ? TYPES.length : i) % PALETTE.length];
}

function fill(element, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === "") continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function h(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

export function query(values) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== "" && !(key === "offset" && Number(value) === 0)) params.set(key, value);
  }
  return params.toString();
}

export function formValues(form) {
  const values = {};
  for (const [key, value] of new FormData(form).entries()) if (String(value).trim()) values[key] = String(value).trim();
  return values;
}

export async function api(path, values = {}) {
  const q = query(values);
  const response = await fetch(path + (q ? "?" + q : ""), { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = body.message || (Array.isArray(body.detail) ? body.detail.map((d) => `${d.loc.join(".")}: ${d.msg}`).join("; ") : body.detail);
    throw new Error(`${response.status}: ${detail || response.statusText}`);
  }
  return body;
}
