/**
 * `value` as an absolute http(s) URL (resolved against `base` when given), or `undefined`.
 * The one gate for every URL an app may send the browser to: `javascript:`, `data:` and every
 * other scheme never come back, however they are spelled (the URL parser strips tabs and
 * newlines and lower-cases the scheme before we look at it).
 */
export function navigableUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string' || !URL.canParse(value, base)) return undefined
  const url = new URL(value, base)
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
}

/**
 * `value` as a `return_to` Kratos takes: a {@link navigableUrl}, or a path (one leading `/`),
 * which Kratos gives the scheme and host of its default browser return URL
 * (x/redir/secure_redirect.go:129-130). Anything else is `undefined`.
 */
export function returnToValue(value: unknown): string | undefined {
  if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')) return value
  return navigableUrl(value)
}

/**
 * True for text a browser would take as a URL of another scheme than http(s) (`javascript:`,
 * `data:`, however spelled): unsafe as a form's action or a link. Text that is not an absolute
 * URL is not (a relative path is resolved against the page).
 */
export function hasUnsafeScheme(value: unknown): boolean {
  return typeof value === 'string' && URL.canParse(value) && navigableUrl(value) === undefined
}
