/**
 * Whether a request carries a Payload login: an Authorization header (JWT, Bearer or API key)
 * or the session cookie `<cookiePrefix>-token`.
 */
export function hasLoginCredentials(headers: Headers, cookiePrefix = 'payload'): boolean {
  if (headers.has('authorization')) return true
  const cookie = headers.get('cookie')
  if (!cookie) return false
  const name = `${cookiePrefix}-token=`
  return cookie.split(';').some((pair) => pair.trimStart().startsWith(name))
}
