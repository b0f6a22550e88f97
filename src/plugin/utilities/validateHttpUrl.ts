/** `true` or a message: only absolute http(s) URLs are accepted (no javascript:, data:, …). */
export function validateHttpUrl(value: unknown): string | true {
  if (value === undefined || value === null || value === '') return true
  if (typeof value !== 'string') return 'The URL must be text.'
  if (value.length > 2048) return 'The URL is longer than 2048 characters.'
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return `"${value.slice(0, 80)}" is not a valid URL: use a full address starting with https://`
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `Only http and https URLs are allowed, not "${url.protocol}".`
  }
  return true
}
