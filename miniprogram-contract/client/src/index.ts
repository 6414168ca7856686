// A thin client for the 新平县职工入会 API over wx.request. See ../README.md for the contract it implements.
//
// - login: wx.login → POST /api/auth/login; the token is kept with wx.setStorageSync.
// - a 401 on a request that carried a worker token logs in again once and replays the request once.
// - POST /api/applications carries an Idempotency-Key that stays the same across retries of the same submission.
// - failures become ApiError {code, message} ready for wx.showToast({title: e.message, icon: 'none'}).
// - every request has a timeout; only safe requests (GET, and POSTs with an Idempotency-Key) are retried, on a
//   network failure or a 503, after Retry-After.
import type { components } from "./schema";

export type Schemas = components["schemas"];
export type { components, paths } from "./schema";

export type Method = "GET" | "POST" | "PUT" | "DELETE";

export interface ClientOptions {
  /** e.g. https://api.example.com (no trailing slash). */
  baseUrl: string;
  /** Per attempt, in milliseconds. Default 10 000. */
  timeoutMs?: number;
  /** Retries of a safe request after a network failure or a 503. Default 2. */
  maxRetries?: number;
  /** Longest wait honoured from Retry-After, in milliseconds. Default 10 000. */
  maxRetryDelayMs?: number;
  /** Storage key prefix. Default "miniapp.". */
  storagePrefix?: string;
  /** The wx object; defaults to the global one (tests pass a shim). */
  wx?: WechatMiniprogram.Wx;
}

/** A failure ready to show: wx.showToast({ title: error.message, icon: 'none' }). */
export class ApiError extends Error {
  /** The problem's stable code (README: error codes), or network_error / timeout for failures without an answer. */
  readonly code: string;
  /** HTTP status; 0 when no answer arrived. */
  readonly status: number;
  /** Messages per form field for validation_failed (field names as the JSON body spells them). */
  readonly fieldErrors: Record<string, string[]>;
  readonly requestId?: string;
  /** The whole problem details body (extensions such as applicationId, errcode). */
  readonly problem?: Record<string, unknown>;

  constructor(code: string, message: string, status: number, fieldErrors: Record<string, string[]> = {},
    requestId?: string, problem?: Record<string, unknown>) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
    this.fieldErrors = fieldErrors;
    this.requestId = requestId;
    this.problem = problem;
  }

  /** The first message for a field, to show under it. */
  fieldMessage(field: string): string | undefined {
    const messages = this.fieldErrors[field];
    return messages && messages.length > 0 ? messages[0] : undefined;
  }
}

/** Messages for codes that arrive without a detail (the API always sends one; these cover proxies and the network). */
export const FALLBACK_MESSAGES: Record<string, string> = {
  network_error: "网络不给力，请检查网络后重试",
  timeout: "请求超时，请稍后重试",
  unauthorized: "登录已过期，请重新登录",
  forbidden: "没有权限执行此操作",
  not_found: "请求的内容不存在",
  wechat_unavailable: "服务暂时不可用，请稍后再试",
  service_unavailable: "服务暂时不可用，请稍后再试",
  database_unavailable: "系统正在维护或网络繁忙，请稍后再试",
  rate_limited: "请求过于频繁，请稍后再试",
  payload_too_large: "提交的内容过大",
  internal_error: "服务器开小差了，请稍后再试",
};

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send the stored token (default true). */
  auth?: boolean;
  /** Makes a POST/PUT safe to retry. */
  idempotencyKey?: string;
}

interface RawResponse {
  statusCode: number;
  data: unknown;
  header: Record<string, string>;
}

type Session = { kind: "worker" | "staff"; token: string; expiresAt: string };

