// Every answer the drill's clients and probes receive, counted by status, problem code and endpoint, with the time it
// arrived on the drill's monotonic clock.
import { performance } from "node:perf_hooks";
import { API, createWx } from "../../miniprogram-contract/tests/helpers.mjs";

/** Milliseconds since the drill began (monotonic). */
export const now = () => performance.now();

const ENDPOINTS = [
  ["POST", /^\/api\/auth\/login$/, "login"],
  ["POST", /^\/api\/me\/phone$/, "phone"],
  ["POST", /^\/api\/me\/subscriptions$/, "subscribe"],
  ["POST", /^\/api\/applications$/, "submit"],
  ["POST", /^\/api\/staff\/auth\/login$/, "staff login"],
  ["POST", /^\/api\/staff\/applications\/\d+\/approve$/, "approve"],
  ["POST", /^\/api\/staff\/hangfire-token$/, "dash link"],
  ["POST", /^\/hangfire\/recurring\/trigger$/, "trigger"],
  ["GET", /^\/hangfire/, "hangfire"],
  ["GET", /^\/health\/ready$/, "ready"],
];

/** Columns of the answers table, in this order (anything else after them). */
export const ENDPOINT_ORDER = ENDPOINTS.map(([, , name]) => name);

export function endpointOf(method, url) {
  const path = new URL(url).pathname;
  for (const [m, pattern, name] of ENDPOINTS) if (m === method && pattern.test(path)) return name;
  return `${method} ${path.replace(/\/\d+(?=\/|$)/g, "/{id}")}`;
}

export class Answers {
  constructor() {
    /** key "status code" → { status, code, byEndpoint: Map, retryAfter } */
    this.rows = new Map();
    this.endpoints = [];
    /** endpoint → the longest wait for an answer (or for giving up), ms */
    this.slowest = new Map();
  }

  /** One HTTP answer after ms; data is the parsed body (a problem carries its code). */
  record(method, url, ms, status, data, header = {}) {
    const code = data && typeof data === "object" && typeof data.code === "string" ? data.code : "";
    const retryAfter = Object.keys(header).some((k) => k.toLowerCase() === "retry-after");
    this.add(endpointOf(method, url), ms, String(status), code, retryAfter);
  }

  /** A request that got no answer (connection refused or reset, timeout). */
  noAnswer(method, url, ms, errMsg) {
    this.add(endpointOf(method, url), ms, "none", /timeout/i.test(errMsg ?? "") ? "timeout" : "network", false);
  }

  add(endpoint, ms, status, code, retryAfter) {
    this.slowest.set(endpoint, Math.max(this.slowest.get(endpoint) ?? 0, ms));
    const key = `${status} ${code}`;
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = { status, code, byEndpoint: new Map(), retryAfter: 0, total: 0 }));
    row.byEndpoint.set(endpoint, (row.byEndpoint.get(endpoint) ?? 0) + 1);
    row.total++;
    if (retryAfter) row.retryAfter++;
    if (!this.endpoints.includes(endpoint)) this.endpoints.push(endpoint);
  }

  /** Answers 5xx other than 503. */
  get serverErrors() {
    let count = 0;
    for (const row of this.rows.values()) if (/^5\d\d$/.test(row.status) && row.status !== "503") count += row.total;
    return count;
  }

  count(status) {
    let count = 0;
    for (const row of this.rows.values()) if (row.status === String(status)) count += row.total;
    return count;
  }
}

/** The journeys' wx shim (one phone), with every answer counted. */
export function countedWx(answers, openid) {
  const wx = createWx({ openid });
  const request = wx.request;
  wx.request = (options) => {
    const started = now();
    return request({
      ...options,
      success: (res) => {
        answers.record(options.method ?? "GET", options.url, now() - started, res.statusCode, res.data, res.header);
        options.success?.(res);
      },
      fail: (err) => {
        answers.noAnswer(options.method ?? "GET", options.url, now() - started, err.errMsg);
        options.fail?.(err);
      },
    });
  };
  return wx;
}

/** A plain request outside the client (probes, the dashboard), counted; never throws. */
export async function probe(answers, method, path, { token, body, contentType, timeoutMs = 15000 } = {}) {
  const url = API + path;
  const headers = {};
  if (token) headers.Authorization = "Bearer " + token;
  if (body !== undefined) headers["Content-Type"] = contentType ?? "application/json";
  const started = now();
  try {
    const res = await fetch(url, { method, headers, body, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    let data = text;
    try { data = JSON.parse(text); } catch { /* HTML or empty */ }
    const header = {};
    res.headers.forEach((v, k) => { header[k] = v; });
    answers.record(method, url, now() - started, res.status, data, header);
    return { status: res.status, data, ms: now() - started, at: now() };
  } catch (error) {
    const errMsg = error?.name === "TimeoutError" ? "timeout" : String(error?.message);
    answers.noAnswer(method, url, now() - started, errMsg);
    return { status: 0, data: errMsg, ms: now() - started, at: now() };
  }
}

/** A staff member's bearer token (the demo password), through a counted request. */
export async function staffToken(answers, username, password = "demo-Passw0rd") {
  const answer = await probe(answers, "POST", "/api/staff/auth/login", { body: JSON.stringify({ username, password }) });
  if (answer.status !== 200) throw new Error(`staff login ${username}: ${answer.status} ${JSON.stringify(answer.data)}`);
  return answer.data.token;
}
