// Clinigate reviewer console: a small client of the /v1/drafts API. The credential lives in this tab's
// sessionStorage only; every text is placed with textContent, never as HTML.
"use strict";
const $ = (id) => document.getElementById(id);
const state = { status: "preliminary", draft: null };
// Phrases that the output rails flag, highlighted inline when the draft carries that rule.
const HIGHLIGHTS = {
  "certainty-language": /\b(definitely|certainly|rules out|ruled out|the diagnosis is|100%|without doubt)\b/gi,
  "dose": /\b\d+(?:\.\d+)?\s?(?:mg|mcg|g|ml|units?)(?:\/kg)?\b/gi,
};

function credential() { return sessionStorage.getItem("clinigate.credential"); }

async function api(method, path, body) {
  const headers = { "Authorization": "Bearer " + credential() };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (!r.ok) {
    const message = json && json.error ? json.error.message : ("HTTP " + r.status);
    const err = new Error(message); err.status = r.status; throw err;
  }
  return json;
}

// Single sign-on: the authorization code flow with PKCE. The browser signs in at the identity provider; the gateway
// redeems the code (POST /console/sso/token) and hands back a bearer token, kept like a pasted one.
let sso = { enabled: false };

function b64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomString(n) { const a = new Uint8Array(n); crypto.getRandomValues(a); return b64url(a); }

function redirectUri() { return location.origin + "/console/index.html"; }

async function ssoStart() {
  const verifier = randomString(48);
  const state = randomString(16);
  const challenge = b64url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  sessionStorage.setItem("clinigate.sso", JSON.stringify({ verifier, state }));
  const u = new URL(sso.authorization_endpoint);
  for (const [k, v] of Object.entries({ response_type: "code", client_id: sso.client_id, redirect_uri: redirectUri(),
    scope: sso.scope, state, code_challenge: challenge, code_challenge_method: "S256" })) u.searchParams.set(k, v);
  location.assign(u.toString());
}

async function ssoFinish(params) {
  const saved = JSON.parse(sessionStorage.getItem("clinigate.sso") || "null");
  sessionStorage.removeItem("clinigate.sso");
  history.replaceState(null, "", location.pathname);
  if (params.get("error")) throw new Error("Single sign-on failed: " + params.get("error").slice(0, 80));
  if (!saved || params.get("state") !== saved.state) throw new Error("Single sign-on failed: the answer does not belong to this sign-in. Try again.");
  const r = await fetch("/console/sso/token", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ code: params.get("code"), code_verifier: saved.verifier, redirect_uri: redirectUri() }) });
  const json = await r.json().catch(() => null);
  if (!r.ok) throw new Error(json && json.error ? json.error.message : "HTTP " + r.status);
  sessionStorage.setItem("clinigate.credential", json.token);
}

function show(section) {
  for (const id of ["sign-in", "queue", "draft", "audit"]) $(id).hidden = id !== section;
  $("nav").hidden = section === "sign-in";
}

async function signIn(event) {
  event.preventDefault();
  sessionStorage.setItem("clinigate.credential", $("credential").value.trim());
  $("credential").value = "";
  try {
    await start();
  } catch (e) {
    sessionStorage.removeItem("clinigate.credential");
    $("sign-in-error").textContent = e.status === 401 ? "That key or token was not accepted." : e.message;
    show("sign-in");
  }
}

/** Reviewers and clinicians land on the queue; an admin, who may not read drafts, on the audit trail. */
async function start() {
  try {
    await loadQueue("preliminary");
    probeAdmin();
  } catch (e) {
    if (e.status !== 403) throw e;
    await loadAudit();
    $("audit-tab").hidden = false;
    for (const b of document.querySelectorAll("nav .tab[data-status]")) b.hidden = true;
  }
}

async function probeAdmin() {
  try { await api("GET", "/v1/audit?limit=1"); $("audit-tab").hidden = false; } catch (e) { $("audit-tab").hidden = true; }
}

function cell(text, cls) { const td = document.createElement("td"); td.textContent = text; if (cls) td.className = cls; return td; }

async function loadQueue(status) {
  state.status = status;
  const data = await api("GET", "/v1/drafts?status=" + encodeURIComponent(status));
  const rows = $("queue-rows");
  rows.replaceChildren();
  for (const d of data.drafts) {
    const tr = document.createElement("tr");
    tr.dataset.id = d.id;
    tr.append(cell(d.task), cell(new Date(d.created).toLocaleString()), cell(d.model || ""), cell(String(d.flags)),
      cell(d.edited ? "yes" : ""), cell(d.reviewer || ""));
    tr.addEventListener("click", () => openDraft(d.id));
    rows.append(tr);
  }
  $("queue-empty").hidden = data.drafts.length > 0;
  $("queue-title").textContent = { preliminary: "To review", final: "Signed", rejected: "Rejected" }[status];
  for (const b of document.querySelectorAll("nav .tab[data-status]")) b.classList.toggle("active", b.dataset.status === status);
  $("audit-tab").classList.remove("active");
  show("queue");
}

