// The HTTP adapter's public surface.
export { isHttpSpec } from "./component-spec.ts";
export { describeHttp } from "./describe.ts";
export { createHttpAdapter } from "./http-adapter.ts";
export { describeStatus } from "./outcomes.ts";
export { DEFAULT_HEALTH_TIMEOUT_MS, resolveHttpComponent } from "./resolve-component.ts";
export { settingsOfHttpComponent } from "./settings.ts";
export { REDACTED, redactHeaderValue } from "./templates.ts";
export type { HttpAdapterOptions, ServiceStart } from "./types.ts";
