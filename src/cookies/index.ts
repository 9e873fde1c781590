// Server-only entry: reads the browser's cookies and forwards Kratos' Set-Cookie headers.
// Built on tough-cookie; the core entry never imports it.

export { getCookieHeader } from './cookie-header.js'
export { getCookieHeaderFromJar, saveSetCookie } from './cookie-jar.js'
export { forwardSetCookie } from './forward-set-cookie.js'
export { rewriteSetCookie } from './rewrite-set-cookie.js'
export { withSetCookie } from './with-set-cookie.js'

export type { CookieSource, CookieStoreLike, NodeRequestLike } from './cookie-header.js'
export type { SetCookieTarget, NodeResponseLike, ResponseCookiesLike, ResponseCookieOptions, ForwardSetCookieOptions } from './forward-set-cookie.js'
export type { SetCookieRewrite } from './rewrite-set-cookie.js'
