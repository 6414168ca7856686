// Shared by the journeys: a wx shim (wx.request over fetch, wx.login over the sandbox, storage in memory), the
// compiled client, sandbox controls, staff sessions, and made-up people with valid 身份证号.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
/** The compiled client, exactly as the mini-program will run it. */
export const { MiniAppClient, ApiError, stationCodeOf, decodeScene } = require("../client/dist/index.js");

export const API = process.env.MINIAPP_API_URL ?? "http://127.0.0.1:18080";
export const SANDBOX = process.env.MINIAPP_SANDBOX_URL ?? "http://127.0.0.1:18081";

const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`.toUpperCase();
let counter = 0;
export const unique = (prefix = "") => `${prefix}${runId}${(++counter).toString(36).toUpperCase()}`;

/**
 * One phone: its own openid (wx.login codes come from the sandbox for it), its own storage, and a log of calls.
 * wx.request follows the mini-program's contract: success for every HTTP answer (any status), fail only when no
 * answer arrived (errMsg "request:fail ..."), data parsed as JSON when dataType is json.
 */
export function createWx({ openid = unique("o_journey_") } = {}) {
  const storage = new Map();
  const calls = { login: 0, requests: [] };
  const wx = {
    openid,
    calls,
    storage,
    getStorageSync: (key) => (storage.has(key) ? structuredClone(storage.get(key)) : ""),
    setStorageSync: (key, value) => void storage.set(key, structuredClone(value)),
    removeStorageSync: (key) => void storage.delete(key),
    login({ success, fail }) {
      calls.login++;
      sandbox("POST", "/__sandbox/login-codes", { openid })
        .then((r) => success?.({ code: r.code, errMsg: "login:ok" }))
        .catch((e) => fail?.({ errMsg: "login:fail " + e.message }));
    },
    request({ url, method = "GET", data, header = {}, timeout = 60000, dataType = "json", success, fail }) {
      calls.requests.push({ method, url, header: { ...header } });
      let body;
      if (data !== undefined && method !== "GET") body = typeof data === "string" ? data : JSON.stringify(data);
      fetch(url, { method, headers: header, body, signal: AbortSignal.timeout(timeout) })
        .then(async (res) => {
          const text = await res.text();
          let parsed = text;
          if (dataType === "json" && text) {
            try { parsed = JSON.parse(text); } catch { /* as WeChat: the raw string */ }
          }
          const headers = {};
          res.headers.forEach((v, k) => { headers[k] = v; });
          success?.({ statusCode: res.status, data: parsed, header: headers, errMsg: "request:ok" });
        })
        .catch((e) => fail?.({ errMsg: e?.name === "TimeoutError" ? "request:fail timeout" : "request:fail " + e.message }));
    },
  };
  return wx;
}

/** A worker's phone with the client on it. */
export function worker(options) {
  const wx = createWx(options);
  const client = new MiniAppClient({ baseUrl: API, wx, timeoutMs: 15000 });
  return { wx, client, openid: wx.openid };
}

export async function sandbox(method, path, body) {
  const res = await fetch(SANDBOX + path, {
    method,
    headers: body ? { "Content-Type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`sandbox ${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A staff session through the same client (reviewer, keeper, admin). */
export async function staff(username, password = "demo-Passw0rd") {
  const wx = createWx();
  const client = new MiniAppClient({ baseUrl: API, wx, timeoutMs: 15000 });
  const login = await client.staffLogin(username, password);
  return { client, login, token: login.token };
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
let idSerial = Math.floor(Math.random() * 1000);

/** A valid 身份证号 (GB 11643, MOD 11-2): 530427 (新平), born around 1988, unique per run. */
export function newIdNumber() {
  idSerial++;
  const day = new Date(Date.UTC(1988, 0, 1) + ((Date.now() / 1000 + process.pid + idSerial * 7919) % 3650 | 0) * 86400000);
  const birth = day.toISOString().slice(0, 10).replaceAll("-", "");
  const seq = String((process.pid * 31 + idSerial) % 1000).padStart(3, "0");
  const body = `530427${birth}${seq}`;
  const sum = [...body].reduce((s, c, i) => s + Number(c) * WEIGHTS[i], 0);
  return body + "10X98765432"[sum % 11];
}

/** The same number with a wrong check digit. */
export function badIdNumber() {
  const good = newIdNumber();
  const wrong = good.at(-1) === "1" ? "2" : "1";
  return good.slice(0, 17) + wrong;
}

export const newPhone = () => "139" + String(Math.floor(Math.random() * 1e8)).padStart(8, "0");

/** A complete application form. */
export function form(idNumber, phone, overrides = {}) {
  return {
    name: "张三丰",
    idNumber,
    phone,
    ethnicity: "01",
    education: "senior_high",
    politicalStatus: "13",
    hukouType: "agricultural",
    isMigrantWorker: true,
    group: "truck_driver",
    employmentForm: "affiliated",
    employer: null,
    platform: null,
    residenceTownship: "530427001",
    stationScene: null,
    consent: { version: "2026-11", agreedAt: new Date(Date.now() - 60000).toISOString() },
    ...overrides,
  };
}

/** A logged-in worker with a bound phone. */
export async function workerWithPhone() {
  const w = worker();
  await w.client.login();
  const phone = newPhone();
  const { code } = await sandbox("POST", "/__sandbox/phone-codes", { openid: w.openid, phoneNumber: phone });
  await w.client.bindPhone(code);
  return { ...w, phone };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Awaits a promise that must reject with an ApiError, and returns the error. */
export async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected an ApiError");
}