export class MiniAppClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly maxRetryDelayMs: number;
  private readonly prefix: string;
  private readonly injectedWx?: WechatMiniprogram.Wx;
  private loginInFlight: Promise<Schemas["WeChatLoginResponse"]> | null = null;

  constructor(options: ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxRetries = options.maxRetries ?? 2;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 10_000;
    this.prefix = options.storagePrefix ?? "miniapp.";
    this.injectedWx = options.wx;
  }

  private get wx(): WechatMiniprogram.Wx {
    return this.injectedWx ?? wx;
  }

  // ---- session ---------------------------------------------------------------------------------------------------

  get session(): Session | null {
    const value: unknown = this.wx.getStorageSync(this.prefix + "session");
    if (!value || typeof value !== "object") return null;
    const session = value as Session;
    return typeof session.token === "string" ? session : null;
  }

  private saveSession(session: Session | null): void {
    if (session) this.wx.setStorageSync(this.prefix + "session", session);
    else this.wx.removeStorageSync(this.prefix + "session");
  }

  logout(): void {
    this.saveSession(null);
  }

  /** wx.login → POST /api/auth/login. Concurrent callers share one login. */
  login(): Promise<Schemas["WeChatLoginResponse"]> {
    if (!this.loginInFlight) {
      this.loginInFlight = this.doLogin().finally(() => {
        this.loginInFlight = null;
      });
    }
    return this.loginInFlight;
  }

  private async doLogin(): Promise<Schemas["WeChatLoginResponse"]> {
    const code = await new Promise<string>((resolve, reject) => {
      this.wx.login({
        timeout: this.timeoutMs,
        success: (res) => resolve(res.code),
        fail: (err) => reject(new ApiError("network_error", FALLBACK_MESSAGES.network_error, 0, {}, undefined, { errMsg: err.errMsg })),
      });
    });
    const response = await this.request<Schemas["WeChatLoginResponse"]>("POST", "/api/auth/login", { body: { code }, auth: false });
    this.saveSession({ kind: "worker", token: response.token, expiresAt: response.expiresAt });
    return response;
  }

  /** Staff pages: username and password. A 401 later is not retried (the password is not kept). */
  async staffLogin(username: string, password: string): Promise<Schemas["StaffLoginResponse"]> {
    const response = await this.request<Schemas["StaffLoginResponse"]>("POST", "/api/staff/auth/login",
      { body: { username, password }, auth: false });
    this.saveSession({ kind: "staff", token: response.token, expiresAt: response.expiresAt });
    return response;
  }

  // ---- the core --------------------------------------------------------------------------------------------------

  /** One API call. Resolves with the JSON body of a 2xx answer; rejects with ApiError. */
  async request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
    const useAuth = options.auth !== false;
    if (useAuth && !this.session) await this.login();
    let relogged = false;
    for (;;) {
      const session = useAuth ? this.session : null;
      const response = await this.sendWithRetries(method, path, options, session?.token);
      if (response.statusCode === 401 && session && session.kind === "worker" && !relogged) {
        // The token expired or was revoked: log in again once and replay once.
        relogged = true;
        this.saveSession(null);
        await this.login();
        continue;
      }
      if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T;
      if (response.statusCode === 401 && session) this.saveSession(null);
      throw toApiError(response);
    }
  }

  private isSafe(method: Method, options: RequestOptions): boolean {
    return method === "GET" || (method === "POST" && !!options.idempotencyKey);
  }

  private async sendWithRetries(method: Method, path: string, options: RequestOptions, token?: string): Promise<RawResponse> {
    const safe = this.isSafe(method, options);
    for (let attempt = 0; ; attempt++) {
      let response: RawResponse;
      try {
        response = await this.send(method, path, options, token);
      } catch (error) {
        if (safe && attempt < this.maxRetries) {
          await sleep(backoff(attempt));
          continue;
        }
        throw error;
      }
      if (response.statusCode === 503 && safe && attempt < this.maxRetries) {
        await sleep(this.retryAfter(response, attempt));
        continue;
      }
      return response;
    }
  }

  private retryAfter(response: RawResponse, attempt: number): number {
    const value = headerOf(response.header, "retry-after");
    const seconds = value !== undefined ? Number(value) : NaN;
    const wait = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : backoff(attempt);
    return Math.min(wait, this.maxRetryDelayMs);
  }

  private send(method: Method, path: string, options: RequestOptions, token?: string): Promise<RawResponse> {
    const header: Record<string, string> = { Accept: "application/json", ...(options.headers ?? {}) };
    if (options.body !== undefined) header["Content-Type"] = "application/json";
    if (token) header["Authorization"] = "Bearer " + token;
    if (options.idempotencyKey) header["Idempotency-Key"] = options.idempotencyKey;
    const url = this.baseUrl + path + queryString(options.query);
    return new Promise<RawResponse>((resolve, reject) => {
      this.wx.request({
        url,
        method,
        header,
        data: options.body === undefined ? undefined : (options.body as WechatMiniprogram.IAnyObject),
        dataType: "json",
        timeout: this.timeoutMs,
        success: (res) => resolve({
          statusCode: res.statusCode,
          data: res.data,
          header: (res.header ?? {}) as Record<string, string>,
        }),
        fail: (err) => {
          const timedOut = /timeout/i.test(err.errMsg ?? "");
          const code = timedOut ? "timeout" : "network_error";
          reject(new ApiError(code, FALLBACK_MESSAGES[code], 0, {}, undefined, { errMsg: err.errMsg }));
        },
      });
    });
  }

  // ---- the endpoints the worker pages use --------------------------------------------------------------------------

  me(): Promise<Schemas["WorkerSummary"]> {
    return this.request("GET", "/api/me");
  }

  reference(): Promise<Schemas["GetReferenceResponse"]> {
    return this.request("GET", "/api/reference", { auth: false });
  }

  /** scene: onLoad's query.scene as it arrives (URL-encoded is fine; it is decoded here). */
  stationByScene(scene: string): Promise<Schemas["GetStationBySceneResponse"]> {
    return this.request("GET", "/api/stations/by-scene/" + encodeURIComponent(decodeScene(scene)), { auth: false });
  }

  stationOptions(): Promise<Schemas["GetStationOptionsResponse"]> {
    return this.request("GET", "/api/stations/options", { auth: false });
  }

  /** lat/lng: GCJ-02, from wx.getLocation({ type: 'gcj02' }). */
  nearbyStations(query: { lat: number; lng: number; radiusKm?: number; type?: string; facility?: string; openNow?: boolean; limit?: number }):
    Promise<Schemas["FindNearbyStationsResponse"]> {
    return this.request("GET", "/api/stations/nearby", { query, auth: false });
  }

  station(id: number | string): Promise<Schemas["StationView"]> {
    return this.request("GET", "/api/stations/" + encodeURIComponent(String(id)), { auth: false });
  }

  /** code: from <button open-type="getPhoneNumber"> bindgetphonenumber's e.detail.code. */
  bindPhone(code: string): Promise<Schemas["BindPhoneResponse"]> {
    return this.request("POST", "/api/me/phone", { body: { code } });
  }

  /**
   * Apply to join. The Idempotency-Key is kept in storage for this exact form until it succeeds or is refused, so
   * the automatic retries and a second tap after a network failure send the same key and can never apply twice.
   */
  async submitApplication(form: Schemas["ApplicationForm"], idempotencyKey?: string): Promise<Schemas["ApplicationView"]> {
    const key = idempotencyKey ?? this.submissionKey(form);
    try {
      const result = await this.request<Schemas["ApplicationView"]>("POST", "/api/applications", { body: form, idempotencyKey: key });
      this.wx.removeStorageSync(this.prefix + "submission");
      return result;
    } catch (error) {
      // Keep the key only while the outcome is unknown (no answer, or the server was unavailable).
      if (!(error instanceof ApiError && (error.status === 0 || error.status >= 500))) this.wx.removeStorageSync(this.prefix + "submission");
      throw error;
    }
  }

  /** The Idempotency-Key the next submitApplication(form) would send. */
  submissionKey(form: unknown): string {
    const fingerprint = JSON.stringify(form);
    const stored: unknown = this.wx.getStorageSync(this.prefix + "submission");
    if (stored && typeof stored === "object" && (stored as { fingerprint?: string }).fingerprint === fingerprint) {
      return (stored as { key: string }).key;
    }
    const key = newIdempotencyKey();
    this.wx.setStorageSync(this.prefix + "submission", { fingerprint, key });
    return key;
  }

  myApplications(): Promise<Schemas["GetMyApplicationsMyApplication"][]> {
    return this.request("GET", "/api/applications/mine");
  }

  /** Correct a rejected application and send it again. */
  resubmitApplication(id: number | string, form: Schemas["ApplicationForm"]): Promise<Schemas["ApplicationView"]> {
    return this.request("PUT", "/api/applications/" + encodeURIComponent(String(id)), { body: form });
  }

  withdrawApplication(id: number | string): Promise<Schemas["ApplicationView"]> {
    return this.request("POST", "/api/applications/" + encodeURIComponent(String(id)) + "/withdraw");
  }

  membershipCard(): Promise<Schemas["GetMembershipCardCard"]> {
    return this.request("GET", "/api/me/membership");
  }

  /** results: what wx.requestSubscribeMessage's success callback returned, minus errMsg. */
  recordSubscriptions(results: Record<string, string>): Promise<Schemas["RecordSubscriptionsResponse"]> {
    const clean: Record<string, string> = {};
    for (const [key, value] of Object.entries(results)) if (key !== "errMsg") clean[key] = value;
    return this.request("POST", "/api/me/subscriptions", { body: { results: clean } });
  }

  /** Newest first; pass the id of the last message shown to get the next page. */
  messages(before?: number | string, limit?: number): Promise<Schemas["InboxPage"]> {
    return this.request("GET", "/api/me/messages", { query: { before, limit } });
  }

  async markMessageRead(id: number | string): Promise<void> {
    await this.request<unknown>("POST", "/api/me/messages/" + encodeURIComponent(String(id)) + "/read");
  }

  // ---- staff pages ------------------------------------------------------------------------------------------------

  verifyCard(code: string): Promise<Schemas["VerifyCardResponse"]> {
    return this.request("POST", "/api/staff/members/verify", { body: { code } });
  }
}