function highlighted(text, rules) {
  const frag = document.createDocumentFragment();
  const marks = [];
  for (const rule of rules) {
    for (const [family, re] of Object.entries(HIGHLIGHTS)) {
      if (!rule.includes(family)) continue;
      for (const m of text.matchAll(re)) marks.push([m.index, m.index + m[0].length, rule]);
    }
  }
  marks.sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const [s, e, rule] of marks) {
    if (s < at) continue;
    frag.append(document.createTextNode(text.slice(at, s)));
    const mark = document.createElement("mark");
    mark.className = "flagged"; mark.title = rule; mark.textContent = text.slice(s, e);
    frag.append(mark);
    at = e;
  }
  frag.append(document.createTextNode(text.slice(at)));
  return frag;
}

function render(d) {
  state.draft = d;
  $("draft-title").textContent = d.task + " · " + d.status;
  $("draft-title").className = "status-" + d.status;
  $("draft-meta").textContent = "Model " + (d.model || "?") + ", prompt " + (d.prompt_version || "?") + ", version " + d.version
    + (d.reviewer ? ", reviewed by " + d.reviewer : "") + (d.reject_reason ? " — rejected: " + d.reject_reason : "");
  $("flags").replaceChildren(...d.flag_rules.map((f) => { const s = document.createElement("span"); s.className = "flag"; s.textContent = f; return s; }));
  $("text-view").replaceChildren(highlighted(d.text, d.flag_rules));
  $("text-view").hidden = false;
  $("text-edit").hidden = true;
  $("original").textContent = d.original_text;
  $("sources").replaceChildren(...d.sources.map((s) => { const li = document.createElement("li"); li.textContent = s; return li; }));
  const open = d.status === "preliminary";
  $("actions").hidden = !open;
  $("save").hidden = true; $("edit").hidden = false;
  $("reject-form").hidden = true;
  $("draft-error").textContent = "";
  show("draft");
}

async function openDraft(id) {
  try { render(await api("GET", "/v1/drafts/" + encodeURIComponent(id))); } catch (e) { alert(e.message); }
}

async function change(method, path, body) {
  try {
    render(await api(method, path, Object.assign({ version: state.draft.version }, body)));
  } catch (e) {
    $("draft-error").textContent = e.status === 409
      ? "Someone changed this draft meanwhile. Reload it before deciding: " + e.message
      : e.message;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("sign-in-form").addEventListener("submit", signIn);
  for (const b of document.querySelectorAll("nav .tab[data-status]")) b.addEventListener("click", () => loadQueue(b.dataset.status));
  $("audit-tab").addEventListener("click", loadAudit);
  $("sign-out").addEventListener("click", () => {
    sessionStorage.removeItem("clinigate.credential");
    for (const b of document.querySelectorAll("nav .tab[data-status]")) b.hidden = false;
    $("audit-tab").hidden = true;
    show("sign-in");
  });
  $("back").addEventListener("click", (e) => { e.preventDefault(); loadQueue(state.status); });
  $("edit").addEventListener("click", () => {
    $("text-edit").value = state.draft.text; $("text-edit").hidden = false; $("text-view").hidden = true;
    $("save").hidden = false; $("edit").hidden = true; $("text-edit").focus();
  });
  $("save").addEventListener("click", () => change("PUT", "/v1/drafts/" + state.draft.id, { text: $("text-edit").value }));
  $("sign").addEventListener("click", () => change("POST", "/v1/drafts/" + state.draft.id + "/sign", {}));
  $("reject").addEventListener("click", () => { $("reject-form").hidden = false; $("reason").focus(); });
  $("reject-form").addEventListener("submit", (e) => { e.preventDefault(); change("POST", "/v1/drafts/" + state.draft.id + "/reject", { reason: $("reason").value }); });
  $("sso-button").addEventListener("click", () => ssoStart().catch((e) => { $("sign-in-error").textContent = e.message; }));
  fetch("/console/sso.json").then((r) => r.json()).then((cfg) => { sso = cfg; $("sso").hidden = !cfg.enabled; }).catch(() => {});
  const params = new URLSearchParams(location.search);
  if (params.has("code") || params.has("error")) {
    ssoFinish(params).then(start).catch((e) => {
      sessionStorage.removeItem("clinigate.credential");
      $("sign-in-error").textContent = e.message;
      show("sign-in");
    });
  } else if (credential()) { start().catch(() => show("sign-in")); } else { show("sign-in"); }
});

async function loadAudit() {
  const data = await api("GET", "/v1/audit?limit=200");
  const rows = $("audit-rows");
  rows.replaceChildren();
  for (const r of data.records) {
    const tr = document.createElement("tr");
    tr.append(cell(String(r.sequence)), cell(new Date(r.time).toLocaleString()), cell(r.tenant), cell(r.principal),
      cell(r.role), cell(r.endpoint), cell(r.outcome + " " + r.status + (r.error ? " " + r.error : "")));
    rows.append(tr);
  }
  for (const b of document.querySelectorAll("nav .tab")) b.classList.remove("active");
  $("audit-tab").classList.add("active");
  show("audit");
}
