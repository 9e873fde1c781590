/**
 * `baseUrl` as a directory (its path ends with `/`), so that a joined path keeps its prefix:
 * `https://app.example.com/auth` + `self-service/settings` is `https://app.example.com/auth/self-service/settings`.
 */
export function directoryUrl(baseUrl: string | URL): URL {
  const url = new URL(baseUrl)
  if (!url.pathname.endsWith('/')) url.pathname += '/'
  return url
}

/** Kratos' endpoints that the settings flow uses, as absolute URLs under `baseUrl` and its path prefix. */
export function settingsEndpoints(baseUrl: string | URL) {
  const base = directoryUrl(baseUrl)
  const at = (path: string) => new URL(path, base).href
  return {
    /** `GET`: a new browser flow (`createBrowserSettingsFlow`), and where a browser restarts one. */
    create: at('self-service/settings/browser'),
    /** `GET ?id=`: a flow (`getSettingsFlow`). */
    get: at('self-service/settings/flows'),
    /** `POST ?flow=`: an update (`updateSettingsFlow`). */
    update: at('self-service/settings'),
    /** `GET`: Kratos' login, where a browser signs in (again). */
    login: at('self-service/login/browser'),
    /** `GET ?id=`: an error Kratos sent a browser to. */
    errors: at('self-service/errors'),
  }
}

/** The URLs of {@link settingsEndpoints}. */
export type SettingsEndpoints = ReturnType<typeof settingsEndpoints>