/** The scene of a station QR code arrives URL-encoded in onLoad(query).scene ("s%3DXP0001"). */
export function decodeScene(scene: string): string {
  let value = scene.trim();
  if (value.indexOf("%") >= 0) {
    try {
      value = decodeURIComponent(value);
    } catch {
      // leave it as it came; the API answers station_not_found
    }
  }
  return value;
}

/** The station code a scene names, or null when it is not a station scene (s=<code>, at most 32 characters). */
export function stationCodeOf(scene: string): string | null {
  const value = decodeScene(scene);
  if (value.length > 32 || value.indexOf("s=") !== 0) return null;
  const code = value.substring(2);
  return /^[A-Za-z0-9_-]{1,24}$/.test(code) ? code : null;
}

export function toApiError(response: RawResponse): ApiError {
  const body = response.data && typeof response.data === "object" ? (response.data as Record<string, unknown>) : undefined;
  const code = typeof body?.code === "string" ? body.code : codeForStatus(response.statusCode);
  const detail = typeof body?.detail === "string" && body.detail ? body.detail : undefined;
  const fieldErrors: Record<string, string[]> = {};
  if (body && body.errors && typeof body.errors === "object") {
    for (const [field, value] of Object.entries(body.errors as Record<string, unknown>)) {
      if (Array.isArray(value)) fieldErrors[field] = value.filter((m): m is string => typeof m === "string");
    }
  }
  const requestId = typeof body?.requestId === "string" ? body.requestId : headerOf(response.header, "x-request-id");
  const message = detail ?? FALLBACK_MESSAGES[code] ?? FALLBACK_MESSAGES.internal_error;
  return new ApiError(code, message, response.statusCode, fieldErrors, requestId, body);
}

function codeForStatus(status: number): string {
  switch (status) {
    case 400: return "bad_request";
    case 401: return "unauthorized";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 413: return "payload_too_large";
    case 429: return "rate_limited";
    case 503: return "service_unavailable";
    default: return "internal_error";
  }
}

function headerOf(header: Record<string, string>, name: string): string | undefined {
  for (const key of Object.keys(header)) if (key.toLowerCase() === name) return header[key];
  return undefined;
}

function queryString(query?: RequestOptions["query"]): string {
  if (!query) return "";
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    parts.push(encodeURIComponent(key) + "=" + encodeURIComponent(String(value)));
  }
  return parts.length ? "?" + parts.join("&") : "";
}

function backoff(attempt: number): number {
  return Math.min(500 * Math.pow(2, attempt), 4000);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** 32 hex characters from the time and Math.random (the mini-program has no crypto.randomUUID). */
export function newIdempotencyKey(): string {
  let key = Date.now().toString(16);
  while (key.length < 32) key += Math.floor(Math.random() * 16).toString(16);
  return key.substring(0, 32);
}
