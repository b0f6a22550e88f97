/**
 * Why a request path cannot name any page or API resource, or undefined when it can: a
 * percent-escape that is not UTF-8 (`/%E0%A4`) or a control character such as NUL (`/en/%00`)
 * once decoded. Next answers such paths with a 500 (its decoder throws, or PostgreSQL refuses
 * the NUL in a slug query), so the proxy refuses them first with a 400.
 */
export function malformedPathProblem(pathname: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return 'it contains a percent-encoded sequence that is not valid UTF-8'
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return 'it contains a control character (such as %00)'
  return undefined
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&${{ '"': 'quot', '&': 'amp', '<': 'lt', '>': 'gt' }[c]};`)

/** The 400 answer: JSON under /api, a small bilingual page elsewhere. */
export function malformedPathResponse(pathname: string, problem: string): Response {
  const message = `Bad request: the address cannot be read because ${problem}.`
  if (pathname.startsWith('/api/')) return Response.json({ errors: [{ message }] }, { status: 400 })
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Bad request</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}</style></head>
<body><main><h1>Bad request</h1><p>${escapeHtml(message)}</p>
<p lang="tr">Adres okunamıyor: geçersiz karakterler içeriyor.</p><p><a href="/">Home / Ana sayfa</a></p></main></body></html>`
  return new Response(page, { headers: { 'Content-Type': 'text/html; charset=utf-8' }, status: 400 })
}
